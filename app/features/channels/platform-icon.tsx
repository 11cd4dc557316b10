/** Platform icons and the status badge, shared by the Kanal page and the channel picker. */
import { Badge, Tooltip } from "@mantine/core";
import {
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandTelegram,
  IconBrandWordpress,
  IconBrandX,
  IconBrandYoutube,
  IconWebhook,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type ChannelHealth, type ChannelPlatform, PLATFORM_LABELS } from "../../../common/schemas/channels";

const ICONS = {
  telegram: IconBrandTelegram,
  facebook: IconBrandFacebook,
  instagram: IconBrandInstagram,
  x: IconBrandX,
  youtube: IconBrandYoutube,
  webhook: IconWebhook,
  wordpress: IconBrandWordpress,
} satisfies Record<ChannelPlatform, unknown>;

export function PlatformIcon({ platform, size = 18 }: { platform: ChannelPlatform; size?: number }) {
  const Icon = ICONS[platform];
  return <Icon size={size} aria-label={PLATFORM_LABELS[platform]} role="img" />;
}

const HEALTH_COLORS: Record<ChannelHealth, string> = { active: "teal", error: "red", expiring: "orange", inactive: "gray" };

export function HealthBadge({ health, error }: { health: ChannelHealth; error?: string | null }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={HEALTH_COLORS[health]} variant="light">
      {t(`channels.health.${health}`)}
    </Badge>
  );
  return error && health === "error" ? (
    <Tooltip label={error} multiline w={300} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
