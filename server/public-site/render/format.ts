import { IANA_TIME_ZONE, type TimeZoneCode } from "../../../common/roles";

/** Formatters are costly to build and are used on every list row: one per zone, kept. */
const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function zoneCode(code: string): TimeZoneCode {
  return code in IANA_TIME_ZONE ? (code as TimeZoneCode) : "WIB";
}

function formattersFor(code: TimeZoneCode) {
  let f = formatters.get(code);
  if (!f) {
    const timeZone = IANA_TIME_ZONE[code];
    f = {
      date: new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }),
      time: new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }),
    };
    formatters.set(code, f);
  }
  return f;
}

/** "Sabtu, 21 November 2026 10.00 WITA": local time of the organization, zone named. */
export function formatDateTime(date: Date, timeZone: string): string {
  const code = zoneCode(timeZone);
  const f = formattersFor(code);
  return `${f.date.format(date)} ${f.time.format(date)} ${code}`;
}

/** "Sabtu, 21 November 2026" */
export function formatDate(date: Date, timeZone: string): string {
  return formattersFor(zoneCode(timeZone)).date.format(date);
}

/**
 * Dates typed into free-text fields (photo taken, announcement valid until): formatted when they
 * read as an ISO date or date-time, shown as typed otherwise.
 */
export function formatLooseDate(text: string | undefined, timeZone: string): string {
  const value = (text ?? "").trim();
  if (!value) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T12:00:00Z`);
    return Number.isNaN(d.getTime())
      ? value
      : new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : formatDateTime(d, timeZone);
  }
  return value;
}

const numbers = new Intl.NumberFormat("id-ID");
export const formatNumber = (n: number) => numbers.format(n);

/** "3 menit 20 detik" */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} jam`, m && `${m} menit`, s && `${s} detik`].filter(Boolean).join(" ") || "0 detik";
}
