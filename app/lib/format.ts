/** Date display helpers; dayjs follows the UI language (set in i18n/index.ts). */
import dayjs from "dayjs";

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return dayjs(iso).format("D MMM YYYY HH:mm");
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return dayjs(iso).format("D MMM YYYY");
}

/** True when any of the keys is allowed; lets the UI follow the server's `can` map. */
export function allowed(can: Record<string, boolean> | undefined, ...keys: string[]): boolean {
  return !!can && keys.some((key) => can[key] === true);
}

/** Numbers in the UI language's style: "18,75" in Indonesian, "18.75" in English. */
export function formatNumber(value: number, fractionDigits = 2): string {
  const locale = dayjs.locale() === "en" ? "en-US" : "id-ID";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** 'YYYY-MM' → "Jan 2025". */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return "—";
  return dayjs(`${month}-01`).format("MMM YYYY");
}
