/** The workflow trail of an item, with each decision's note. */
import { Text, Timeline } from "@mantine/core";
import {
  IconArchive,
  IconArrowBackUp,
  IconCalendarTime,
  IconCalendarX,
  IconCheck,
  IconPencil,
  IconPlus,
  IconSend,
  IconWorld,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { formatZoned } from "../../lib/format-date";
import type { ContentEvent } from "./content-api";

const ICONS: Record<string, typeof IconSend> = {
  created: IconPlus,
  updated: IconPencil,
  submitted: IconSend,
  submit: IconSend,
  approved: IconCheck,
  approved_final: IconCheck,
  approve: IconCheck,
  returned: IconArrowBackUp,
  return: IconArrowBackUp,
  scheduled: IconCalendarTime,
  schedule: IconCalendarTime,
  unscheduled: IconCalendarX,
  unschedule: IconCalendarX,
  published: IconWorld,
  publish: IconWorld,
  archived: IconArchive,
  archive: IconArchive,
};
const COLORS: Record<string, string> = {
  returned: "orange",
  return: "orange",
  approved: "teal",
  approved_final: "teal",
  approve: "teal",
  published: "green",
  archived: "dark",
};

/** Notes written by the system carry ISO times ("embargo 2026-11-28T02:00:00.000Z"); show them in local time. */
function readableNote(note: string, zone: TimeZoneCode): string {
  return note.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) =>
    formatZoned(iso, zone, { short: true }),
  );
}

export function ContentTimeline({ events, zone }: { events: ContentEvent[]; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("content.noEvents")}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={24} lineWidth={2} active={events.length}>
      {events.map((event) => {
        const Icon = ICONS[event.action] ?? IconPencil;
        const step = event.step !== null ? ` · ${t("content.review.step", { n: event.step })}` : "";
        return (
          <Timeline.Item
            key={event.id}
            bullet={<Icon size={14} />}
            color={COLORS[event.action] ?? "blue"}
            title={`${t(`content.events.${event.action}`, { defaultValue: event.action })}${step}`}
            data-testid="content-event"
          >
            <Text size="xs" c="dimmed">
              {[event.actorName, formatZoned(event.createdAt, zone, { short: true })].filter(Boolean).join(" · ")}
            </Text>
            {event.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {readableNote(event.note, zone)}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
