import { z } from "zod";
import { MEDIA_KINDS, MEDIA_RIGHTS, MEDIA_SORTS } from "../enums";
import { LIMITS } from "../limits";
import { can, id, paged, pageQuery } from "./shared";

// Kinds, rights and sorts live in ../enums (zod-free, for the staff app's router).
export { MEDIA_KINDS, MEDIA_RIGHTS, MEDIA_SORTS, type MediaKind, type MediaRights, type MediaSort } from "../enums";

/** Image renditions, all re-encoded without metadata; the original stays private to staff. */
export const MEDIA_RENDITIONS = ["thumb", "medium", "large", "og"] as const;
export type MediaRendition = (typeof MEDIA_RENDITIONS)[number];

/** Files above this size go through the resumable (tus) upload in the staff app. */
export const MEDIA_RESUMABLE_FROM_BYTES = 20 * 1024 * 1024;

export const MEDIA_LIMITS = { caption: 2000, credit: 200, location: 200, altText: 1000, rightsNote: 1000, tag: 50, tags: 30 } as const;

/** The types the library accepts, as the browser's file picker should suggest them. */
export const MEDIA_ACCEPT = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "video/mp4",
  "video/webm",
  "video/quicktime",
  "application/pdf",
  "audio/mpeg",
  "audio/mp4",
  "audio/ogg",
  "audio/wav",
  ".m4a",
  ".mov",
] as const;

const text = (max: number) => z.string().trim().max(max);

/** Tags are matched exactly, so they are kept trimmed and lower-case, without duplicates. */
export const mediaTags = z
  .array(z.string().trim().toLowerCase().min(1).max(MEDIA_LIMITS.tag))
  .max(MEDIA_LIMITS.tags)
  .transform((tags) => [...new Set(tags)]);

export const updateMediaBody = z.strictObject({
  caption: text(MEDIA_LIMITS.caption).optional(),
  credit: text(MEDIA_LIMITS.credit).optional(),
  /** When the photo was taken (prefilled from EXIF DateTimeOriginal when the camera wrote it). */
  takenAt: z.iso.datetime({ offset: true }).nullable().optional(),
  location: text(MEDIA_LIMITS.location).optional(),
  altText: text(MEDIA_LIMITS.altText).optional(),
  tags: mediaTags.optional(),
  rights: z.enum(MEDIA_RIGHTS).optional(),
  rightsNote: text(MEDIA_LIMITS.rightsNote).optional(),
  /** Video and audio only; nothing transcodes them, so the duration is typed in. */
  durationSeconds: z.number().int().min(1).max(86_400).nullable().optional(),
});
export type UpdateMediaBody = z.input<typeof updateMediaBody>;

/** Filters of the list and of the CSV export (without pages there). */
export const mediaFilters = z.object({
  /** Words found in the file name, caption, credit, location or tags. */
  q: z.string().trim().max(LIMITS.search).optional(),
  kind: z.enum(MEDIA_KINDS).optional(),
  tag: z.string().trim().toLowerCase().max(MEDIA_LIMITS.tag).optional(),
  /** The organization and its sub-units. */
  organizationId: id.optional(),
  rights: z.enum(MEDIA_RIGHTS).optional(),
  sort: z.enum(MEDIA_SORTS).default("newest"),
});

export const mediaListQuery = pageQuery.extend(mediaFilters.shape);
export type MediaListQuery = z.input<typeof mediaListQuery>;

export const mediaExportQuery = mediaFilters.extend({
  /** A selection (comma-separated ids); without it every asset matching the filters. */
  ids: z
    .string()
    .max(37 * 500)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(",").filter(Boolean);
      if (list.some((x) => !id.safeParse(x).success)) {
        ctx.addIssue({ code: "custom", message: "invalid id" });
        return z.NEVER;
      }
      return list;
    }),
});

export const mediaUsage = z.object({ contentId: id, title: z.string(), status: z.string(), type: z.string() });

export const mediaAssetView = z.object({
  id,
  organization: z.object({ id, name: z.string(), shortName: z.string() }),
  kind: z.enum(MEDIA_KINDS),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  caption: z.string(),
  credit: z.string(),
  takenAt: z.string().nullable(),
  location: z.string(),
  tags: z.array(z.string()),
  altText: z.string(),
  rights: z.enum(MEDIA_RIGHTS),
  rightsNote: z.string(),
  /** Names of the renditions available (images only). */
  renditions: z.array(z.enum(MEDIA_RENDITIONS)),
  /** The staff URL of the thumbnail, or null when the asset has none (video, PDF, audio). */
  thumbUrl: z.string().nullable(),
  createdAt: z.string(),
  /** Where the asset is used (content items); sent with the single asset, not with lists. */
  usedIn: z.array(mediaUsage).optional(),
  can,
});
export type MediaAssetView = z.infer<typeof mediaAssetView>;

export const mediaList = paged(mediaAssetView);
export type MediaList = z.infer<typeof mediaList>;

export const mediaFileQuery = z.object({
  rendition: z.enum([...MEDIA_RENDITIONS, "original"]).default("original"),
});

/** Staff URL of an asset's file; the original is served as a download. */
export function mediaFileUrl(assetId: string, rendition: MediaRendition | "original" = "original"): string {
  return `/api/v1/media/${assetId}/file?rendition=${rendition}`;
}
