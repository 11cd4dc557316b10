/**
 * A small iCalendar (RFC 5545) writer for the content calendar: enough for calendar apps to
 * import or subscribe to it. Written by hand because the format is small and the rules that
 * matter (escaping, folding, CRLF, UTC times) are few and tested.
 */

export interface IcalEvent {
  uid: string;
  start: Date;
  /** Minutes the event lasts in calendar apps (a publication is a moment; 30 keeps it visible). */
  minutes?: number;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
  status?: "CONFIRMED" | "TENTATIVE";
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT values (§3.3.11): backslash, semicolon and comma are escaped, newlines become \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines start with one space, which
 * counts toward their 75. Never splits inside a UTF-8 sequence (Indonesian names can hold é, ñ).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** UTC date-time form 19980119T070000Z (§3.3.5, form #2). */
export function icalUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function renderIcal(opts: { name: string; events: IcalEvent[]; now?: Date }): string {
  const stamp = icalUtc(opts.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sinergi//Kalender Konten//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.name)}`,
  ];
  for (const e of opts.events) {
    const end = new Date(e.start.getTime() + (e.minutes ?? 30) * 60_000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icalUtc(e.start)}`,
      `DTEND:${icalUtc(end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    // URL is a URI value (§3.8.4.6), not TEXT: it is written as is.
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
