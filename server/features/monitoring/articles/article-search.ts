/**
 * Article search: the watchlist query language over the archive. The query's tsquery (toTsQuery)
 * narrows the rows through the GIN index on `articles.search` (articles_day_search_idx); the exact
 * matcher then decides on each candidate, so the result is what a watchlist with that query would
 * match. Filters are plain predicates; pagination is keyset on (published_at, id), or (rank,
 * published_at, id) for relevance, so deep pages cost the same as the first.
 *
 * Speed at a million articles (README "Search at scale"): left to itself PostgreSQL reads every
 * full-text match through the GIN index and sorts them by date to keep 25, which costs seconds for
 * a frequent term. So a text search walks back in time in slices (slice-scan.ts): the newest day
 * in date order, then slices sized by the candidate density seen so far, each read in the plan
 * that suits it. Relevance ranks only the newest RELEVANCE_POOL candidates.
 */
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { articleSearchQuery } from "../../../../common/schemas/monitoring-articles";
import type { Db, Executor } from "../../../db/client";
import { AppError } from "../../../http/errors";
import type { Actor } from "../../../policies/core";
import { type CompiledQuery, compileQuery, toTsQuery } from "../query";
import { tokenizeDoc } from "../text/tokenized-doc";
import { parseSearchQuery } from "../watchlists/compile-watchlist";
import { articleVisible, uuidArray, visibleOrganizationIds } from "./article-scope";
import { type Keyset, PUBLISHED_KEY, pinScanMode, SliceScan, WALK_SPAN_MS } from "./slice-scan";

export type ArticleSearch = z.infer<typeof articleSearchQuery>;

export interface ArticleRow {
  id: string;
  organization_id: string;
  title: string;
  url: string;
  outlet_name: string | null;
  kind: string;
  language: string | null;
  published_at: Date;
  lead: string;
  body: string;
  hoax_score: number | null;
  hoax_clarification_id: string | null;
  cluster_id: string | null;
  near_dup_group_id: string | null;
  rank: number | null;
  /** published_at as a keyset (PUBLISHED_KEY). */
  pk: string;
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SCANNED_BATCHES = 20;

interface Cursor {
  p: string;
  id: string;
  r?: number;
  /** Relevance: the oldest candidate of the ranked pool (published_at, id); null = every candidate. */
  b?: [string, string] | null;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    const okKeyset = (p: unknown, id: unknown) =>
      typeof p === "string" && !Number.isNaN(Date.parse(p)) && typeof id === "string" && UUID.test(id);
    if (!okKeyset(c.p, c.id) || (c.r !== undefined && typeof c.r !== "number")) throw new Error();
    if (c.b !== undefined && c.b !== null && !(Array.isArray(c.b) && c.b.length === 2 && okKeyset(c.b[0], c.b[1]))) throw new Error();
    return c;
  } catch {
    throw new AppError(400, "validation_failed", {}, { cursor: { code: "validation_failed" } });
  }
}

