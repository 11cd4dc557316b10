/** Work-log rows as cards: readable on a phone, with an optional checkbox for batch steps. */
import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCalendar, IconPaperclip } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { ReturnNote, WorkLogStatusBadge } from "./work-log-badges";
import type { WorkLogSummary } from "./work-logs-api";

export function WorkLogRow({
  log,
  showOfficer,
  selectable,
  selected,
  onSelect,
  meta,
  actions,
  testId = "work-log-row",
}: {
  log: WorkLogSummary;
  showOfficer?: boolean;
  selectable?: boolean;
  selected?: boolean;
  onSelect?: (checked: boolean) => void;
  /** Extra line under the title (the queue shows "diajukan 3 hari lalu"). */
  meta?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} data-status={log.status}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {onSelect && (
          <Checkbox
            mt={4}
            disabled={!selectable}
            checked={!!selected}
            onChange={(e) => onSelect(e.currentTarget.checked)}
            aria-label={t("workLogs.select", { title: log.title })}
          />
        )}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/work-logs/${log.id}`} fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
              {log.title}
            </Anchor>
            <WorkLogStatusBadge status={log.status} />
          </Group>
          <Group gap="xs" wrap="wrap">
            <Badge variant="outline" size="sm" style={{ textTransform: "none" }} maw="100%">
              {log.hasilKerjaCode}
            </Badge>
            <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere", minWidth: 0, flex: 1 }}>
              {log.hasilKerjaName}
            </Text>
          </Group>
          {showOfficer && (
            <Text size="sm">
              {log.officerName}{" "}
              <Text span size="xs" c="dimmed">
                · {log.organizationName}
              </Text>
            </Text>
          )}
          <Group gap="md" wrap="wrap">
            <Group gap={4} wrap="nowrap">
              <IconCalendar size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed">
                {formatDateTime(log.occurredAt)}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconPaperclip size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed">
                {t("workLogs.evidenceCount", { count: log.evidenceCount })}
              </Text>
            </Group>
            {meta}
          </Group>
          {log.status === "returned" && <ReturnNote note={log.decisionNote} />}
          {actions}
        </Stack>
      </Group>
    </Paper>
  );
}
