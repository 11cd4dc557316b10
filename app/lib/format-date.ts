/**
 * Dates in an organization's own time zone (WIB, WITA, WIT). The browser's zone is not the
 * organization's: an editor in Jakarta schedules a release of a Bali agency in WITA, so every
 * publish or embargo time is shown and entered in the zone of the organization that owns it.
 */
import dayjs from "dayjs";
import { IANA_TIME_ZONE, type TimeZoneCode, UTC_OFFSET } from "../../common/roles";

// dayjs' locale follows the UI language (i18n/index.ts); reading it here keeps this module free
// of the i18n setup, so it runs (and is tested) outside the browser.
const english = () => dayjs.locale() === "en";

function parts(iso: string, zone: TimeZoneCode, withWeekday: boolean, month: "long" | "short"): Record<string, string> {
  const locale = english() ? "en-GB" : "id-ID";
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: IANA_TIME_ZONE[zone],
    weekday: withWeekday ? "long" : undefined,
    day: "numeric",
    month,
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/**
 * "Sabtu, 21 November 2026 10.00 WITA" (Indonesian writes the time with a dot);
 * "Saturday, 21 November 2026 10:00 WITA" in English. `short` drops the weekday and shortens the
 * month ("21 Nov 2026 10.00 WITA") for lists and timelines.
 */
export function formatZoned(
  iso: string | null | undefined,
  zone: TimeZoneCode,
  options: { weekday?: boolean; short?: boolean } = {},
): string {
  if (!iso) return "—";
  const withWeekday = options.weekday !== false && !options.short;
  const p = parts(iso, zone, withWeekday, options.short ? "short" : "long");
  const separator = english() ? ":" : ".";
  const day = `${p.day} ${p.month} ${p.year}`;
  const time = `${p.hour}${separator}${p.minute}`;
  return `${withWeekday ? `${p.weekday}, ` : ""}${day} ${time} ${zone}`;
}

/** An instant as the "YYYY-MM-DDTHH:mm" wall time of the zone, for <input type="datetime-local">. */
export function toZonedInput(iso: string | null | undefined, zone: TimeZoneCode): string {
  if (!iso) return "";
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone: IANA_TIME_ZONE[zone],
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(format.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The wall time typed in the zone back to an ISO instant with the zone's offset (no DST in Indonesia). */
export function fromZonedInput(value: string, zone: TimeZoneCode): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return `${value}:00${UTC_OFFSET[zone]}`;
}
