import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { mediaFilters } from "../../../common/schemas/media";
import type { Executor } from "../../db/client";
import { campaignAssets, contentAssets, contentItems, mediaAssets, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { inScope } from "../organizations/organization-queries";

const columns = {
  id: mediaAssets.id,
  organizationId: mediaAssets.organizationId,
  organizationName: organizations.name,
  organizationShortName: organizations.shortName,
  path: organizations.path,
  kind: mediaAssets.kind,
  fileKey: mediaAssets.fileKey,
  fileName: mediaAssets.fileName,
  mime: mediaAssets.mime,
  sizeBytes: mediaAssets.sizeBytes,
  width: mediaAssets.width,
  height: mediaAssets.height,
  durationSeconds: mediaAssets.durationSeconds,
  renditions: mediaAssets.renditions,
  caption: mediaAssets.caption,
  credit: mediaAssets.credit,
  takenAt: mediaAssets.takenAt,
  location: mediaAssets.location,
  tags: mediaAssets.tags,
  altText: mediaAssets.altText,
  rights: mediaAssets.rights,
  rightsNote: mediaAssets.rightsNote,
  createdBy: mediaAssets.createdBy,
  createdAt: mediaAssets.createdAt,
};

const base = (db: Executor) =>
  db.select(columns).from(mediaAssets).innerJoin(organizations, eq(organizations.id, mediaAssets.organizationId));
export type MediaRow = Awaited<ReturnType<typeof base>>[number];

/** An asset inside the actor's subtree; any other id is 404, never 403. */
export async function findVisibleAsset(db: Executor, actor: Actor, id: string): Promise<MediaRow> {
  const [row] = await base(db)
    .where(and(eq(mediaAssets.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The searchable text of an asset: file name, caption, credit, location and tags. */
const haystack = sql`lower(${mediaAssets.fileName} || ' ' || ${mediaAssets.caption} || ' ' || ${mediaAssets.credit} || ' ' || ${mediaAssets.location} || ' ' || array_to_string(${mediaAssets.tags}, ' '))`;

export function mediaWhere(actor: Actor, f: Partial<z.infer<typeof mediaFilters>> & { ids?: string[] }): SQL | undefined {
  const where: (SQL | undefined)[] = [inScope(actor)];
  // Every word must appear somewhere, so "banjir badung" finds the photo tagged both ways.
  for (const word of (f.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8))
    where.push(sql`${haystack} like ${`%${escapeLike(word)}%`}`);
  if (f.kind) where.push(eq(mediaAssets.kind, f.kind));
  if (f.rights) where.push(eq(mediaAssets.rights, f.rights));
  // The array containment operator uses the tags GIN index.
  if (f.tag) where.push(sql`${mediaAssets.tags} @> array[${f.tag}]::text[]`);
  if (f.organizationId)
    where.push(sql`${organizations.path} like (select o.path from ${organizations} o where o.id = ${f.organizationId}) || '%'`);
  if (f.ids) where.push(inArray(mediaAssets.id, f.ids.length ? f.ids : ["00000000-0000-0000-0000-000000000000"]));
  return and(...where);
}

const ORDER = {
  newest: [desc(mediaAssets.createdAt), desc(mediaAssets.id)],
  oldest: [asc(mediaAssets.createdAt), asc(mediaAssets.id)],
  name: [asc(sql`lower(${mediaAssets.fileName})`), asc(mediaAssets.id)],
} as const;

export async function listAssets(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof mediaFilters> & { page: number; pageSize: number },
): Promise<{ rows: MediaRow[]; total: number }> {
  const where = mediaWhere(actor, q);
  const [rows, [{ total }]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(...ORDER[q.sort])
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(mediaAssets).innerJoin(organizations, eq(organizations.id, mediaAssets.organizationId)).where(where),
  ]);
  return { rows, total };
}

export async function exportAssets(
  db: Executor,
  actor: Actor,
  f: z.infer<typeof mediaFilters> & { ids?: string[] },
  limit: number,
): Promise<MediaRow[]> {
  return base(db)
    .where(mediaWhere(actor, f))
    .orderBy(...ORDER[f.sort])
    .limit(limit);
}

/**
 * Content items that use the asset (rows the content studio keeps in content_assets). Only
 * items the actor can see are listed; the delete check counts them all.
 */
export async function assetUsage(db: Executor, actor: Actor, assetId: string) {
  return db
    .selectDistinct({ contentId: contentItems.id, title: contentItems.title, status: contentItems.status, type: contentItems.type })
    .from(contentAssets)
    .innerJoin(contentItems, eq(contentItems.id, contentAssets.contentId))
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .where(and(eq(contentAssets.assetId, assetId), inScope(actor)))
    .orderBy(asc(contentItems.title));
}

/** Every reference that keeps an asset alive: content items (cover included) and campaign packs. */
export async function usageCount(db: Executor, assetId: string): Promise<number> {
  const [linked, covers, [campaigns]] = await Promise.all([
    db.select({ id: contentAssets.contentId }).from(contentAssets).where(eq(contentAssets.assetId, assetId)),
    db.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.coverAssetId, assetId)),
    db.select({ n: count() }).from(campaignAssets).where(eq(campaignAssets.assetId, assetId)),
  ]);
  return new Set([...linked, ...covers].map((r) => r.id)).size + campaigns.n;
}
