/**
 * Calendar-month arithmetic on 'YYYY-MM' strings, by hand: AK periods are whole months, so a
 * month is just an integer (year × 12 + month − 1) and no date library or time zone is involved.
 */

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM' to a month index; `field` names the input in the error message. */
export function parseMonth(value: string, field: string): number {
  const match = MONTH_RE.exec(value);
  if (!match) throw new RangeError(`${field} harus berformat YYYY-MM (bulan 01–12), diterima "${value}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export const yearOfMonth = (index: number): number => Math.floor(index / 12);

/** The first day of a month, the date on which that month's rules are looked up. */
export const firstDayOfMonth = (index: number): string => `${formatMonth(index)}-01`;

/** Validates a real calendar date 'YYYY-MM-DD' (rejects 2023-02-30) and returns it unchanged. */
export function parseDate(value: string, field: string): string {
  const match = DATE_RE.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (!match || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
    throw new RangeError(`${field} harus tanggal valid berformat YYYY-MM-DD, diterima "${value}"`);
  }
  return value;
}

/** The month index containing a (validated) 'YYYY-MM-DD' date. */
export const monthOfDate = (date: string, field: string): number => parseMonth(parseDate(date, field).slice(0, 7), field);
