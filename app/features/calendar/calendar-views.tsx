/** Month grid, week columns and a day-grouped list of the same entries (no calendar library). */
import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { dayIn, daysBetween, formatDayLabel, todayLocal } from "../../../common/calendar-days";
import type { TimeZoneCode } from "../../../common/roles";
import classes from "./calendar.module.css";
import type { CalendarEntry } from "./calendar-api";
import { CalendarEntryChip } from "./calendar-entry";

const MAX_IN_CELL = 4;

/** Entries by the day they fall on in their organization's zone. */
export function byDay(entries: CalendarEntry[]): Map<string, CalendarEntry[]> {
  const map = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const day = dayIn(e.at, e.organization.timeZone as TimeZoneCode);
    map.set(day, [...(map.get(day) ?? []), e]);
  }
  return map;
}

function WeekdayHeads({ days }: { days: string[] }) {
  const { i18n } = useTranslation();
  return (
    <>
      {days.slice(0, 7).map((d) => (
        <div key={d} className={classes.head} aria-hidden>
          {formatDayLabel(d, i18n.language, { weekday: "short" })}
        </div>
      ))}
    </>
  );
}

export function MonthGrid({
  from,
  to,
  month,
  entries,
  onShowDay,
}: {
  from: string;
  to: string;
  month: string;
  entries: CalendarEntry[];
  onShowDay: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const days = daysBetween(from, to);
  const map = byDay(entries);
  const today = todayLocal();
  return (
    <section className={classes.grid} aria-label={t("calendar.modes.month")}>
      <WeekdayHeads days={days} />
      {days.map((d) => {
        const list = map.get(d) ?? [];
        const cls = [classes.cell, d.slice(0, 7) !== month ? classes.outside : "", d === today ? classes.today : ""].join(" ");
        return (
          <div key={d} className={cls}>
            <time
              className={classes.dayNumber}
              dateTime={d}
              title={formatDayLabel(d, i18n.language, { weekday: "long", day: "numeric", month: "long" })}
            >
              {Number(d.slice(8))}
            </time>
            {list.slice(0, MAX_IN_CELL).map((e) => (
              <CalendarEntryChip key={e.id} entry={e} />
            ))}
            {list.length > MAX_IN_CELL && (
              <Anchor component="button" type="button" size="xs" onClick={() => onShowDay(d)}>
                {t("calendar.more", { count: list.length - MAX_IN_CELL })}
              </Anchor>
            )}
          </div>
        );
      })}
    </section>
  );
}

export function WeekColumns({ from, to, entries }: { from: string; to: string; entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  const days = daysBetween(from, to);
  const map = byDay(entries);
  const today = todayLocal();
  return (
    <section className={classes.grid} aria-label={t("calendar.modes.week")}>
      <WeekdayHeads days={days} />
      {days.map((d) => (
        <div key={d} className={`${classes.weekCell} ${d === today ? classes.today : ""}`}>
          <time className={classes.dayNumber} dateTime={d}>
            {Number(d.slice(8))}
          </time>
          {(map.get(d) ?? []).map((e) => (
            <CalendarEntryChip key={e.id} entry={e} withOrganization />
          ))}
        </div>
      ))}
    </section>
  );
}

export function DayList({ entries }: { entries: CalendarEntry[] }) {
  const { t, i18n } = useTranslation();
  const map = byDay(entries);
  const days = [...map.keys()].sort();
  if (days.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t("calendar.empty")}
      </Text>
    );
  return (
    <Stack gap="sm">
      {days.map((d) => (
        <Card key={d} withBorder radius="md" padding="sm">
          <Title order={5} mb={6}>
            {formatDayLabel(d, i18n.language, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
          </Title>
          <Stack gap={4}>
            {(map.get(d) ?? []).map((e) => (
              <CalendarEntryChip key={e.id} entry={e} withOrganization />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