const dayEnd = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999Z`) : new Date(s));

export interface SearchPlan {
  orgs: string[];
  where: SQL[];
  rank: SQL | null;
  matcher: CompiledQuery | null;
  /** The query's tsquery is part of `where` (the search is a text search). */
  text: boolean;
  /** The date filters, for the time slices. */
  from: Date | null;
  to: Date | null;
}

/** Scope, query and filters as SQL predicates (shared by the page and the export). */
export async function planSearch(db: Executor, actor: Actor, q: Omit<ArticleSearch, "cursor" | "limit">): Promise<SearchPlan> {
  const orgs = await visibleOrganizationIds(db, actor);
  if (q.organizationId && !orgs.includes(q.organizationId)) throw new AppError(404, "not_found");
  const ast = q.q ? parseSearchQuery(q.q) : null;
  const tsq = ast ? toTsQuery(ast) : null;
  const where: SQL[] = [articleVisible("a", orgs)];
  let rank: SQL | null = null;
  if (tsq) {
    where.push(sql`a.search @@ to_tsquery('indonesian', ${tsq})`);
    rank = sql`ts_rank(a.search, to_tsquery('indonesian', ${tsq}))`;
  }
  if (q.from) where.push(sql`a.published_at >= ${new Date(q.from).toISOString()}`);
  if (q.to) where.push(sql`a.published_at <= ${dayEnd(q.to).toISOString()}`);
  if (q.kind) where.push(sql`a.kind = ${q.kind}`);
  if (q.sourceId) where.push(sql`a.source_id = ${q.sourceId}`);
  if (q.clusterId) where.push(sql`a.cluster_id = ${q.clusterId}`);
  if (q.nearDupGroupId) where.push(sql`a.near_dup_group_id = ${q.nearDupGroupId}`);
  if (q.outlet) where.push(UUID.test(q.outlet) ? sql`a.outlet_id = ${q.outlet}` : sql`lower(a.outlet_name) = lower(${q.outlet})`);
  if (q.organizationId || q.tone) {
    const mentionOrgs = q.organizationId ? [q.organizationId] : orgs;
    where.push(sql`exists (select 1 from article_mentions fm where fm.article_id = a.id
      and fm.mentioned_organization_id = any(${uuidArray(mentionOrgs)})
      ${q.tone ? sql`and coalesce(fm.corrected_tone, fm.tone) = ${q.tone}` : sql``})`);
  }
  return {
    orgs,
    where,
    rank,
    matcher: ast ? compileQuery(ast) : null,
    text: tsq !== null,
    from: q.from ? new Date(q.from) : null,
    to: q.to ? dayEnd(q.to) : null,
  };
}

const COLUMNS = sql`a.id, a.organization_id, a.title, a.url, a.outlet_name, a.kind, a.language, a.published_at, a.lead,
  a.body, a.hoax_score, a.hoax_clarification_id, a.cluster_id, a.near_dup_group_id, ${PUBLISHED_KEY}`;

const fullText = (r: ArticleRow) => `${r.title}\n\n${r.lead}\n\n${r.body}`;

/**
 * Relevance ranks the newest RELEVANCE_POOL candidates of the text query (after filters), not the
 * whole archive: ranking every match of a frequent term costs seconds at a million articles, and
 * monitoring is about what is being said now. The API documents the limit.
 */
export const RELEVANCE_POOL = 2000;

interface Page {
  rows: ArticleRow[];
  nextCursor: string | null;
}

const toRow = (r: ArticleRow) => {
  r.published_at = new Date(r.published_at);
  if (r.rank !== null) r.rank = Number(r.rank);
  return r;
};

/** One page of matching articles, newest (or most relevant) first. */
export async function searchPage(
  db: Executor,
  plan: SearchPlan,
  /** pool: how many of the newest candidates relevance ranks (RELEVANCE_POOL; smaller in tests). */
  opts: { sort: "date" | "relevance"; limit: number; cursor?: string; pool?: number },
): Promise<Page> {
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  // The planner settings of the time slices are transaction-local.
  return (db as Db).transaction((tx) =>
    opts.sort === "relevance" && plan.rank !== null
      ? byRelevance(tx, plan, opts.limit, cursor, opts.pool ?? RELEVANCE_POOL)
      : byDate(tx, plan, opts.limit, cursor),
  );
}

/** Where the walk back in time starts: the cursor, else the `to` filter when it is in the past, else now. */
function anchorOf(plan: SearchPlan, cursor: Cursor | null): Date {
  if (cursor) return new Date(cursor.p);
  const now = new Date();
  return plan.to && plan.to < now ? plan.to : now;
}

/** A batch of candidates: without an exact matcher to apply, limit + 1 decides the page. */
const batchSize = (plan: SearchPlan, limit: number) => (plan.matcher ? Math.max(50, limit * 3) : limit + 1);

async function byDate(tx: Executor, plan: SearchPlan, limit: number, cursor: Cursor | null): Promise<Page> {
  const scan = new SliceScan<ArticleRow>(tx, {
    where: plan.where,
    sliced: plan.text,
    floor: plan.from,
    anchor: anchorOf(plan, cursor),
    after: cursor ? { p: cursor.p, id: cursor.id } : null,
    columns: sql`${COLUMNS}, null::real as rank`,
  });
  const out: ArticleRow[] = [];
  const batch = batchSize(plan, limit);
  for (let round = 0; round < MAX_SCANNED_BATCHES && !scan.done; round++) {
    for (const r of await scan.next(batch)) {
      toRow(r);
      if (plan.matcher && !plan.matcher(tokenizeDoc(fullText(r)))) continue;
      out.push(r);
      if (out.length > limit) {
        const last = out[limit - 1];
        return { rows: out.slice(0, limit), nextCursor: encodeCursor({ p: last.pk, id: last.id }) };
      }
    }
  }
  // Scanned enough for one request: hand back what was found and where to continue.
  return { rows: out, nextCursor: scan.done || !scan.position ? null : encodeCursor(scan.position) };
}

interface PoolRow {
  id: string;
  pk: string;
  rank: number;
}

/** Relevance order: rank, then published_at, then id, all descending (what the SQL pages use). */
const byRankDesc = (x: PoolRow, y: PoolRow) =>
  y.rank - x.rank || (x.pk < y.pk ? 1 : x.pk > y.pk ? -1 : 0) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0);

/**
 * The newest RELEVANCE_POOL candidates with their rank, in relevance order, and the oldest of them
 * as the pool's boundary (null when there are fewer). The rank is computed in the same walk that
 * finds the boundary, so the first page reads the pool once instead of walking it again to rank.
 */
async function rankedPool(tx: Executor, plan: SearchPlan, pool: number): Promise<{ ranked: PoolRow[]; boundary: Keyset | null }> {
  const scan = new SliceScan<PoolRow>(tx, {
    where: plan.where,
    sliced: true,
    floor: plan.from,
    anchor: anchorOf(plan, null),
    after: null,
    columns: sql`a.id, ${PUBLISHED_KEY}, ${plan.rank as SQL} as rank`,
  });
  const ranked: PoolRow[] = [];
  while (!scan.done && ranked.length < pool) ranked.push(...(await scan.next(pool - ranked.length)));
  const last = ranked[ranked.length - 1];
  const boundary = ranked.length >= pool && last ? { p: last.pk, id: last.id } : null;
  for (const r of ranked) r.rank = Number(r.rank);
  return { ranked: ranked.sort(byRankDesc), boundary };
}

/** First relevance page: the ranked pool is in memory; full rows are read a batch at a time by id. */
async function firstRelevancePage(tx: Executor, plan: SearchPlan, limit: number, pool: number): Promise<Page> {
  const { ranked, boundary } = await rankedPool(tx, plan, pool);
  const b: [string, string] | null = boundary ? [boundary.p, boundary.id] : null;
  const out: ArticleRow[] = [];
  const batch = batchSize(plan, limit);
  let at: Cursor | null = null;
  const end = Math.min(ranked.length, MAX_SCANNED_BATCHES * batch);
  for (let from = 0; from < end; from += batch) {
    const ids = ranked.slice(from, from + batch);
    const found = rowsOf<ArticleRow>(
      await tx.execute(sql`select ${COLUMNS}, null::real as rank from articles a where a.id = any(${uuidArray(ids.map((r) => r.id))})`),
    );
    const byId = new Map(found.map((r) => [r.id, r]));
    for (const { id, rank } of ids) {
      const r = byId.get(id);
      if (!r) continue; // removed since the walk
      toRow(r).rank = rank;
      at = { p: r.pk, id: r.id, r: rank, b };
      if (plan.matcher && !plan.matcher(tokenizeDoc(fullText(r)))) continue;
      out.push(r);
      if (out.length > limit) {
        const last = out[limit - 1];
        return { rows: out.slice(0, limit), nextCursor: encodeCursor({ p: last.pk, id: last.id, r: last.rank ?? 0, b }) };
      }
    }
  }
  // Examined enough for one request: continue after the last row examined; else the pool is done.
  return { rows: out, nextCursor: end < ranked.length && at ? encodeCursor(at) : null };
}

/** Later relevance pages rank the pool that the first page fixed (cursor.b) in SQL, from the cursor on. */
async function byRelevance(tx: Executor, plan: SearchPlan, limit: number, cursor: Cursor | null, pool: number): Promise<Page> {
  if (!cursor || cursor.b === undefined) return firstRelevancePage(tx, plan, limit, pool);
  const boundary: Keyset | null = cursor.b ? { p: cursor.b[0], id: cursor.b[1] } : null;
  const b: [string, string] | null = boundary ? [boundary.p, boundary.id] : null;
  const rank = plan.rank as SQL;
  const inPool = boundary
    ? sql`and a.published_at >= ${boundary.p}::timestamptz and (a.published_at, a.id) >= (${boundary.p}::timestamptz, ${boundary.id}::uuid)`
    : sql``;
  // A pool within a week is cheapest walked through the date index; an older one (a rarer term)
  // through the GIN index.
  const recent = boundary && Date.now() - Date.parse(boundary.p) <= WALK_SPAN_MS;
  await pinScanMode(tx, recent ? "walk" : "bitmap");
  const out: ArticleRow[] = [];
  const batch = batchSize(plan, limit);
  let at = cursor;
  for (let round = 0; round < MAX_SCANNED_BATCHES; round++) {
    const after = at ? sql`and (${rank}, a.published_at, a.id) < (${at.r ?? 0}::real, ${at.p}::timestamptz, ${at.id}::uuid)` : sql``;
    const rows = rowsOf<ArticleRow>(
      await tx.execute(sql`select ${COLUMNS}, ${rank} as rank from articles a
        where ${sql.join(plan.where, sql` and `)} ${inPool} ${after}
        order by rank desc, a.published_at desc, a.id desc limit ${batch}`),
    );
    for (const r of rows) {
      toRow(r);
      at = { p: r.pk, id: r.id, r: r.rank ?? 0, b };
      if (plan.matcher && !plan.matcher(tokenizeDoc(fullText(r)))) continue;
      out.push(r);
      if (out.length > limit) {
        const last = out[limit - 1];
        return {
          rows: out.slice(0, limit),
          nextCursor: encodeCursor({ p: last.pk, id: last.id, r: last.rank ?? 0, b }),
        };
      }
    }
    if (rows.length < batch) return { rows: out, nextCursor: null };
  }
  return { rows: out, nextCursor: at ? encodeCursor(at) : null };
}
