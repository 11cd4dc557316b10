import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { addLinkEvidenceBody } from "../../../../common/schemas/work-logs";
import type { Executor } from "../../../db/client";
import { workLogEvidence } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { type AcceptedTypes, checkUpload, safeFileName } from "../../../lib/checked-upload";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { workLogPolicy } from "../work-log.policy";
import { findVisibleWorkLog } from "../work-log-queries";

/** What bukti fisik may be, by content (magic bytes), never by the file name. */
const ACCEPTED: AcceptedTypes = {
  "image/jpeg": { ext: "jpg", image: true },
  "image/png": { ext: "png", image: true },
  "image/webp": { ext: "webp", image: true },
  "application/pdf": { ext: "pdf" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: "docx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { ext: "xlsx" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { ext: "pptx" },
  "video/mp4": { ext: "mp4" },
  "video/webm": { ext: "webm" },
  "video/quicktime": { ext: "mov" },
};
export const ACCEPTED_LABEL = "JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, MP4, WebM, MOV";

async function editableLog(tx: Executor, ctx: CommandContext, workLogId: string) {
  const actor = actorRequired(ctx);
  const log = await findVisibleWorkLog(tx, actor, workLogId);
  workLogPolicy.authorize(actor, "edit", log);
  return { actor, log };
}

/**
 * Stores an uploaded file. Photos are re-encoded, which drops every metadata block (EXIF GPS
 * included) and applies the camera's rotation; other files are kept as they came.
 */
export async function addFileEvidence(tx: Executor, ctx: CommandContext, workLogId: string, file: { data: Buffer; fileName: string }) {
  const { actor, log } = await editableLog(tx, ctx, workLogId);
  const { data, mime, ext } = await checkUpload(file.data, ACCEPTED, ACCEPTED_LABEL);
  const id = newId();
  const key = `evidence/${log.id}/${id}.${ext}`;
  await ctx.services.files.put(key, data);
  const fileName = safeFileName(file.fileName, `bukti.${ext}`);
  await tx
    .insert(workLogEvidence)
    .values({ id, workLogId: log.id, kind: "file", fileKey: key, fileName, mime, sizeBytes: data.length, createdBy: actor.userId });
  await recordAudit(tx, ctx, {
    action: "work_log.evidence_add",
    entityType: "work_log",
    entityId: log.id,
    organizationId: log.organizationId,
    after: { evidenceId: id, fileName, mime, bytes: data.length },
  });
  return id;
}

export async function addLinkEvidence(tx: Executor, ctx: CommandContext, workLogId: string, input: z.infer<typeof addLinkEvidenceBody>) {
  const { actor, log } = await editableLog(tx, ctx, workLogId);
  const id = newId();
  await tx.insert(workLogEvidence).values(
    input.kind === "link"
      ? { id, workLogId: log.id, kind: "link", url: input.url, label: input.label ?? null, createdBy: actor.userId }
      : {
          id,
          workLogId: log.id,
          kind: "reference",
          refType: input.refType,
          refId: input.refId,
          label: input.label,
          createdBy: actor.userId,
        },
  );
  await recordAudit(tx, ctx, {
    action: "work_log.evidence_add",
    entityType: "work_log",
    entityId: log.id,
    organizationId: log.organizationId,
    after: { evidenceId: id, ...input },
  });
  return id;
}

export async function removeEvidence(tx: Executor, ctx: CommandContext, workLogId: string, evidenceId: string) {
  const { log } = await editableLog(tx, ctx, workLogId);
  const [row] = await tx
    .delete(workLogEvidence)
    .where(and(eq(workLogEvidence.id, evidenceId), eq(workLogEvidence.workLogId, log.id)))
    .returning();
  if (!row) throw new AppError(404, "not_found");
  // The file itself stays until the transaction commits; a failed commit must not lose it.
  await recordAudit(tx, ctx, {
    action: "work_log.evidence_remove",
    entityType: "work_log",
    entityId: log.id,
    organizationId: log.organizationId,
    before: { evidenceId, fileName: row.fileName, url: row.url },
  });
  return row.fileKey;
}
