/**
 * Day arithmetic of the staff app's content calendar on 'YYYY-MM-DD' strings (UTC-based, so no
 * browser time zone can shift a day). Entries are placed on the day of their organization's zone.
 */
import { IANA_TIME_ZONE, type TimeZoneCode } from "./roles";

export type CalendarMode = "month" | "week" | "list";

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));

/** Monday of the day's week (Indonesian calendars start on Monday). */
export function startOfWeek(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

export function lastOfMonth(day: string): string {
  const d = toDate(firstOfMonth(day));
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

export function addMonths(day: string, n: number): string {
  const d = toDate(firstOfMonth(day));
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

/** The days a view shows: the month grid runs Monday to Sunday around the month (≤ 42 days). */
export function rangeOf(mode: CalendarMode, anchor: string): { from: string; to: string } {
  if (mode === "week") {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  if (mode === "list") return { from: firstOfMonth(anchor), to: lastOfMonth(anchor) };
  const from = startOfWeek(firstOfMonth(anchor));
  return { from, to: addDays(startOfWeek(lastOfMonth(anchor)), 6) };
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The anchor of the previous or next page of a view. */
export const step = (mode: CalendarMode, anchor: string, dir: 1 | -1) =>
  mode === "week" ? addDays(anchor, 7 * dir) : addMonths(anchor, dir);

/** The calendar day of an instant in an organization's zone. */
export function dayIn(iso: string, zone: TimeZoneCode): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: IANA_TIME_ZONE[zone] }).format(new Date(iso));
}

/** "09.30" (Indonesian) or "09:30" in the organization's zone. */
export function timeIn(iso: string, zone: TimeZoneCode, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    timeZone: IANA_TIME_ZONE[zone],
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function formatDayLabel(day: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { ...options, timeZone: "UTC" }).format(toDate(day));
}
