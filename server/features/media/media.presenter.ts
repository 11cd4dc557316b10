import { MEDIA_RENDITIONS, type MediaAssetView, type MediaKind, type MediaRights, mediaFileUrl } from "../../../common/schemas/media";
import type { Actor } from "../../policies/core";
import { mediaPolicy } from "./media.policy";
import type { MediaRow } from "./media-queries";

export type MediaUsage = NonNullable<MediaAssetView["usedIn"]>;

/** Whitelists an asset's fields; storage keys never leave the server, only staff file URLs. */
export function presentAsset(row: MediaRow, actor: Actor, usedIn?: MediaUsage): MediaAssetView {
  const renditions = MEDIA_RENDITIONS.filter((name) => row.renditions[name]);
  return {
    id: row.id,
    organization: { id: row.organizationId, name: row.organizationName, shortName: row.organizationShortName },
    kind: row.kind as MediaKind,
    fileName: row.fileName,
    mime: row.mime,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    caption: row.caption,
    credit: row.credit,
    takenAt: row.takenAt?.toISOString() ?? null,
    location: row.location,
    tags: row.tags,
    altText: row.altText,
    rights: row.rights as MediaRights,
    rightsNote: row.rightsNote,
    renditions,
    thumbUrl: renditions.includes("thumb") ? mediaFileUrl(row.id, "thumb") : null,
    createdAt: row.createdAt.toISOString(),
    ...(usedIn ? { usedIn } : {}),
    can: mediaPolicy.abilities(actor, row),
  };
}
