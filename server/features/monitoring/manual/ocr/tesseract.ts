import { runTool, ToolError } from "./run-tool";

/** What tesseract read from one page image. */
export interface OcrPage {
  text: string;
  /** Words read with a confidence of at least WORD_MIN_CONFIDENCE. */
  words: number;
  /** Mean confidence (0–100) of those words, or null when there were none. */
  confidence: number | null;
}

/** Tesseract's confidence below which a "word" is usually noise (specks, photo texture). */
const WORD_MIN_CONFIDENCE = 40;
const LANGUAGE = "ind";

const availability = new Map<string, Promise<boolean>>();

/**
 * True when `bin` runs and has the Indonesian traineddata. Checked once per process: the app
 * starts without tesseract, and only the OCR action then answers "OCR tidak tersedia".
 */
export function tesseractAvailable(bin: string): Promise<boolean> {
  let known = availability.get(bin);
  if (!known) {
    known = runTool(bin, ["--list-langs"], 10_000).then(
      (out) => out.split(/\r?\n/).some((line) => line.trim() === LANGUAGE),
      () => false,
    );
    availability.set(bin, known);
    // A failed check is not remembered for ever: the package may be installed later.
    known.then((ok) => {
      if (!ok) setTimeout(() => availability.delete(bin), 60_000).unref();
    });
  }
  return known;
}

/**
 * OCR of one page image file in Indonesian. TSV output gives each word's confidence, so an
 * unreadable scan (noise read as a handful of low-confidence "words") can be told from a page.
 */
export async function recognizePage(bin: string, imagePath: string, timeoutMs: number): Promise<OcrPage> {
  // --psm 3: fully automatic page segmentation (newspaper columns become separate blocks).
  const tsv = await runTool(bin, [imagePath, "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"], timeoutMs);
  return textFromTsv(tsv);
}

interface Word {
  key: string;
  line: string;
  text: string;
  conf: number;
}

/**
 * Rebuilds text from tesseract's TSV: words of a line joined by spaces, the lines of a
 * paragraph joined into one line (newspaper columns wrap mid-sentence), paragraphs separated
 * by a blank line, as RawItem.text expects.
 */
export function textFromTsv(tsv: string): OcrPage {
  const words: Word[] = [];
  for (const row of tsv.split(/\r?\n/).slice(1)) {
    const cols = row.split("\t");
    if (cols.length < 12 || cols[0] !== "5") continue;
    const text = cols.slice(11).join("\t").trim();
    const conf = Number(cols[10]);
    if (!text || !Number.isFinite(conf) || conf < WORD_MIN_CONFIDENCE) continue;
    // page, block, paragraph → one paragraph; + line number → one line.
    const key = `${cols[1]}.${cols[2]}.${cols[3]}`;
    words.push({ key, line: `${key}.${cols[4]}`, text, conf });
  }
  const paragraphs: string[][] = [];
  let lastKey = "";
  let lastLine = "";
  for (const w of words) {
    if (w.key !== lastKey) paragraphs.push([]);
    const lines = paragraphs[paragraphs.length - 1];
    if (w.line !== lastLine) lines.push(w.text);
    else lines[lines.length - 1] += ` ${w.text}`;
    lastKey = w.key;
    lastLine = w.line;
  }
  const text = paragraphs
    .map((lines) => lines.reduce(joinLines))
    .filter((p) => p.trim())
    .join("\n\n");
  const confidence = words.length ? Math.round(words.reduce((s, w) => s + w.conf, 0) / words.length) : null;
  return { text, words: words.length, confidence };
}

/**
 * Joins a wrapped line to the next. A word hyphenated at the line end ("pemba-" + "ngunan")
 * is rejoined, except an Indonesian reduplication split at the hyphen ("hati-" + "hati").
 */
export function joinLines(previous: string, next: string): string {
  const m = /(\p{L}+)-$/u.exec(previous);
  if (m && /^\p{Ll}/u.test(next)) {
    const nextWord = /^\p{L}+/u.exec(next)?.[0] ?? "";
    if (nextWord.toLowerCase().startsWith(m[1].toLowerCase())) return `${previous}${next}`;
    return `${previous.slice(0, -1)}${next}`;
  }
  return `${previous} ${next}`;
}

export { ToolError };
