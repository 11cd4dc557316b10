import { type SQL, sql } from "drizzle-orm";
import type { ContentFields } from "../../common/schemas/content";
import type { Executor } from "../db/client";
import { MARK_END, MARK_START } from "./render/html";

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Executor, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;
/** Times travel as epoch milliseconds (float8): the same JavaScript value on PGlite and PostgreSQL. */
const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** Types the newsroom shows; social posts live on their channels, not here. */
export const NEWSROOM_TYPES = ["siaran_pers", "berita", "foto", "infografis", "video", "pengumuman", "klarifikasi"] as const;
export type NewsroomType = (typeof NEWSROOM_TYPES)[number];

/**
 * The one definition of "public": published, its public moment (max of published and embargo
 * times, kept by the content studio) reached by the database's clock, a type the newsroom
 * shows, and an active organization. Every query below goes through it.
 */
const isPublic = sql`c.status = 'published' and c.public_from <= now() and c.type <> 'sosial' and o.active`;

export interface NewsroomOrg {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string;
  slug: string;
  timeZone: string;
  logoKey: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  updatedAt: number;
}

/** Every active organization, oldest first (the first root is the top newsroom). */
export async function activeOrganizations(db: Executor): Promise<NewsroomOrg[]> {
  return rows<NewsroomOrg>(
    db,
    sql`select id, parent_id as "parentId", path, depth, name, short_name as "shortName", slug, time_zone as "timeZone",
          logo_key as "logoKey", email, phone, address, website, ${ms(sql`updated_at`)} as "updatedAt"
        from organizations where active order by created_at, id`,
  );
}

export interface ListedItem {
  id: string;
  type: NewsroomType;
  title: string;
  slug: string;
  summary: string;
  publicFrom: number;
  updatedAt: number;
  coverAssetId: string | null;
  hoaxLabel: string | null;
  orgSlug: string;
  orgName: string;
  orgShortName: string;
  timeZone: string;
  /** Search only: title and text with sentinel-marked matches (see render/html.ts highlighted). */
  titleMarked?: string;
  snippet?: string;
  /** Search only: how many matches were ranked (at most SEARCH_CANDIDATES). */
  matches?: number;
}

export interface ListFilter {
  /**
   * The active organizations of the subtree shown (the newsroom's, or the chosen agency's), from
   * the in-memory directory; null when that is every active organization (the top newsroom).
   * Ids rather than a path prefix: the planner then walks the public-items indexes newest first.
   */
  organizationIds: string[] | null;
  type?: NewsroomType;
  q?: string;
  offset: number;
  limit: number;
}

const listColumns = sql`c.id, c.type, c.title, c.slug, c.summary, ${ms(sql`c.public_from`)} as "publicFrom",
  ${ms(sql`greatest(c.updated_at, c.public_from)`)} as "updatedAt",
  (select a.id from media_assets a where a.id = c.cover_asset_id and a.renditions -> 'thumb' is not null) as "coverAssetId",
  c.fields ->> 'hoaxLabel' as "hoaxLabel", o.slug as "orgSlug", o.name as "orgName", o.short_name as "orgShortName", o.time_zone as "timeZone"`;

/**
 * A search ranks the newest matches only: ranking reads each match's whole tsvector, and a word
 * found in most items (every release says "kehumasan") would otherwise rank the whole table.
 */
export const SEARCH_CANDIDATES = 300;

/**
 * Public items of a subtree, newest first, or ranked by a search among its newest
 * SEARCH_CANDIDATES matches: title matches first, then ts_rank, then recency. Snippets are
 * computed for the returned page only.
 */
export async function listPublicItems(db: Executor, f: ListFilter): Promise<ListedItem[]> {
  const orgs = f.organizationIds === null ? sql`` : sql`and c.organization_id = any(${`{${f.organizationIds.join(",")}}`}::uuid[])`;
  const scope = sql`${isPublic} ${orgs} ${f.type ? sql`and c.type = ${f.type}` : sql``}`;
  if (!f.q) {
    return rows<ListedItem>(
      db,
      sql`select ${listColumns} from content_items c join organizations o on o.id = c.organization_id
          where ${scope} order by c.public_from desc, c.id desc limit ${f.limit} offset ${f.offset}`,
    );
  }
  const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}`;
  const strip = (column: SQL) => sql`translate(${column}, ${MARK_START + MARK_END}, '')`;
  // The query is written out where it is used (not in a CTE) so that the planner sees it as a
  // constant and knows from the column statistics how common its words are.
  const q = sql`websearch_to_tsquery('indonesian', ${f.q})`;
  return rows<ListedItem>(
    db,
    sql`with candidates as (
          select c.id from content_items c join organizations o on o.id = c.organization_id
          where ${scope} and c.search @@ ${q}
          order by c.public_from desc limit ${SEARCH_CANDIDATES}),
        hits as (
          select c.id, (ts_filter(c.search, '{a}') @@ ${q}) as in_title, ts_rank(c.search, ${q}) as rank, c.public_from
          from candidates join content_items c on c.id = candidates.id
          order by in_title desc, rank desc, c.public_from desc, c.id desc limit ${f.limit} offset ${f.offset})
        select ${listColumns}, (select count(*) from candidates)::int as matches,
          ts_headline('indonesian', ${strip(sql`c.title`)}, ${q}, ${`${marks}, HighlightAll=true`}) as "titleMarked",
          ts_headline('indonesian', ${strip(sql`c.summary || ' ' || c.body_text`)}, ${q},
            ${`${marks}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
        from hits join content_items c on c.id = hits.id join organizations o on o.id = c.organization_id
        order by hits.in_title desc, hits.rank desc, hits.public_from desc, c.id desc`,
  );
}

