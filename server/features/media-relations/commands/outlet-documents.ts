import { and, eq } from "drizzle-orm";
import { OUTLET_DOCUMENT_KINDS } from "../../../../common/schemas/media-relations";
import type { Executor } from "../../../db/client";
import { mediaOutletDocuments } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { type AcceptedTypes, checkUpload, safeFileName } from "../../../lib/checked-upload";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { mediaOutletPolicy } from "../media-relations.policy";
import { findVisibleOutlet } from "../outlet-queries";

/** Company documents arrive as scans or PDFs; anything else is refused by content, not by name. */
const ACCEPTED: AcceptedTypes = {
  "application/pdf": { ext: "pdf" },
  "image/jpeg": { ext: "jpg", image: true },
  "image/png": { ext: "png", image: true },
};
const ACCEPTED_LABEL = "PDF, JPEG, PNG";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DocumentUpload {
  data: Buffer;
  fileName: string;
  kind: string;
  validFrom: string | null;
  validUntil: string | null;
}

function checkMeta(input: DocumentUpload) {
  if (!(OUTLET_DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw fieldError("kind", "field_enum", { values: OUTLET_DOCUMENT_KINDS.join(", ") });
  }
  for (const f of ["validFrom", "validUntil"] as const) {
    const v = input[f];
    if (v !== null && (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))) throw fieldError(f, "field_format");
  }
  if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) {
    throw fieldError("validUntil", "certificate_expiry_order", { date: input.validFrom });
  }
}

export async function addOutletDocument(tx: Executor, ctx: CommandContext, outletId: string, input: DocumentUpload) {
  const actor = actorRequired(ctx);
  const outlet = await findVisibleOutlet(tx, actor, outletId);
  mediaOutletPolicy.authorize(actor, "manage", outlet);
  checkMeta(input);
  const { data, mime, ext } = await checkUpload(input.data, ACCEPTED, ACCEPTED_LABEL, 88);
  const id = newId();
  const key = `media-outlets/${outlet.id}/${id}.${ext}`;
  await ctx.services.files.put(key, data);
  const fileName = safeFileName(input.fileName, `dokumen.${ext}`);
  await tx.insert(mediaOutletDocuments).values({
    id,
    outletId: outlet.id,
    kind: input.kind,
    fileKey: key,
    fileName,
    mime,
    sizeBytes: data.length,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "media_outlet.document_add",
    entityType: "media_outlet",
    entityId: outlet.id,
    organizationId: outlet.organizationId,
    after: {
      documentId: id,
      kind: input.kind,
      fileName,
      mime,
      bytes: data.length,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    },
  });
  return id;
}

export async function removeOutletDocument(tx: Executor, ctx: CommandContext, outletId: string, documentId: string) {
  const actor = actorRequired(ctx);
  const outlet = await findVisibleOutlet(tx, actor, outletId);
  mediaOutletPolicy.authorize(actor, "manage", outlet);
  const [row] = await tx
    .delete(mediaOutletDocuments)
    .where(and(eq(mediaOutletDocuments.id, documentId), eq(mediaOutletDocuments.outletId, outlet.id)))
    .returning();
  if (!row) throw new AppError(404, "not_found");
  await recordAudit(tx, ctx, {
    action: "media_outlet.document_remove",
    entityType: "media_outlet",
    entityId: outlet.id,
    organizationId: outlet.organizationId,
    before: { documentId, kind: row.kind, fileName: row.fileName },
  });
  return row.fileKey;
}

/** The stored document for download, after the read check. */
export async function outletDocumentFile(db: Executor, ctx: CommandContext, outletId: string, documentId: string) {
  const actor = actorRequired(ctx);
  const outlet = await findVisibleOutlet(db, actor, outletId);
  const [row] = await db
    .select()
    .from(mediaOutletDocuments)
    .where(and(eq(mediaOutletDocuments.id, documentId), eq(mediaOutletDocuments.outletId, outlet.id)));
  if (!row) throw new AppError(404, "not_found");
  return row;
}
