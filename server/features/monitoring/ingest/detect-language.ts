/**
 * Indonesian or English by the share of each language's stopwords among the words: news text
 * is 35–50 % stopwords in its own language and a few percent in the other. Short or mixed texts
 * with too few stopwords stay undetected (null) rather than guessed.
 *
 * The Indonesian list is stopwords-iso's (stopwords/, MIT, see SOURCE.md and LICENSE there);
 * the English list is a short hand-made set of the most frequent function words.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

let indonesian: Set<string> | null = null;
export function idStopwords(): Set<string> {
  indonesian ??= new Set(
    readFileSync(path.join(here, "stopwords", "stopwords-id.txt"), "utf8")
      .split("\n")
      .map((w) => w.trim())
      .filter(Boolean),
  );
  return indonesian;
}

const ENGLISH = new Set(
  (
    "the of and to in is was for that on with as by at from it be are this an have has had were not but which or " +
    "their they he she his her its will would been who after also more about said than can we you there one all " +
    "when into over new other some what up out if could these our them no so only two"
  ).split(" "),
);

const WORD = /\p{L}+/gu;

export function detectLanguage(text: string, maxWords = 400): "id" | "en" | null {
  const ids = idStopwords();
  let id = 0;
  let en = 0;
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (ids.has(w)) id++;
    if (ENGLISH.has(w)) en++;
    if (++n >= maxWords) break;
  }
  if (n < 4 || id + en < 2) return null;
  if (id >= en * 1.5) return "id";
  if (en >= id * 1.5) return "en";
  return null;
}

/** Stopword of either language (for story terms and hoax-claim overlap). */
export function isStopword(word: string): boolean {
  return idStopwords().has(word) || ENGLISH.has(word);
}
