/**
 * Indonesian tokeniser shared by training and classification, so both see the same tokens:
 * lower-case words (letters, digits, inner hyphens of reduplication such as "hati-hati"),
 * letters repeated three times or more collapsed ("mantaaap" → "mantap"), "hati2" expanded to
 * "hati-hati", informal spellings mapped to the standard word (slang-id.ts), numbers folded to
 * "0", and punctuation kept as two kinds of token: "!" / "?" (they carry tone) and "." for any
 * clause break (it ends a negation's scope and a bigram chain).
 */
import { SLANG } from "./slang-id";

export const CLAUSE = ".";

function isWordCode(c: number): boolean {
  // a–z, 0–9, Latin-1 and other letters outside the punctuation/symbol blocks; the text is lower-cased first.
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "mantaaap" → "mantap": Indonesian spelling never triples a letter, so a run of 3+ is emphasis. */
function collapseRepeats(w: string): string {
  let run = 1;
  let changed = false;
  for (let i = 1; i < w.length; i++) {
    if (w.charCodeAt(i) === w.charCodeAt(i - 1)) {
      if (++run >= 3) changed = true;
    } else run = 1;
  }
  if (!changed) return w;
  let out = w[0];
  for (let i = 1; i < w.length; i++) if (w[i] !== w[i - 1]) out += w[i];
  return out;
}

function pushWord(out: string[], raw: string, keepNumbers: boolean): void {
  if (isDigits(raw)) {
    if (keepNumbers) {
      out.push(raw);
      return;
    }
    out.push("0");
    return;
  }
  let w = collapseRepeats(raw);
  // "hati2", "anak2" → reduplication (a trailing 2 after three letters or more).
  if (w.length > 3 && w.charCodeAt(w.length - 1) === 50 && !isDigits(w.slice(0, -1))) {
    const stem = w.slice(0, -1);
    w = `${stem}-${stem}`;
  }
  const standard = SLANG.get(w);
  if (standard === undefined) out.push(w);
  else if (standard.includes(" ")) out.push(...standard.split(" "));
  else out.push(standard);
}

export interface TokenizeOptions {
  /** Keep numbers as written ("2024") instead of folding them to "0": search needs them
   *  ("Perda No 5" must not match "Perda No 7"); the classifiers want them folded. */
  keepNumbers?: boolean;
}

export function tokenizeId(text: string, options?: TokenizeOptions): string[] {
  const keepNumbers = options?.keepNumbers === true;
  const s = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isWordCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    // An inner hyphen or apostrophe stays inside the word ("hati-hati", "jum'at").
    if ((c === 45 || c === 39) && start >= 0 && i + 1 < n && isWordCode(s.charCodeAt(i + 1))) continue;
    if (start >= 0) {
      pushWord(out, s.slice(start, i), keepNumbers);
      start = -1;
    }
    if (c === 33) out.push("!");
    else if (c === 63) out.push("?");
    else if ((c === 46 || c === 44 || c === 59 || c === 58 || c === 10) && out.length && out[out.length - 1] !== CLAUSE) out.push(CLAUSE);
  }
  if (start >= 0) pushWord(out, s.slice(start), keepNumbers);
  return out;
}

/** tokenizeId(text) from tokenizeId(text, { keepNumbers: true }): the same list with numbers
 *  folded to "0" (a digit-only token only ever comes from a number; no slang maps to digits), so
 *  one tokenisation serves both the search view and the classifiers. */
export function foldNumbers(kept: readonly string[]): string[] {
  return kept.map((t) => (isDigits(t) ? "0" : t));
}
