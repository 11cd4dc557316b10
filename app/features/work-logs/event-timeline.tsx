/** History of an entry: submissions and decisions with their notes, newest first. */
import { Text, Timeline } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconLockOpen, IconSend } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import type { WorkLogEvent } from "./work-logs-api";

const ICONS: Record<string, typeof IconSend> = {
  submit: IconSend,
  resubmit: IconSend,
  return: IconArrowBackUp,
  approve: IconCheck,
  reopen: IconLockOpen,
};
const COLORS: Record<string, string> = { return: "orange", approve: "teal", reopen: "grape" };

export function EventTimeline({ events }: { events: WorkLogEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("workLogs.noEvents")}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={24} lineWidth={2} active={events.length}>
      {events.map((event) => {
        const Icon = ICONS[event.action] ?? IconSend;
        return (
          <Timeline.Item
            key={event.id}
            bullet={<Icon size={14} />}
            color={COLORS[event.action] ?? "blue"}
            title={t(`workLogs.events.${event.action}`, { defaultValue: event.action })}
            data-testid="work-log-event"
          >
            <Text size="xs" c="dimmed">
              {[event.actorName, formatDateTime(event.createdAt)].filter(Boolean).join(" · ")}
            </Text>
            {event.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {event.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
