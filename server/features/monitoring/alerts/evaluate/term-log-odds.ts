import { searchTokens } from "../../text/tokenized-doc";

/** Function words that carry no story (a short list: the log-odds already discount common words). */
const STOPWORDS = new Set(
  (
    "yang dan di ke dari untuk dengan pada dalam ini itu adalah akan telah sudah juga tidak atau oleh karena sebagai " +
    "bahwa para saat agar bisa dapat ada kata ia mereka kami kita kamu anda saya tersebut lebih masih hingga serta " +
    "secara setelah sejak namun tetapi jika bagi antara terhadap tentang seperti belum harus banyak satu dua tiga " +
    "pun lagi hal maka yakni yaitu tak per nya sebuah beberapa usai jadi menjadi "
  )
    .trim()
    .split(/\s+/),
);

export interface TermScore {
  term: string;
  /** log-odds ratio of the term in the spike vs the baseline (informative Dirichlet prior). */
  logOdds: number;
  /** The same divided by its standard error: what the terms are ranked by. */
  z: number;
  count: number;
}

function countTerms(texts: string[]): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const t of searchTokens(text)) {
      if (t.length < 3 || STOPWORDS.has(t) || /^\d/.test(t)) continue;
      counts.set(t, (counts.get(t) ?? 0) + 1);
      total++;
    }
  }
  return { counts, total };
}

/**
 * Terms that set the spike's articles apart from the baseline's: the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), ranked by its
 * z-score so that a word seen twice does not beat one seen forty times.
 */
export function distinctiveTerms(spikeTexts: string[], baselineTexts: string[], top = 10, minCount = 2): TermScore[] {
  const a = countTerms(spikeTexts);
  const b = countTerms(baselineTexts);
  const all = new Map<string, number>(b.counts);
  for (const [t, c] of a.counts) all.set(t, (all.get(t) ?? 0) + c);
  const totalAll = a.total + b.total;
  if (totalAll === 0) return [];
  const a0 = Math.min(1000, totalAll); // prior strength
  const out: TermScore[] = [];
  for (const [term, yi] of a.counts) {
    if (yi < minCount) continue;
    const yj = b.counts.get(term) ?? 0;
    const aw = (a0 * (all.get(term) ?? 0)) / totalAll;
    const li = Math.log((yi + aw) / (a.total + a0 - yi - aw));
    const lj = Math.log((yj + aw) / (b.total + a0 - yj - aw));
    const delta = li - lj;
    const z = delta / Math.sqrt(1 / (yi + aw) + 1 / (yj + aw));
    if (delta > 0) out.push({ term, logOdds: delta, z, count: yi });
  }
  return out.sort((x, y) => y.z - x.z).slice(0, top);
}
