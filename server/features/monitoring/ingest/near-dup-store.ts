/**
 * Near-duplicate lookup against stored articles without holding them in memory.
 *
 * Each article's MinHash signature and its 64 LSH band keys (the same banding as
 * near-dup/NearDupIndex: 64 bands × 2 rows) live in `article_fingerprints`, with a GIN index on
 * the band keys. A batch asks once for every stored fingerprint of the owner that shares a band
 * with any of its articles, within NEAR_DUP_WINDOW_DAYS: syndicated copies appear within days,
 * and the window keeps the candidate set (same-topic articles share a band 2.5 % of the time)
 * bounded as the archive grows. Why a table rather than an in-process window: several workers
 * ingest at once and restart at will; the table is shared, survives restarts and costs one
 * indexed query per batch.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { type Fingerprint, NUM_HASHES } from "../near-dup";

export const NEAR_DUP_WINDOW_DAYS = 30;
export const NEAR_DUP_THRESHOLD = 0.3;
const BANDS = 64;
const ROWS = 2;

/** Band keys as NearDupIndex computes them, as signed 32-bit ints for an int4[] column. */
export function bandKeys(fp: Fingerprint): number[] {
  if (fp.shingles === 0) return [];
  const out = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let i = b * ROWS; i < (b + 1) * ROWS; i++) h = Math.imul(h ^ fp.signature[i], 0x01000193) + 0x9e3779b9;
    out[b] = h | 0;
  }
  return out;
}

export function signatureBytes(fp: Fingerprint): Buffer {
  return Buffer.from(fp.signature.buffer, fp.signature.byteOffset, fp.signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes); // aligned copy
  return new Uint32Array(copy.buffer, 0, NUM_HASHES);
}

export interface StoredFingerprint {
  articleId: string;
  groupId: string;
  clusterId: string | null;
  fp: Fingerprint;
  bands: number[];
}

/** Stored fingerprints of the owner sharing a band with any of `keys`, in the recent window. */
export async function loadCandidates(db: Executor, organizationId: string, keys: number[], since: Date): Promise<StoredFingerprint[]> {
  if (!keys.length) return [];
  const unique = [...new Set(keys)];
  const res = await db.execute(sql`
    select f.article_id, f.signature, f.bands, coalesce(a.near_dup_group_id, a.id) as group_id, a.cluster_id
    from article_fingerprints f join articles a on a.id = f.article_id
    where f.organization_id = ${organizationId} and f.published_at >= ${since.toISOString()}
      and f.bands && ${`{${unique.join(",")}}`}::int4[]`);
  return (res as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    articleId: r.article_id as string,
    groupId: r.group_id as string,
    clusterId: (r.cluster_id as string | null) ?? null,
    fp: { signature: signatureFromBytes(r.signature as Uint8Array), shingles: 1 },
    bands: r.bands as number[],
  }));
}
