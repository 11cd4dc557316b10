/**
 * Hashed features of a token list, in two groups that are normalised separately so neither
 * swamps the other: words (unigrams marked by negation, bigrams, optional trigrams, "!"/"?")
 * and character n-grams inside word boundaries ("<kata>"). Each occurrence is one entry; a
 * document's vector is the sum of its entries times scale/√(entries in the group), which a
 * linear model can score in one pass with no de-duplication (the reason for this weighting:
 * the classifier must run at tens of thousands of sentences per second per core).
 */
import { CLAUSE } from "../text/tokenize-id";
import { combine, FNV_OFFSET, fmix, fnvStep, hashString } from "./hashing";

export interface FeatureConfig {
  /** The hash space is 2^bits buckets. */
  bits: number;
  /** 1 = unigrams, 2 = + bigrams, 3 = + trigrams. */
  wordNgrams: number;
  /** Character n-gram lengths inside "<word>"; charMax 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Words after a negator (within the clause) get a negated unigram. */
  negators: string[];
  negationScope: number;
  /** Relative weights of the two groups. */
  wordWeight: number;
  charWeight: number;
}

const SEED_WORD = 0x1b873593;
const SEED_NEG = 0x5bd1e995;
const SEED_BI = 0x27d4eb2f;
const SEED_TRI = 0x165667b1;
const BEGIN = 1;
const END = 2;
const MAX_WORD = 40;
const CACHE_SIZE = 50_000;
const EMPTY = new Int32Array(0);

export interface WordEntry {
  hash: number;
  /** Buckets of the unigram, plain and after a negator. */
  plain: number;
  negated: number;
  negator: boolean;
  breaksNegation: boolean;
  grams: Int32Array;
  /** Filled by a TextClassifier: the word's character n-gram weights summed per class. */
  charScore?: Float64Array;
}

export class FeatureExtractor {
  idx = new Int32Array(8192);
  /** Entries of the word group are idx[0, nWord); character n-grams follow up to n. */
  n = 0;
  nWord = 0;
  private readonly mask: number;
  private readonly negators: Set<string>;
  private readonly codes = new Int32Array(MAX_WORD + 2);
  private readonly cache = new Map<string, WordEntry>();
  /** The words of the last extracted document (undefined at clause breaks). */
  readonly words: (WordEntry | undefined)[] = [];

  constructor(readonly config: FeatureConfig) {
    this.mask = 2 ** config.bits - 1;
    this.negators = new Set(config.negators);
  }

  /** The scale of one entry of each group for the last extracted document. */
  get wordScale(): number {
    return this.nWord ? this.config.wordWeight / Math.sqrt(this.nWord) : 0;
  }
  get charScale(): number {
    const nc = this.n - this.nWord;
    return nc ? this.config.charWeight / Math.sqrt(nc) : 0;
  }

  private reserve(extra: number): void {
    if (this.n + extra <= this.idx.length) return;
    const bigger = new Int32Array(Math.max(this.idx.length * 2, this.n + extra));
    bigger.set(this.idx.subarray(0, this.n));
    this.idx = bigger;
  }

  /** withChars = false leaves the character n-grams out of idx (the classifier sums them per word). */
  extract(tokens: string[], withChars = true): void {
    const cfg = this.config;
    const mask = this.mask;
    const words = this.words;
    words.length = tokens.length;
    this.n = 0;
    this.reserve(tokens.length * 3 + 4);
    const idx = this.idx;
    let n = 0;
    let negLeft = 0;
    let prev = 0; // hashes of the previous one and two tokens in this clause (0 = none)
    let prev2 = 0;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      if (tok === CLAUSE) {
        words[t] = undefined;
        negLeft = 0;
        prev = prev2 = 0;
        continue;
      }
      const w = this.word(tok);
      words[t] = w;
      idx[n++] = negLeft > 0 ? w.negated : w.plain;
      if (cfg.wordNgrams >= 2 && prev !== 0) idx[n++] = fmix(combine(prev, w.hash) ^ SEED_BI) & mask;
      if (cfg.wordNgrams >= 3 && prev2 !== 0) idx[n++] = fmix(combine(combine(prev2, prev), w.hash) ^ SEED_TRI) & mask;
      prev2 = prev;
      prev = w.hash;
      if (w.breaksNegation) negLeft = 0;
      else if (w.negator) negLeft = cfg.negationScope;
      else if (negLeft > 0) negLeft--;
    }
    this.n = this.nWord = n;
    if (withChars && cfg.charMax > 0) {
      for (const w of words) {
        if (!w) continue;
        const g = w.grams;
        this.reserve(g.length);
        // A plain loop: TypedArray#set costs more than it saves on a few dozen numbers.
        const out = this.idx;
        let m = this.n;
        for (let i = 0; i < g.length; i++) out[m++] = g[i];
        this.n = m;
      }
    }
  }

  /**
   * Everything about a word that does not depend on its neighbours, computed once: words
   * follow Zipf's law, so a bounded cache answers nearly all lookups. Clearing it whole when
   * full is crude but keeps memory bounded on a stream of rare words.
   */
  private word(tok: string): WordEntry {
    let w = this.cache.get(tok);
    if (w) return w;
    const hash = hashString(tok);
    const punct = tok === "!" || tok === "?";
    w = {
      hash,
      plain: fmix(hash ^ SEED_WORD) & this.mask,
      negated: fmix(hash ^ SEED_NEG) & this.mask,
      negator: this.negators.has(tok),
      breaksNegation: punct,
      // Punctuation tokens have no inner structure.
      grams: punct || this.config.charMax === 0 ? EMPTY : this.charGrams(tok),
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(tok, w);
    return w;
  }

  /** Buckets of the character n-grams of "<word>" (BEGIN and END stand for the brackets). */
  private charGrams(tok: string): Int32Array {
    const { charMin, charMax } = this.config;
    const mask = this.mask;
    const len = Math.min(tok.length, MAX_WORD);
    const padded = len + 2;
    const codes = this.codes;
    codes[0] = BEGIN;
    for (let i = 0; i < len; i++) codes[i + 1] = tok.charCodeAt(i);
    codes[padded - 1] = END;
    const out: number[] = [];
    for (let i = 0; i < padded; i++) {
      let h = FNV_OFFSET;
      const stop = Math.min(padded, i + charMax);
      for (let j = i; j < stop; j++) {
        h = fnvStep(h, codes[j]);
        if (j - i + 1 >= charMin) out.push(fmix(h) & mask);
      }
    }
    return Int32Array.from(out);
  }
}
