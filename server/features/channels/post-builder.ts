import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { mediaAssets } from "../../db/schema";
import { fieldError } from "../../http/errors";
import type { Services } from "../../services";
import type { PostMedia } from "./connectors/connector";
import { PlatformError } from "./connectors/platform-error";

/** The default channel text: title, summary and the public link, each on its own paragraph. */
export function defaultText(item: { title: string; summary: string; publicUrl: string }): string {
  return [item.title, item.summary, item.publicUrl]
    .map((s) => s.trim())
    .filter(Boolean)
    .join("\n\n");
}

const kindOf = (kind: string, mime: string): PostMedia["kind"] => {
  if (kind === "image" || mime.startsWith("image/")) return "image";
  if (kind === "video" || mime.startsWith("video/")) return "video";
  return "other";
};

/**
 * The media of a post in the order given, with what validation needs (size, type, dimensions)
 * and a loader for the bytes. A missing asset is a 404 on `field`.
 */
export async function loadMedia(db: Executor, services: Pick<Services, "files" | "publicUrl">, ids: string[], field = "mediaAssetIds") {
  if (ids.length === 0) return [];
  const rows = await db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id): PostMedia => {
    const row = byId.get(id);
    if (!row) throw fieldError(field, "not_found", {}, 404);
    const kind = kindOf(row.kind, row.mime);
    // Images go out as the large rendition (re-encoded, no EXIF); videos as uploaded.
    const large = kind === "image" ? row.renditions?.large : undefined;
    return {
      id: row.id,
      kind,
      mime: large?.mime ?? row.mime,
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      width: large?.width ?? row.width,
      height: large?.height ?? row.height,
      publicUrl: `${services.publicUrl}/media/${row.id}/large`,
      async load() {
        const key = large?.key ?? row.fileKey;
        const data = await services.files.get(key);
        if (!data) throw new PlatformError("local", "Sinergi", `Berkas media ${row.fileName} tidak ada di penyimpanan Sinergi.`);
        return { data, mime: large?.mime ?? row.mime, fileName: row.fileName };
      },
    };
  });
}
