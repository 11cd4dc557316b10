/** One item on the calendar: a coloured chip (status) with its local time, linking to the item. */
import { Badge, Group, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { timeIn } from "../../../common/calendar-days";
import { formatZoned } from "../../lib/format-date";
import type { CalendarEntry } from "./calendar-api";

export const STATUS_COLORS: Record<CalendarEntry["status"], string> = { approved: "yellow", scheduled: "blue", published: "teal" };

export function CalendarEntryChip({ entry, withOrganization = false }: { entry: CalendarEntry; withOrganization?: boolean }) {
  const { t, i18n } = useTranslation();
  const zone = entry.organization.timeZone as Parameters<typeof formatZoned>[1];
  const embargoed = entry.embargoUntil !== null && new Date(entry.embargoUntil) > new Date(entry.at);
  const tip = [
    `${t(`calendar.statuses.${entry.status}`)} · ${t(`content.types.${entry.type}`)}`,
    formatZoned(entry.at, zone),
    entry.organization.name,
    entry.campaign ? t("calendar.campaignLabel", { name: entry.campaign.name }) : null,
    entry.embargoUntil ? t("calendar.embargoUntil", { date: formatZoned(entry.embargoUntil, zone) }) : null,
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <Tooltip label={<span style={{ whiteSpace: "pre-line" }}>{tip}</span>} withArrow multiline w={280} openDelay={300}>
      <UnstyledButton
        component={Link}
        to={`/content/${entry.id}`}
        w="100%"
        style={{
          borderLeft: `3px solid var(--mantine-color-${STATUS_COLORS[entry.status]}-6)`,
          background: `var(--mantine-color-${STATUS_COLORS[entry.status]}-light)`,
          borderRadius: 4,
          padding: "1px 4px",
        }}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="xs" fw={600} style={{ flexShrink: 0 }}>
            {timeIn(entry.at, zone, i18n.language)}
          </Text>
          {embargoed && <IconLock size={12} aria-label={t("calendar.embargo")} />}
          <Text size="xs" truncate>
            {entry.title}
          </Text>
        </Group>
        {withOrganization && (
          <Group gap={4} mt={2}>
            <Text size="xs" c="dimmed" truncate>
              {entry.organization.shortName}
            </Text>
            {entry.campaign && (
              <Badge size="xs" variant="outline" tt="none">
                {entry.campaign.name}
              </Badge>
            )}
          </Group>
        )}
      </UnstyledButton>
    </Tooltip>
  );
}
