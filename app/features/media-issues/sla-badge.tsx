/** SLA countdown ("3 j 20 m lagi"), breached and escalated marks. */
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IssueView } from "./issues-api";

const SEVERITY_COLOR: Record<string, string> = { rendah: "gray", sedang: "blue", tinggi: "orange", krisis: "red" };

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return <Badge color={SEVERITY_COLOR[severity] ?? "gray"}>{t(`issues.severities.${severity}`)}</Badge>;
}

export function SlaBadge({ issue }: { issue: Pick<IssueView, "dueAt" | "status" | "escalatedAt"> }) {
  const { t } = useTranslation();
  if (issue.status === "selesai") return null;
  const left = Date.parse(issue.dueAt) - Date.now();
  const hours = Math.floor(Math.abs(left) / 3_600_000);
  const minutes = Math.floor((Math.abs(left) % 3_600_000) / 60_000);
  return (
    <Group gap={4}>
      {issue.status === "dipantau" ? (
        <Badge variant="light" color="gray">
          {t("issues.slaPaused")}
        </Badge>
      ) : left > 0 ? (
        <Badge variant="light" color={left < 3_600_000 ? "orange" : "teal"}>
          {t("issues.slaLeft", { hours, minutes })}
        </Badge>
      ) : (
        <Badge color="red">{t("issues.slaBreached", { hours, minutes })}</Badge>
      )}
      {issue.escalatedAt && <Badge color="grape">{t("issues.escalated")}</Badge>}
    </Group>
  );
}
