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

/** Patterns by their terms: each article is checked against the same few watchlists. */
const patterns = new Map<string, RegExp | null>();

/** Case-insensitive, and a term must stand as a whole word: "PU" should not match "pupuk". */
export function mentionPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join("\n");
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    pattern = buildPattern(terms);
    if (patterns.size >= 10_000) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

function buildPattern(terms: readonly string[]): RegExp | null {
  const parts = terms.map((t) => t.trim()).filter(Boolean);
  if (!parts.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * For several toneAround calls on one text (one per matched watchlist): the sentences are split
 * once, and a window two watchlists share is classified once.
 */
export interface ToneMemo {
  text: string;
  sentences: string[];
  scores: Map<string, ToneScores>;
}

export function toneMemo(text: string): ToneMemo {
  return { text, sentences: splitSentences(text), scores: new Map() };
}

export function toneAround(text: string, mentionTerms: string[], window = 1, memo?: ToneMemo): ToneAround {
  const classifier = toneClassifier();
  const known = memo?.text === text ? memo : undefined;
  const sentences = known?.sentences ?? splitSentences(text);
  const score = (part: string): ToneScores => {
    const cached = known?.scores.get(part);
    if (cached) return { ...cached };
    const scores = toneScores(part, classifier);
    known?.scores.set(part, { ...scores });
    return scores;
  };
  const pattern = mentionPattern(mentionTerms);
  const hits = pattern ? sentences.flatMap((s, i) => (pattern.test(s) ? [i] : [])) : [];
  if (!hits.length) {
    const scores = score(text);
    return { label: topTone(scores), scores, mentions: 0, windows: [] };
  }
  const windows = hits.map((i): ToneWindow => {
    const part = sentences.slice(Math.max(0, i - window), i + window + 1).join(" ");
    const scores = score(part);
    return { sentence: i, text: part, label: topTone(scores), scores };
  });
  const scores: ToneScores = { positive: 0, neutral: 0, negative: 0 };
  for (const w of windows) for (const t of Object.keys(scores) as Tone[]) scores[t] += w.scores[t] / windows.length;
  return { label: topTone(scores), scores, mentions: hits.length, windows };
}
