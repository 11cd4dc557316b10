/**
 * In-memory candidate lookup for near-duplicates: LSH banding over MinHash signatures, then the
 * signature estimate decides.
 *
 * The 128 hashes are cut into `bands` bands of `rows` rows; two texts become candidates when
 * any band is identical, with probability 1 − (1 − J^rows)^bands. The default 64 × 2 puts the
 * curve's midpoint near J = 0.125, so copies at the default threshold 0.3 are candidates with
 * probability 0.998 (at J = 0.4, 0.99999), while unrelated articles on the same topic (J ≈ 0.02)
 * become candidates 2.5 % of the time and are then dropped by the estimate. For a stricter
 * threshold (≥ 0.5) pass { bands: 32, rows: 4 }: fewer candidates to check.
 */
import { type Fingerprint, NUM_HASHES, similarity } from "./minhash";

export const DEFAULT_THRESHOLD = 0.3;

export interface NearDupIndexOptions {
  bands?: number;
  rows?: number;
  /** Estimated Jaccard a candidate must reach to be returned. */
  threshold?: number;
}

export interface NearDupMatch<Id> {
  id: Id;
  /** Estimated Jaccard similarity, 0..1. */
  similarity: number;
}

export class NearDupIndex<Id> {
  readonly bands: number;
  readonly rows: number;
  readonly threshold: number;
  private readonly buckets: Map<number, Id[]>[];
  private readonly entries = new Map<Id, Fingerprint>();

  constructor(options: NearDupIndexOptions = {}) {
    this.bands = options.bands ?? 64;
    this.rows = options.rows ?? 2;
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (this.bands * this.rows > NUM_HASHES || this.bands < 1 || this.rows < 1) {
      throw new RangeError(`bands × rows must be at most ${NUM_HASHES}`);
    }
    this.buckets = Array.from({ length: this.bands }, () => new Map());
  }

  get size(): number {
    return this.entries.size;
  }

  private bandKey(fp: Fingerprint, band: number): number {
    let h = band;
    const start = band * this.rows;
    for (let i = start; i < start + this.rows; i++) h = Math.imul(h ^ fp.signature[i], 0x01000193) + 0x9e3779b9;
    return h >>> 0;
  }

  /** Adds (or replaces) a document. Empty texts are kept out: they would match each other. */
  add(id: Id, fp: Fingerprint): void {
    if (this.entries.has(id)) this.remove(id);
    if (fp.shingles === 0) return;
    this.entries.set(id, fp);
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(fp, b);
      const list = this.buckets[b].get(key);
      if (list) list.push(id);
      else this.buckets[b].set(key, [id]);
    }
  }

  remove(id: Id): void {
    const fp = this.entries.get(id);
    if (!fp) return;
    this.entries.delete(id);
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(fp, b);
      const list = this.buckets[b].get(key);
      if (!list) continue;
      const rest = list.filter((x) => x !== id);
      if (rest.length) this.buckets[b].set(key, rest);
      else this.buckets[b].delete(key);
    }
  }

  /** Ids sharing at least one band with `fp` (before the threshold check). */
  candidates(fp: Fingerprint): Set<Id> {
    const out = new Set<Id>();
    if (fp.shingles === 0) return out;
    for (let b = 0; b < this.bands; b++) {
      const list = this.buckets[b].get(this.bandKey(fp, b));
      if (list) for (const id of list) out.add(id);
    }
    return out;
  }

  /** Indexed documents whose estimated Jaccard with `fp` reaches the threshold, most similar first. */
  query(fp: Fingerprint, threshold = this.threshold): NearDupMatch<Id>[] {
    const out: NearDupMatch<Id>[] = [];
    for (const id of this.candidates(fp)) {
      const s = similarity(fp, this.entries.get(id) as Fingerprint);
      if (s >= threshold) out.push({ id, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }
}