export interface PublicItem extends ListedItem {
  organizationId: string;
  /** The cover as stored (coverAssetId is set only when it has a thumbnail, for lists). */
  coverId: string | null;
  bodyHtml: string;
  fields: ContentFields;
  views: number;
}

/** One public item of an organization by its slug (unique per organization), or null. */
export async function findPublicItem(db: Executor, organizationId: string, slug: string): Promise<PublicItem | null> {
  const [row] = await rows<PublicItem>(
    db,
    sql`select ${listColumns}, c.organization_id as "organizationId", c.cover_asset_id as "coverId", c.body_html as "bodyHtml", c.fields, c.views::float8 as views
        from content_items c join organizations o on o.id = c.organization_id
        where c.organization_id = ${organizationId} and c.slug = ${slug} and ${isPublic} limit 1`,
  );
  return row ?? null;
}

export interface AssetRow {
  id: string;
  kind: string;
  mime: string;
  fileKey: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  renditions: Record<string, { key: string; mime: string; width?: number; height?: number }>;
  caption: string;
  credit: string;
  takenAt: number | null;
  location: string;
  altText: string;
  rights: string;
  rightsNote: string;
}

const assetColumns = sql`a.id, a.kind, a.mime, a.file_key as "fileKey", a.width, a.height, a.duration_seconds as "durationSeconds",
  a.renditions, a.caption, a.credit, ${ms(sql`a.taken_at`)} as "takenAt", a.location, a.alt_text as "altText", a.rights,
  a.rights_note as "rightsNote"`;

/**
 * The assets an item page shows, in one query: only those linked to the item (content_assets,
 * or its cover), the same rule the public media route applies, so no image on the page 404s.
 */
export async function assetsForItem(
  db: Executor,
  item: { id: string; coverId: string | null },
  ids: string[],
): Promise<Map<string, AssetRow>> {
  if (ids.length === 0) return new Map();
  const list = await rows<AssetRow>(
    db,
    sql`select ${assetColumns} from media_assets a
        where a.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and (a.id = ${item.coverId}::uuid or exists (select 1 from content_assets ca where ca.content_id = ${item.id} and ca.asset_id = a.id))`,
  );
  return new Map(list.map((a) => [a.id, a]));
}

/**
 * The asset, when at least one public item uses it (linked in content_assets, or as its cover);
 * otherwise null: unpublished, embargoed or private media never leave the building.
 */
export async function findPublicAsset(db: Executor, assetId: string): Promise<AssetRow | null> {
  const [row] = await rows<AssetRow>(
    db,
    sql`select ${assetColumns} from media_assets a where a.id = ${assetId} and (
          exists (select 1 from content_assets ca join content_items c on c.id = ca.content_id join organizations o on o.id = c.organization_id
                  where ca.asset_id = a.id and ${isPublic})
          or exists (select 1 from content_items c join organizations o on o.id = c.organization_id
                  where c.cover_asset_id = a.id and ${isPublic}))`,
  );
  return row ?? null;
}

/** The next moment an already published item becomes public (its embargo ends), if any. */
export async function nextPublicMoment(db: Executor): Promise<number | null> {
  const [row] = await rows<{ at: number | null }>(
    db,
    sql`select ${ms(sql`min(public_from)`)} as at from content_items where status = 'published' and public_from > now()`,
  );
  return row?.at ?? null;
}

export interface SitemapRow {
  orgSlug: string;
  slug: string;
  lastmod: number;
}

export async function countPublicItems(db: Executor): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::float8 as n from content_items c join organizations o on o.id = c.organization_id where ${isPublic}`,
  );
  return row?.n ?? 0;
}

export async function sitemapItems(db: Executor, offset: number, limit: number): Promise<SitemapRow[]> {
  return rows<SitemapRow>(
    db,
    sql`select o.slug as "orgSlug", c.slug, ${ms(sql`greatest(c.updated_at, c.public_from)`)} as lastmod
        from content_items c join organizations o on o.id = c.organization_id
        where ${isPublic} order by c.public_from desc, c.id desc limit ${limit} offset ${offset}`,
  );
}

/** The latest public moment per organization with public items (an organization home's lastmod). */
export async function latestPerOrganization(db: Executor): Promise<Map<string, number>> {
  const list = await rows<{ id: string; at: number }>(
    db,
    sql`select c.organization_id as id, ${ms(sql`max(c.public_from)`)} as at
        from content_items c join organizations o on o.id = c.organization_id where ${isPublic} group by c.organization_id`,
  );
  return new Map(list.map((r) => [r.id, r.at]));
}
