/** The health of a source as a coloured badge: new, ok, warning, failing, disabled. */
import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SourceHealth } from "../../../common/monitoring-source-enums";

const COLORS: Record<SourceHealth, string> = { new: "gray", ok: "teal", warning: "yellow", failing: "red", disabled: "dark" };

export function SourceHealthBadge({ health, detail }: { health: SourceHealth; detail?: string | null }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={COLORS[health]} variant="light">
      {t(`monitoringSources.health.${health}`)}
    </Badge>
  );
  return detail ? (
    <Tooltip label={detail} multiline w={320} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
