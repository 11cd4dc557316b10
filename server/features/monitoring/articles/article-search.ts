/**
 * Article search: the watchlist query language over the archive. The query's tsquery (toTsQuery)
 * narrows the rows through the GIN index on `articles.search`; the exact matcher then decides
 * on each candidate, so the result is what a watchlist with that query would match. Filters are
 * plain predicates; pagination is keyset on (published_at, id), or (rank, published_at, id) for
 * relevance, so deep pages cost the same as the first.
 */
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { articleSearchQuery } from "../../../../common/schemas/monitoring-articles";
import type { Executor } from "../../../db/client";
import { AppError } from "../../../http/errors";
import type { Actor } from "../../../policies/core";
import { type CompiledQuery, compileQuery, toTsQuery } from "../query";
import { tokenizeDoc } from "../text/tokenized-doc";
import { parseSearchQuery } from "../watchlists/compile-watchlist";
import { articleVisible, uuidArray, visibleOrganizationIds } from "./article-scope";

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
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SCANNED_BATCHES = 20;

interface Cursor {
  p: string;
  id: string;
  r?: number;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    if (typeof c.p !== "string" || Number.isNaN(Date.parse(c.p)) || !UUID.test(c.id) || (c.r !== undefined && typeof c.r !== "number"))
      throw new Error();
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
  return { orgs, where, rank, matcher: ast ? compileQuery(ast) : null };
}

const COLUMNS = sql`a.id, a.organization_id, a.title, a.url, a.outlet_name, a.kind, a.language, a.published_at, a.lead,
  a.body, a.hoax_score, a.hoax_clarification_id, a.cluster_id, a.near_dup_group_id`;

const fullText = (r: ArticleRow) => `${r.title}\n\n${r.lead}\n\n${r.body}`;

/** One page of matching articles, newest (or most relevant) first. */
export async function searchPage(
  db: Executor,
  plan: SearchPlan,
  opts: { sort: "date" | "relevance"; limit: number; cursor?: string },
): Promise<{ rows: ArticleRow[]; nextCursor: string | null }> {
  const byRank = opts.sort === "relevance" && plan.rank !== null;
  const rankExpr = byRank ? (plan.rank as SQL) : sql`null::real`;
  let cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  const out: ArticleRow[] = [];
  // Without an exact matcher to apply, one batch of limit + 1 decides the page.
  const batch = plan.matcher ? Math.max(50, opts.limit * 3) : opts.limit + 1;
  for (let round = 0; round < MAX_SCANNED_BATCHES; round++) {
    const after = cursor
      ? byRank
        ? sql`and (${rankExpr}, a.published_at, a.id) < (${cursor.r ?? 0}::real, ${cursor.p}::timestamptz, ${cursor.id}::uuid)`
        : sql`and (a.published_at, a.id) < (${cursor.p}::timestamptz, ${cursor.id}::uuid)`
      : sql``;
    const order = byRank ? sql`order by 15 desc, a.published_at desc, a.id desc` : sql`order by a.published_at desc, a.id desc`;
    const rows = rowsOf<ArticleRow>(
      await db.execute(sql`select ${COLUMNS}, ${rankExpr} as rank from articles a
        where ${sql.join(plan.where, sql` and `)} ${after} ${order} limit ${batch}`),
    );
    for (const r of rows) {
      r.published_at = new Date(r.published_at);
      if (r.rank !== null) r.rank = Number(r.rank);
      cursor = { p: r.published_at.toISOString(), id: r.id, ...(byRank ? { r: r.rank ?? 0 } : {}) };
      if (plan.matcher && !plan.matcher(tokenizeDoc(fullText(r)))) continue;
      out.push(r);
      if (out.length > opts.limit) break;
    }
    if (out.length > opts.limit) {
      const page = out.slice(0, opts.limit);
      const last = page[page.length - 1];
      return {
        rows: page,
        nextCursor: encodeCursor({ p: last.published_at.toISOString(), id: last.id, ...(byRank ? { r: last.rank ?? 0 } : {}) }),
      };
    }
    if (rows.length < batch) return { rows: out, nextCursor: null };
  }
  // Scanned enough for one request: hand back what was found and where to continue.
  return { rows: out, nextCursor: cursor ? encodeCursor(cursor) : null };
}
