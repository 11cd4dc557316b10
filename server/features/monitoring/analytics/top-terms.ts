/**
 * The words that dominate a set of headlines and leads: unigrams and bigrams after Indonesian
 * normalisation, without stopwords, numbers and very short words; a bigram is kept only when it
 * is as frequent as its parts are notable (it then replaces them, e.g. "pesta kesenian").
 */
import { idStopwords } from "../ingest/detect-language";
import { tokenizeId } from "../text/tokenize-id";

const MIN_COUNT = 2;

export function topTerms(texts: readonly string[], limit = 20): { term: string; count: number }[] {
  const stop = idStopwords();
  const keep = (w: string) => w.length >= 3 && !stop.has(w) && /^[a-z][a-z-]*$/.test(w);
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    const words = tokenizeId(text);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!keep(w)) continue;
      if (!seen.has(w)) unigrams.set(w, (unigrams.get(w) ?? 0) + 1);
      seen.add(w);
      const next = words[i + 1];
      if (next && keep(next)) {
        const b = `${w} ${next}`;
        if (!seen.has(b)) bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
        seen.add(b);
      }
    }
  }
  const terms = new Map<string, number>();
  for (const [b, n] of bigrams) if (n >= MIN_COUNT) terms.set(b, n);
  const covered = new Set<string>();
  for (const [b, n] of terms) for (const w of b.split(" ")) if ((unigrams.get(w) ?? 0) <= n * 1.25) covered.add(w);
  for (const [w, n] of unigrams) if (n >= MIN_COUNT && !covered.has(w)) terms.set(w, n);
  return [...terms]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([term, count]) => ({ term, count }));
}
