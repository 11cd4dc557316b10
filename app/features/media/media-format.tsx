/** Small display helpers of the media library: sizes, durations, kind icons, rights badges. */
import { Badge, Center } from "@mantine/core";
import { IconAlertTriangle, IconFileTypePdf, IconMusic, IconPhoto, IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MediaKind, MediaRights } from "../../../common/schemas/media";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function formatDuration(seconds: number | null): string {
  if (!seconds) return "";
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const ICONS = { image: IconPhoto, video: IconVideo, pdf: IconFileTypePdf, audio: IconMusic } as const;

/** A placeholder for assets without a thumbnail (video, PDF, audio). */
export function KindIcon({ kind, size = 40, height }: { kind: MediaKind; size?: number; height?: number | string }) {
  const Icon = ICONS[kind];
  return (
    <Center h={height ?? size} bg="var(--mantine-color-gray-1)" style={{ borderRadius: "var(--mantine-radius-sm)" }} aria-hidden>
      <Icon size={size * 0.6} stroke={1.4} color="var(--mantine-color-gray-6)" />
    </Center>
  );
}

/** Limited rights stand out: they are checked again before anything is published. */
export function RightsBadge({ rights, size = "sm" }: { rights: MediaRights; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  if (rights === "limited")
    return (
      <Badge color="orange" size={size} leftSection={<IconAlertTriangle size={12} />}>
        {t("media.rights.limited")}
      </Badge>
    );
  return (
    <Badge color={rights === "free" ? "teal" : "blue"} variant="light" size={size}>
      {t(`media.rights.${rights}`)}
    </Badge>
  );
}
