/**
 * Tone of a text around its mentions: an article that praises a festival and criticises the
 * roads should read as negative for "Dinas PUPR" and positive for the festival's organiser.
 * The text is split into sentences; each sentence naming one of the terms is classified with
 * `window` sentences on either side, and the windows' probabilities are averaged.
 */
import { splitSentences } from "../text/sentences-id";
import { type Tone, type ToneScores, toneClassifier, toneScores, topTone } from "./tone-model";

export interface ToneWindow {
  /** Index of the sentence that names a term. */
  sentence: number;
  text: string;
  label: Tone;
  scores: ToneScores;
}

export interface ToneAround {
  label: Tone;
  scores: ToneScores;
  /** Number of sentences that name a term; 0 means the whole text was classified. */
  mentions: number;
  windows: ToneWindow[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Case-insensitive, and a term must stand as a whole word: "PU" should not match "pupuk". */
export function mentionPattern(terms: readonly string[]): RegExp | null {
  const parts = terms.map((t) => t.trim()).filter(Boolean);
  if (!parts.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

export function toneAround(text: string, mentionTerms: string[], window = 1): ToneAround {
  const classifier = toneClassifier();
  const sentences = splitSentences(text);
  const pattern = mentionPattern(mentionTerms);
  const hits = pattern ? sentences.flatMap((s, i) => (pattern.test(s) ? [i] : [])) : [];
  if (!hits.length) {
    const scores = toneScores(text, classifier);
    return { label: topTone(scores), scores, mentions: 0, windows: [] };
  }
  const windows = hits.map((i): ToneWindow => {
    const part = sentences.slice(Math.max(0, i - window), i + window + 1).join(" ");
    const scores = toneScores(part, classifier);
    return { sentence: i, text: part, label: topTone(scores), scores };
  });
  const scores: ToneScores = { positive: 0, neutral: 0, negative: 0 };
  for (const w of windows) for (const t of Object.keys(scores) as Tone[]) scores[t] += w.scores[t] / windows.length;
  return { label: topTone(scores), scores, mentions: hits.length, windows };
}
