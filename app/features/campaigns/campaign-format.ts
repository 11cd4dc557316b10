/** Dates of campaigns ('YYYY-MM-DD', calendar days without a time) in the UI language. */
import i18n from "../../i18n";

export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export const formatPeriod = (from: string, to: string) => `${formatDay(from)} – ${formatDay(to)}`;
