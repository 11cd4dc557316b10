/** The tone of a mention as a coloured badge; a corrected tone is marked as such. */
import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Tone } from "./monitoring-articles-api";

const COLORS: Record<Tone, string> = { positive: "green", neutral: "gray", negative: "red" };

export function ToneBadge({ tone, corrected, label }: { tone: Tone; corrected?: boolean; label?: string }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={COLORS[tone]} variant={corrected ? "outline" : "light"} size="sm">
      {label ? `${label}: ` : ""}
      {t(`monitoringArticles.tones.${tone}`)}
      {corrected ? " ✓" : ""}
    </Badge>
  );
  return corrected ? <Tooltip label={t("monitoringArticles.correctedTone")}>{badge}</Tooltip> : badge;
}
