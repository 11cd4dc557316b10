import { eq, inArray } from "drizzle-orm";
import type { ContentFields } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { campaigns, mediaAssets } from "../../db/schema";
import type { FileStore } from "../../lib/file-store";
import type { ContentRow } from "../content/content-queries";
import { publicUrlOf } from "../content/public-url";
import type { ReleaseSource } from "./compose-message";

export interface AttachmentRef {
  assetId: string;
  key: string;
  mime: string;
  fileName: string;
  sizeBytes: number;
}

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The item's photos in press-kit order (photos, infographic images, cover), as large renditions. */
async function photoRefs(db: Executor, files: FileStore, item: ContentRow): Promise<AttachmentRef[]> {
  const f = (item.fields ?? {}) as ContentFields;
  const ids = [
    ...new Set([...(f.photos ?? []).map((p) => p.assetId), ...(f.images ?? []).map((i) => i.assetId), item.coverAssetId]),
  ].filter((id): id is string => typeof id === "string" && id.length === 36);
  if (ids.length === 0) return [];
  const rows = await db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  const refs: AttachmentRef[] = [];
  for (const [i, id] of ids.entries()) {
    const row = rows.find((r) => r.id === id);
    // Never the original upload: the large rendition is re-encoded and carries no EXIF.
    const rendition = row?.kind === "image" ? (row.renditions.large ?? row.renditions.medium) : undefined;
    if (!row || !rendition) continue;
    const opened = await files.open(rendition.key);
    if (!opened) continue;
    opened.stream.destroy();
    const base = row.fileName.replace(/\.[^.]+$/, "") || "foto";
    refs.push({
      assetId: id,
      key: rendition.key,
      mime: rendition.mime,
      fileName: `${String(i + 1).padStart(2, "0")}-${base}.${EXT[rendition.mime] ?? "jpg"}`,
      sizeBytes: opened.size,
    });
  }
  return refs;
}

/** Attachments in order while they fit under the limit; the rest is left to the press-kit link. */
export function withinLimit(refs: AttachmentRef[], maxMb: number): AttachmentRef[] {
  const limit = maxMb * 1024 * 1024;
  const out: AttachmentRef[] = [];
  let total = 0;
  for (const r of refs) {
    if (total + r.sizeBytes > limit) break;
    total += r.sizeBytes;
    out.push(r);
  }
  return out;
}

export async function loadRelease(db: Executor, files: FileStore, base: string, item: ContentRow) {
  const photos = await photoRefs(db, files, item);
  const publicUrl = publicUrlOf(base, item.orgSlug, item.slug);
  const source: ReleaseSource = {
    title: item.title,
    summary: item.summary,
    bodyHtml: item.bodyHtml,
    bodyText: item.bodyText,
    embargoUntil: item.embargoUntil,
    organizationName: item.orgName,
    timeZone: item.orgTimeZone,
    publicUrl,
    // The newsroom serves the zip once the item is public (and only if it has photos).
    pressKitUrl: photos.length ? `${publicUrl}/paket-media.zip` : null,
  };
  return { source, photos };
}

export async function campaignHashtags(db: Executor, campaignId: string | null): Promise<string[]> {
  if (!campaignId) return [];
  const [row] = await db.select({ hashtags: campaigns.hashtags }).from(campaigns).where(eq(campaigns.id, campaignId));
  return row?.hashtags ?? [];
}
