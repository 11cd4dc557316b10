/**
 * Dates as monitoring tools export them, read in the organization's time zone when they carry
 * none: ISO 8601 (Talkwalker), "12-Jan-2026 10:05 AM" and "Jan 12, 2026" (Meltwater),
 * DD/MM/YYYY [HH:MM] (Indonesian Excel), "12 Januari 2026", and Unix seconds or milliseconds.
 * Slashed dates are day first, as Indonesian spreadsheets write them. null when unreadable.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  dec: 12,
  desember: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

function build(y: number, mo: number, d: number, time: string | undefined, offset: string): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  let h = 0;
  let mi = 0;
  let s = 0;
  if (time) {
    const t = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(time.trim());
    if (!t) return null;
    h = Number(t[1]);
    mi = Number(t[2]);
    s = Number(t[3] ?? 0);
    const ampm = t[4]?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) return null;
      if (ampm === "pm" && h < 12) h += 12;
      if (ampm === "am" && h === 12) h = 0;
    }
    if (h > 23 || mi > 59 || s > 59) return null;
  }
  const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`);
  // 31/02 rolls over into March: refuse it rather than store another day.
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + offsetMinutes(offset) * 60_000);
  return local.getUTCDate() === d ? date : null;
}

const offsetMinutes = (o: string) => {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(o);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};

export function parseItemDate(raw: string, offset = "+07:00"): Date | null {
  const v = raw.trim();
  if (!v) return null;
  if (/^\d{10}$|^\d{13}$/.test(v)) {
    const n = Number(v);
    return new Date(v.length === 10 ? n * 1000 : n);
  }
  // ISO date or date-time; without a zone, local time of the organization.
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(v);
  if (m) {
    if (m[5]) {
      const zone = m[5].toUpperCase() === "Z" ? "Z" : m[5].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
      const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}${m[4].length === 5 ? ":00" : ""}${zone}`);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], offset);
  }
  // 12/01/2026, 12-01-2026, 12.01.2026 [10:05[:00] [AM]]
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(.+))?$/.exec(v);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], offset);
  // 12-Jan-2026 10:05AM, 12 Januari 2026, 12 Jan 2026 10.05
  m = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})(?:[ ,]+(.+))?$/.exec(v);
  if (m && MONTHS[m[2].toLowerCase()]) return build(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]), m[4], offset);
  // Jan 12, 2026 [10:05 AM]
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ ,]+(.+))?$/.exec(v);
  if (m && MONTHS[m[1].toLowerCase()]) return build(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]), m[4], offset);
  return null;
}
