import { type TimeZoneCode, UTC_OFFSET } from "../../../../../common/roles";

const MINUTE = 60_000;

/** Offset of a zone in minutes (Indonesia keeps no daylight saving time). */
export function offsetMinutes(zone: string): number {
  const offset = UTC_OFFSET[zone as TimeZoneCode] ?? "+07:00";
  const [h, m] = offset.slice(1).split(":").map(Number);
  return (offset.startsWith("-") ? -1 : 1) * (h * 60 + m);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** Minutes since local midnight and the local calendar day (YYYY-MM-DD) of `now` in `zone`. */
export function localClock(now: Date, zone: string): { minutes: number; day: string } {
  const local = new Date(now.getTime() + offsetMinutes(zone) * MINUTE);
  return { minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), day: local.toISOString().slice(0, 10) };
}

/**
 * When quiet hours hold an alert raised at `now`, the instant they end; null outside them.
 * Quiet hours may wrap midnight ("22:00"–"06:00"); start = end means none.
 */
export function quietUntil(now: Date, zone: string, start: string | null, end: string | null): Date | null {
  if (!start || !end || start === end) return null;
  const s = minutesOf(start);
  const e = minutesOf(end);
  const { minutes } = localClock(now, zone);
  const inside = s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
  if (!inside) return null;
  const wait = (e - minutes + 1440) % 1440;
  // Whole local minutes: the end is at the start of minute `e`.
  const startOfMinute = Math.floor(now.getTime() / MINUTE) * MINUTE;
  return new Date(startOfMinute + wait * MINUTE);
}
