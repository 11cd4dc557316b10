import { and, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { ContentFields } from "../../../../common/schemas/content";
import type { Executor } from "../../../db/client";
import { contentAssets, mediaAssets, organizations } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import { type Actor, scopeRoots } from "../../../policies/core";

/** Every media asset an item refers to, with the role it plays (for "used in" and rights checks). */
export function referencedAssets(fields: ContentFields, coverAssetId: string | null): { assetId: string; role: string; field: string }[] {
  const refs: { assetId: string; role: string; field: string }[] = [];
  if (coverAssetId) refs.push({ assetId: coverAssetId, role: "cover", field: "coverAssetId" });
  for (const [i, p] of (fields.photos ?? []).entries()) refs.push({ assetId: p.assetId, role: "photo", field: `photos.${i}.assetId` });
  for (const [i, p] of (fields.images ?? []).entries()) refs.push({ assetId: p.assetId, role: "image", field: `images.${i}.assetId` });
  if (fields.videoAssetId) refs.push({ assetId: fields.videoAssetId, role: "video", field: "videoAssetId" });
  if (fields.thumbnailAssetId) refs.push({ assetId: fields.thumbnailAssetId, role: "thumbnail", field: "thumbnailAssetId" });
  for (const [i, id] of (fields.mediaAssetIds ?? []).entries()) refs.push({ assetId: id, role: "media", field: `mediaAssetIds.${i}` });
  return refs;
}

/**
 * Replaces the item's asset links. Each asset must be one the actor can see (their own library or
 * an ancestor's shared pack); anything else answers 404 on the field that names it.
 */
export async function syncContentAssets(tx: Executor, actor: Actor, contentId: string, fields: ContentFields, coverAssetId: string | null) {
  const refs = referencedAssets(fields, coverAssetId);
  const ids = [...new Set(refs.map((r) => r.assetId))];
  if (ids.length > 0) {
    const roots = scopeRoots(actor);
    const scope: SQL = roots.length ? (or(...roots.map((r) => like(organizations.path, `${r}%`))) as SQL) : sql`false`;
    const visible = await tx
      .select({ id: mediaAssets.id, kind: mediaAssets.kind })
      .from(mediaAssets)
      .innerJoin(organizations, eq(organizations.id, mediaAssets.organizationId))
      .where(and(inArray(mediaAssets.id, ids), scope));
    const kinds = new Map(visible.map((v) => [v.id, v.kind]));
    for (const ref of refs) {
      const kind = kinds.get(ref.assetId);
      if (!kind) throw fieldError(ref.field, "not_found", {}, 404);
      const wanted = ref.role === "video" ? "video" : ref.role === "media" ? null : "image";
      if (wanted && kind !== wanted) throw fieldError(ref.field, "asset_wrong_kind", { kind: wanted });
    }
  }
  await tx.delete(contentAssets).where(eq(contentAssets.contentId, contentId));
  const seen = new Set<string>();
  const rows = refs
    .filter((r) => !seen.has(r.assetId) && seen.add(r.assetId))
    .map((r, position) => ({ contentId, assetId: r.assetId, role: r.role, position }));
  if (rows.length) await tx.insert(contentAssets).values(rows);
}

/** Assets of the item whose usage rights are limited: publishing them needs an acknowledgement. */
export async function limitedRightsAssets(db: Executor, contentId: string) {
  return db
    .select({ id: mediaAssets.id, fileName: mediaAssets.fileName, rightsNote: mediaAssets.rightsNote })
    .from(contentAssets)
    .innerJoin(mediaAssets, eq(mediaAssets.id, contentAssets.assetId))
    .where(and(eq(contentAssets.contentId, contentId), eq(mediaAssets.rights, "limited")));
}
