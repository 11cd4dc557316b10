import type { Locale } from "../../../../../common/roles";

/** Headlines of an alert in each language, by rule kind. */
const KIND_LABEL: Record<string, Record<Locale, string>> = {
  negative_mention: { id: "Pemberitaan negatif", en: "Negative coverage" },
  volume_spike: { id: "Lonjakan volume pemberitaan", en: "Coverage volume spike" },
  negative_share_spike: { id: "Lonjakan porsi berita negatif", en: "Negative share spike" },
  keyword: { id: "Kata kunci terpantau", en: "Keyword match" },
  hoax_match: { id: "Cocok dengan klarifikasi hoaks", en: "Matches a hoax clarification" },
};

export interface AlertTextSource {
  kind: string;
  title: string;
  summary: string;
  url: string | null;
  ruleName: string;
}

export function alertHeadline(locale: Locale, a: AlertTextSource): string {
  return `${KIND_LABEL[a.kind]?.[locale] ?? a.kind}: ${a.title}`;
}

/** Plain text for Telegram and email bodies. */
export function alertPlainText(locale: Locale, a: AlertTextSource): string {
  const rule = locale === "en" ? `Rule: ${a.ruleName}` : `Aturan: ${a.ruleName}`;
  return [alertHeadline(locale, a), a.summary, a.url ?? "", rule].filter(Boolean).join("\n");
}

/** One message for the alerts quiet hours held back. */
export function digestText(locale: Locale, ruleName: string, alerts: AlertTextSource[]): { title: string; body: string } {
  const title =
    locale === "en"
      ? `${alerts.length} alert(s) during quiet hours — ${ruleName}`
      : `${alerts.length} peringatan selama jam tenang — ${ruleName}`;
  const body = alerts.map((a, i) => `${i + 1}. ${alertHeadline(locale, a)}${a.url ? ` (${a.url})` : ""}`).join("\n");
  return { title, body };
}
