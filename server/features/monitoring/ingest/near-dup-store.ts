/**
 * Near-duplicate lookup against stored articles without holding them in memory.
 *
 * Each article's MinHash signature lives in `article_fingerprints` and its 64 LSH band keys (the
 * same banding as near-dup/NearDupIndex: 64 bands × 2 rows) in `article_band_keys`, one row per
 * key under a btree on (owner, key, published_at). A batch asks ONE statement for, per item, the
 * stored articles of the owner within NEAR_DUP_WINDOW_DAYS that share at least MIN_SHARED_BANDS
 * bands with it, at most MAX_CANDIDATES_PER_ITEM of them (most shared bands, then newest), and
 * loads only their signatures; the signature estimate then decides as before.
 *
 * Why ≥ 2 shared bands: with 64 × 2 an unrelated article on the same topic shares one band with
 * probability ~3 % (so a batch used to pull most of the window), two bands with ~0.03 %; a copy
 * at J = 0.3 still shares two bands with probability 0.98 (0.998 at J = 0.35, 0.9998 at J = 0.4).
 * Items of the same batch are compared in memory with one shared band, as before.
 * Why a table rather than an in-process window: several workers ingest at once and restart at
 * will; the table is shared, survives restarts and costs one indexed statement per batch.
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

export const MIN_SHARED_BANDS = 2;
export const MAX_CANDIDATES_PER_ITEM = 200;

export interface StoredFingerprint {
  articleId: string;
  groupId: string;
  clusterId: string | null;
  fp: Fingerprint;
  /** Positions in `itemKeys` of the items this article is a candidate for: each item is compared
   *  with its own candidates only (no in-memory index of stored fingerprints per batch). */
  items: number[];
}

/** A Postgres array literal of int4 rows (`{{1,2},{3,4}}`): one parameter, whatever the batch size. */
function intMatrix(rows: number[][]): string {
  return `{${rows.map((r) => `{${r.join(",")}}`).join(",")}}`;
}

/** node-postgres parses int4[] into numbers, PGlite may hand back the literal. */
function intList(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number);
  return String(v).replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}

/**
 * Stored fingerprints of the owner in the recent window sharing at least MIN_SHARED_BANDS bands
 * with one of the items (`itemKeys[i]` = the 64 band keys of item i; empty lists are skipped).
 * `exclude`: articles written earlier in the same transaction (the ingest writes slice by slice
 * while it looks up the next one); they are compared in memory and must not take candidate places.
 */
export async function loadCandidates(
  db: Executor,
  organizationId: string,
  itemKeys: number[][],
  since: Date,
  exclude: readonly string[] = [],
): Promise<StoredFingerprint[]> {
  const positions: number[] = [];
  const rows: number[][] = [];
  itemKeys.forEach((k, i) => {
    if (k.length !== BANDS) return;
    positions.push(i);
    rows.push(k);
  });
  if (!rows.length) return [];
  const excluded = exclude.length ? sql` and b.article_id <> all(${`{${exclude.join(",")}}`}::uuid[])` : sql``;
  const res = await db.execute(sql`
    with keys as (
      select i.n as item, k.key
      from generate_series(1, ${rows.length}::int) as i(n)
      cross join lateral unnest((${intMatrix(rows)}::int4[])[i.n:i.n]) as k(key)
    ), shared as (
      select keys.item, b.article_id, count(*) as bands, max(b.published_at) as published_at
      from keys join article_band_keys b
        on b.organization_id = ${organizationId} and b.band_key = keys.key and b.published_at >= ${since.toISOString()}
      group by keys.item, b.article_id
      having count(*) >= ${MIN_SHARED_BANDS}${excluded}
    ), ranked as (
      select item, article_id, row_number() over (partition by item order by bands desc, published_at desc) as rank from shared
    )
    select f.article_id, f.signature, coalesce(a.near_dup_group_id, a.id) as group_id, a.cluster_id, c.items
    from (select article_id, array_agg(item order by item) as items from ranked where rank <= ${MAX_CANDIDATES_PER_ITEM} group by article_id) c
    join article_fingerprints f on f.article_id = c.article_id
    join articles a on a.id = c.article_id`);
  return (res as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    articleId: r.article_id as string,
    groupId: r.group_id as string,
    clusterId: (r.cluster_id as string | null) ?? null,
    fp: { signature: signatureFromBytes(r.signature as Uint8Array), shingles: 1 },
    items: intList(r.items).map((n) => positions[n - 1]),
  }));
}

export interface FingerprintRow {
  articleId: string;
  publishedAt: Date;
  fp: Fingerprint;
  bands: number[];
}

/**
 * Writes the signatures and band keys of a batch (two statements whatever its size). `replaced`
 * are articles whose text changed: their old keys go first (an article with no words left keeps
 * no keys, so it is no longer a candidate).
 */
export async function saveFingerprints(db: Executor, organizationId: string, prints: FingerprintRow[], replaced: string[]): Promise<void> {
  if (replaced.length) {
    await db.execute(sql`delete from article_band_keys where article_id = any(${`{${replaced.join(",")}}`}::uuid[])`);
  }
  const rows = prints.filter((p) => p.bands.length === BANDS);
  if (!rows.length) return;
  const ids = `{${rows.map((p) => p.articleId).join(",")}}`;
  const dates = `{${rows.map((p) => `"${p.publishedAt.toISOString()}"`).join(",")}}`;
  const signatures = `{${rows.map((p) => `"\\\\x${signatureBytes(p.fp).toString("hex")}"`).join(",")}}`;
  await db.execute(sql`
    insert into article_fingerprints (article_id, organization_id, published_at, signature)
    select id, ${organizationId}, published_at, signature
    from unnest(${ids}::uuid[], ${dates}::timestamptz[], ${signatures}::bytea[]) as p(id, published_at, signature)
    on conflict (article_id) do update set published_at = excluded.published_at, signature = excluded.signature`);
  await db.execute(sql`
    insert into article_band_keys (article_id, band, organization_id, band_key, published_at)
    select p.id, (k.band - 1)::smallint, ${organizationId}, k.key, p.published_at
    from unnest(${ids}::uuid[], ${dates}::timestamptz[]) with ordinality as p(id, published_at, n)
    cross join lateral unnest((${intMatrix(rows.map((p) => p.bands))}::int4[])[p.n:p.n]) with ordinality as k(key, band)`);
}
