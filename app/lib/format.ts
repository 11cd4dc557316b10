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
