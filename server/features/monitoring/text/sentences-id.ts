/**
 * Splits Indonesian text into sentences. A sentence ends at ".", "!", "?" or "…" followed by
 * a space, or at a line break — except after a title or abbreviation ("Dr.", "No.", "Rp.",
 * "Jl.", "S.H."), a single initial ("A. Yani") or before a lower-case word (a full stop there
 * is far more often an abbreviation we do not know than a sentence end). Numbers such as
 * "1.000" or "10.30" never split: the point is not followed by a space.
 */

const ABBREVIATIONS = new Set(
  (
    "dr drs dra prof ir h hj kh no nomor rp jl jln gg kab kec kel ds prov st sdr sdri yth bpk bp ibu tn ny nn mr mrs ms " +
    "dll dsb dkk dst tgl hlm ttd ket an up pt cv tbk ltd inc co vs etc ca sk kep perda pp uu spt spd" +
    " s.h s.e s.sos s.kom s.pd s.ip s.t s.ag m.si m.m m.h m.pd m.t m.kes m.sc ph.d a.n u.p a.md s.ked"
  ).split(" "),
);

const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  return text
    .slice(start, end)
    .replace(/^[("'“‘[]+/, "")
    .toLowerCase();
}

function nextChar(text: string, from: number): string {
  for (let i = from; i < text.length; i++) if (!/\s/.test(text[i])) return text[i];
  return "";
}

function isBoundary(text: string, match: RegExpExecArray): boolean {
  const mark = match[0];
  if (!mark.startsWith(".")) return true; // ! ? … end a sentence wherever they are
  if (mark.length > 1 && mark.startsWith("..")) return true;
  const at = match.index;
  const before = wordBefore(text, at);
  if (before === "") return true; // a detached " . " as in tokenised text
  if (ABBREVIATIONS.has(before) || /^[a-z]$/.test(before) || /^([a-z]\.)+[a-z]$/.test(before)) return false;
  const next = nextChar(text, at + mark.length);
  const startsLowerCase = next !== "" && next.toLowerCase() === next && next.toUpperCase() !== next;
  return !startsLowerCase;
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n+/)) {
    let start = 0;
    TERMINATOR.lastIndex = 0;
    for (let m = TERMINATOR.exec(paragraph); m; m = TERMINATOR.exec(paragraph)) {
      if (!isBoundary(paragraph, m)) continue;
      const end = m.index + m[0].length;
      const sentence = paragraph.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = end;
    }
    const rest = paragraph.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
