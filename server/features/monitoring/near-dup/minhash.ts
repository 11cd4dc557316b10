/**
 * Near-duplicate fingerprints for syndicated copies: MinHash over 3-word shingles.
 *
 * Why MinHash rather than SimHash: the question asked of a copy is "what share of the wording is
 * the same" — Jaccard similarity of shingle sets — and MinHash estimates exactly that, unbiased,
 * with a known error (σ = √(J(1−J)/128) ≤ 0.044 at 128 hashes), and its LSH banding gives a
 * tunable candidate lookup. SimHash's Hamming distance tracks cosine similarity of weighted
 * features; for a truncated copy or one with a long boilerplate block the bit distance jumps
 * non-linearly (a half-length copy has J = 0.5 but SimHash distances near those of unrelated
 * texts on the same topic), and the threshold has no interpretation a user could set. SimHash's
 * one advantage, 8 bytes instead of 512, does not matter at newsroom volumes.
 *
 * Shingles are hashed from the search tokens (text/tokenized-doc.ts), so case, punctuation,
 * slang spellings and "hati2" do not make copies look different.
 */
import { searchTokens } from "../text/tokenized-doc";

export const SHINGLE_SIZE = 3;
export const NUM_HASHES = 128;

export interface Fingerprint {
  /** NUM_HASHES minimum hash values, one per hash function. */
  readonly signature: Uint32Array;
  /** Distinct shingles in the text (0 for an empty text). */
  readonly shingles: number;
}

/** murmur3's 32-bit finaliser: a cheap bijective mixer. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash function i is x ↦ fmix32(a_i·x + b_i), a_i odd: fixed seeds, so fingerprints are stable
 *  across processes and can be stored. */
const MUL = new Uint32Array(NUM_HASHES);
const ADD = new Uint32Array(NUM_HASHES);
{
  let s = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    s = fmix32(s + 0x6d2b79f5);
    MUL[i] = (s | 1) >>> 0;
    s = fmix32(s + 0x6d2b79f5);
    ADD[i] = s;
  }
}

/** Words follow Zipf's law, so a small cache of word hashes saves most of the string hashing. */
const wordHashes = new Map<string, number>();
function wordHash(word: string): number {
  let h = wordHashes.get(word);
  if (h !== undefined) return h;
  h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h = fmix32(h);
  if (wordHashes.size > 200_000) wordHashes.clear();
  wordHashes.set(word, h);
  return h;
}

/** Distinct 32-bit hashes of the k-word shingles of a token list (one shingle if shorter than k). */
export function shingleHashes(tokens: readonly string[], k = SHINGLE_SIZE): Set<number> {
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  const hashes = tokens.map(wordHash);
  const last = Math.max(0, hashes.length - k);
  for (let i = 0; i <= last; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + k, hashes.length); j++) h = Math.imul(h ^ hashes[j], 0x01000193) + 0x9e3779b9;
    out.add(fmix32(h));
  }
  return out;
}

export function fingerprintTokens(tokens: readonly string[]): Fingerprint {
  const signature = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const shingles = shingleHashes(tokens);
  const xs = Uint32Array.from(shingles);
  // Hash-major order keeps the running minimum and the hash's constants in locals.
  for (let i = 0; i < NUM_HASHES; i++) {
    const mul = MUL[i];
    const add = ADD[i];
    let min = 0xffffffff;
    for (let j = 0; j < xs.length; j++) {
      let h = Math.imul(xs[j], mul) + add;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < min) min = h;
    }
    signature[i] = min;
  }
  return { signature, shingles: shingles.size };
}

export function fingerprint(text: string): Fingerprint {
  return fingerprintTokens(searchTokens(text));
}

/** Estimated Jaccard similarity of the two texts' shingle sets, 0..1. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a.signature[i] === b.signature[i]) same++;
  return same / NUM_HASHES;
}

/** Exact Jaccard similarity of two texts' shingle sets (for tests and small comparisons). */
export function jaccard(textA: string, textB: string): number {
  const a = shingleHashes(searchTokens(textA));
  const b = shingleHashes(searchTokens(textB));
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const h of a) if (b.has(h)) both++;
  return both / (a.size + b.size - both);
}

/**
 * How much of a press release an article used: the share of the release's shingles that occur
 * in the article, 0..1. Unlike Jaccard it does not drop when the article adds its own
 * paragraphs or quotes only part of the release, which is what a pickup looks like.
 */
export function containment(releaseText: string, articleText: string): number {
  const release = shingleHashes(searchTokens(releaseText));
  if (release.size === 0) return 0;
  const article = shingleHashes(searchTokens(articleText));
  let used = 0;
  for (const h of release) if (article.has(h)) used++;
  return used / release.size;
}
