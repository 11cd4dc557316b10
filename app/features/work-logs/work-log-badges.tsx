/** Status badge and the supervisor's note, shown the same way in lists, queue and detail. */
import { Badge, Group, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { WorkLogStatus } from "./work-logs-api";

const COLORS: Record<WorkLogStatus, string> = { draft: "gray", submitted: "blue", returned: "orange", approved: "teal" };

export function WorkLogStatusBadge({ status }: { status: WorkLogStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === "returned" ? "filled" : "light"} style={{ flexShrink: 0 }}>
      {t(`workLogs.status.${status}`)}
    </Badge>
  );
}

/** "Dikembalikan" entries carry the supervisor's note; it must be readable at a glance. */
export function ReturnNote({ note }: { note: string | null }) {
  const { t } = useTranslation();
  if (!note) return null;
  return (
    <Group
      gap={6}
      wrap="nowrap"
      align="flex-start"
      p={6}
      bg="orange.0"
      style={{ borderRadius: "var(--mantine-radius-sm)", borderLeft: "3px solid var(--mantine-color-orange-6)" }}
      data-testid="return-note"
    >
      <IconArrowBackUp size={16} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        <Text span fw={600} size="sm">
          {t("workLogs.returnNote")}:
        </Text>{" "}
        {note}
      </Text>
    </Group>
  );
}
