import { readFile, rm } from "node:fs/promises";
import { type TimeZoneCode, UTC_OFFSET } from "../../../../common/roles";
import type { Executor } from "../../../db/client";
import { mediaAssets } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { mediaPolicy } from "../media.policy";
import { processImage } from "../media-renditions";
import { checkMediaSize, cleanFileName, detectMediaType } from "../media-types";

export interface UploadTarget {
  id: string;
  path: string;
  timeZone: string;
}

/**
 * The organization an upload goes to: visible (404 otherwise), active, and one where the actor
 * may add media (403). Checked before any byte is accepted, and again when the row is written.
 */
export async function uploadTarget(db: Executor, actor: Actor, organizationId: string | undefined): Promise<UploadTarget> {
  if (!organizationId) throw fieldError("organizationId", "field_required");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organizationId))
    throw fieldError("organizationId", "field_format");
  const org = await findVisibleOrganization(db, actor, organizationId);
  if (!org.active) throw fieldError("organizationId", "parent_inactive");
  mediaPolicy.authorize(actor, "upload", { path: org.path, createdBy: null });
  return { id: org.id, path: org.path, timeZone: org.timeZone };
}

export interface IncomingFile {
  organizationId: string;
  /** A finished upload on local disk (multipart temp file or tus upload); moved, not copied. */
  tempPath: string;
  sizeBytes: number;
  fileName: string | null;
  via: "multipart" | "tus";
}

type InTransaction = <T>(fn: (tx: Executor) => Promise<T>) => Promise<T>;

/**
 * Turns a finished upload into a library asset: type by magic bytes (415), size by kind (413),
 * photos decoded and rendered (400 when they do not decode), files stored, then the row and its
 * audit entry in one transaction. If anything fails, the stored files are removed again, so a
 * refused upload leaves neither a row nor a file behind.
 */
export async function ingestMedia(ctx: CommandContext, file: IncomingFile, inTransaction: InTransaction): Promise<string> {
  try {
    return await ingest(ctx, file, inTransaction);
  } finally {
    // Moved into the store on success; refused or failed, the temporary file goes too.
    await rm(file.tempPath, { force: true });
  }
}

async function ingest(ctx: CommandContext, file: IncomingFile, inTransaction: InTransaction): Promise<string> {
  const actor = actorRequired(ctx);
  const { files, env, db } = ctx.services;
  const target = await uploadTarget(db, actor, file.organizationId);
  const type = await detectMediaType(file.tempPath);
  checkMediaSize(env, type.kind, file.sizeBytes);
  const image =
    type.kind === "image"
      ? await processImage(await readFile(file.tempPath), UTC_OFFSET[target.timeZone as TimeZoneCode] ?? UTC_OFFSET.WIB)
      : null;

  const id = newId();
  const prefix = `media/${target.id}/${id}`;
  const fileKey = `${prefix}/original.${type.ext}`;
  const stored: string[] = [];
  try {
    await files.putFile(fileKey, file.tempPath);
    stored.push(fileKey);
    const renditions: Record<string, { key: string; mime: string; width: number; height: number }> = {};
    for (const r of image?.renditions ?? []) {
      const key = `${prefix}/${r.name}.${r.ext}`;
      await files.put(key, r.data);
      stored.push(key);
      renditions[r.name] = { key, mime: r.mime, width: r.width, height: r.height };
    }
    const fileName = cleanFileName(file.fileName, type.ext);
    await inTransaction(async (tx) => {
      // The grant may have been revoked while the bytes were arriving.
      const org = await uploadTarget(tx, actor, target.id);
      await tx.insert(mediaAssets).values({
        id,
        organizationId: org.id,
        kind: type.kind,
        fileKey,
        fileName,
        mime: type.mime,
        sizeBytes: file.sizeBytes,
        width: image?.width ?? null,
        height: image?.height ?? null,
        renditions,
        takenAt: image?.takenAt ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: "media.upload",
        entityType: "media_asset",
        entityId: id,
        organizationId: org.id,
        after: { fileName, kind: type.kind, mime: type.mime, sizeBytes: file.sizeBytes, via: file.via },
      });
    });
    return id;
  } catch (err) {
    await Promise.all(stored.map((key) => files.delete(key).catch(() => undefined)));
    throw err;
  }
}

/** Refuses a file whose declared size is already over every limit, before reading it. */
export function checkDeclaredSize(env: CommandContext["services"]["env"], bytes: number, declaredMime: string | null) {
  const kind = declaredMime?.startsWith("image/") ? "image" : null;
  checkMediaSize(env, kind, bytes);
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new AppError(400, "media_upload_length");
}
