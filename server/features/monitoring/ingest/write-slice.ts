/**
 * The writes of a slice of new articles as ONE statement: the stories they created or changed,
 * the articles, their fingerprints and band keys, and their mentions, as data-modifying CTEs over
 * `unnest` of one array parameter per column.
 *
 * Why one statement: the ingest queues it and goes on with the text work of the next slice, so
 * PostgreSQL writes while Node computes. node-postgres sends a connection's next query only from
 * the event loop, so a chain of five statements would stall between each one for as long as
 * Node is busy; one statement runs start to end on its own. Why arrays rather than a VALUES list:
 * 500 rows × 24 columns is 12,000 parameters that drizzle maps and checks one by one (a visible
 * share of the Node CPU); an array literal is one string per column.
 * Foreign keys (article → story, fingerprint/mention → article) are checked at the end of the
 * statement, when every CTE has run, so the order of the CTEs does not matter.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { signatureBytes } from "./near-dup-store";
import type { StoryRow } from "./story-clusters";

type Cell = string | number | null;

/** A Postgres array literal of text/number cells (NULL unquoted), passed as one parameter. */
export function pgArray(values: readonly Cell[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    if (v === null) out += "NULL";
    else if (typeof v === "number") out += String(v);
    else out += `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return `${out}}`;
}

/** `{{1,2},{3,4}}`: per-row int4 lists of equal length (band keys). */
function intMatrix(rows: readonly (readonly number[])[]): string {
  return `{${rows.map((r) => `{${r.join(",")}}`).join(",")}}`;
}

export interface NewArticleRow {
  id: string;
  url: string;
  canonicalUrl: string;
  contentHash: string;
  title: string;
  lead: string;
  body: string;
  author: string | null;
  publishedAt: Date;
  language: string | null;
  outletId: string | null;
  outletName: string | null;
  kind: string;
  externalId: string | null;
  parentUrl: string | null;
  section: string | null;
  images: string[];
  nearDupGroupId: string;
  clusterId: string | null;
  hoaxScore: number;
  hoaxClarificationId: string | null;
  /** Signature and its 64 band keys; none for a text without words. */
  fingerprint: { signature: Uint32Array; bands: number[] } | null;
}

export interface NewMentionRow {
  articleId: string;
  watchlistId: string;
  mentionedOrganizationId: string;
  publishedAt: Date;
  tone: string;
  positive: number;
  neutral: number;
  negative: number;
  mentionCount: number;
  snippet: string;
}

export interface SliceWrite {
  organizationId: string;
  sourceId: string | null;
  now: Date;
  stories: StoryRow[];
  articles: NewArticleRow[];
  mentions: NewMentionRow[];
}

const iso = (d: Date) => d.toISOString();

/** The statement for one slice (see the header); null when there is nothing to write. */
export function sliceWriteSql(w: SliceWrite): SQL | null {
  if (!w.articles.length && !w.stories.length) return null;
  const parts: SQL[] = [];
  const org = w.organizationId;
  if (w.stories.length) {
    const s = w.stories;
    parts.push(sql`s as (
      insert into story_clusters (id, organization_id, title, terms, article_count, outlet_count, outlets, first_seen_at, last_seen_at)
      select id, ${org}::uuid, title, terms::jsonb, article_count, outlet_count, outlets::jsonb, first_seen_at, last_seen_at
      from unnest(${pgArray(s.map((r) => r.id))}::uuid[], ${pgArray(s.map((r) => r.title))}::text[],
        ${pgArray(s.map((r) => JSON.stringify(r.terms)))}::text[], ${pgArray(s.map((r) => r.articleCount))}::int4[],
        ${pgArray(s.map((r) => r.outletCount))}::int4[], ${pgArray(s.map((r) => JSON.stringify(r.outlets)))}::text[],
        ${pgArray(s.map((r) => iso(r.firstSeenAt)))}::timestamptz[], ${pgArray(s.map((r) => iso(r.lastSeenAt)))}::timestamptz[])
        as r(id, title, terms, article_count, outlet_count, outlets, first_seen_at, last_seen_at)
      on conflict (id) do update set terms = excluded.terms, article_count = excluded.article_count,
        outlet_count = excluded.outlet_count, outlets = excluded.outlets,
        first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at)`);
  }
  const a = w.articles;
  if (a.length) {
    const col = (f: (r: NewArticleRow) => Cell) => pgArray(a.map(f));
    parts.push(sql`a as (
      insert into articles (id, organization_id, source_id, url, canonical_url, content_hash, title, lead, body, author,
        published_at, fetched_at, updated_at, language, outlet_id, outlet_name, kind, external_id, parent_url, section, images,
        near_dup_group_id, cluster_id, hoax_score, hoax_clarification_id)
      select id, ${org}::uuid, ${w.sourceId}::uuid, url, canonical_url, content_hash, title, lead, body, author,
        published_at, ${iso(w.now)}::timestamptz, ${iso(w.now)}::timestamptz, language, outlet_id, outlet_name, kind,
        external_id, parent_url, section, images::jsonb, near_dup_group_id, cluster_id, hoax_score, hoax_clarification_id
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.url)}::text[], ${col((r) => r.canonicalUrl)}::text[],
        ${col((r) => r.contentHash)}::text[], ${col((r) => r.title)}::text[], ${col((r) => r.lead)}::text[],
        ${col((r) => r.body)}::text[], ${col((r) => r.author)}::text[], ${col((r) => iso(r.publishedAt))}::timestamptz[],
        ${col((r) => r.language)}::text[], ${col((r) => r.outletId)}::uuid[], ${col((r) => r.outletName)}::text[],
        ${col((r) => r.kind)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.parentUrl)}::text[],
        ${col((r) => r.section)}::text[], ${col((r) => JSON.stringify(r.images))}::text[], ${col((r) => r.nearDupGroupId)}::uuid[],
        ${col((r) => r.clusterId)}::uuid[], ${col((r) => r.hoaxScore)}::float4[], ${col((r) => r.hoaxClarificationId)}::uuid[])
        as r(id, url, canonical_url, content_hash, title, lead, body, author, published_at, language, outlet_id, outlet_name,
          kind, external_id, parent_url, section, images, near_dup_group_id, cluster_id, hoax_score, hoax_clarification_id))`);
    const printed = a.filter((r) => r.fingerprint);
    if (printed.length) {
      const ids = pgArray(printed.map((r) => r.id));
      const dates = pgArray(printed.map((r) => iso(r.publishedAt)));
      const signatures = pgArray(
        printed.map((r) => `\\x${signatureBytes({ signature: r.fingerprint?.signature as Uint32Array, shingles: 1 }).toString("hex")}`),
      );
      parts.push(sql`f as (
        insert into article_fingerprints (article_id, organization_id, published_at, signature)
        select id, ${org}::uuid, published_at, signature
        from unnest(${ids}::uuid[], ${dates}::timestamptz[], ${signatures}::bytea[]) as p(id, published_at, signature))`);
      parts.push(sql`k as (
        insert into article_band_keys (article_id, band, organization_id, band_key, published_at)
        select p.id, (k.band - 1)::smallint, ${org}::uuid, k.key, p.published_at
        from unnest(${ids}::uuid[], ${dates}::timestamptz[]) with ordinality as p(id, published_at, n)
        cross join lateral unnest((${intMatrix(printed.map((r) => r.fingerprint?.bands ?? []))}::int4[])[p.n:p.n]) with ordinality as k(key, band))`);
    }
  }
  const m = w.mentions;
  if (m.length) {
    const col = (f: (r: NewMentionRow) => Cell) => pgArray(m.map(f));
    parts.push(sql`m as (
      insert into article_mentions (article_id, watchlist_id, mentioned_organization_id, published_at, tone, positive, neutral,
        negative, mention_count, snippet)
      select * from unnest(${col((r) => r.articleId)}::uuid[], ${col((r) => r.watchlistId)}::uuid[],
        ${col((r) => r.mentionedOrganizationId)}::uuid[], ${col((r) => iso(r.publishedAt))}::timestamptz[],
        ${col((r) => r.tone)}::text[], ${col((r) => r.positive)}::float4[], ${col((r) => r.neutral)}::float4[],
        ${col((r) => r.negative)}::float4[], ${col((r) => r.mentionCount)}::int4[], ${col((r) => r.snippet)}::text[]))`);
  }
  return sql`with ${sql.join(parts, sql`, `)} select 1`;
}

export async function writeSlice(db: Executor, w: SliceWrite): Promise<void> {
  const statement = sliceWriteSql(w);
  if (statement) await db.execute(statement);
}
