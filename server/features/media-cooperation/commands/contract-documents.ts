import { and, eq } from "drizzle-orm";
import { CONTRACT_DOCUMENT_KINDS } from "../../../../common/media-cooperation-enums";
import type { Executor } from "../../../db/client";
import { mediaContractDocuments } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { safeFileName } from "../../../lib/checked-upload";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import type { ContractRow } from "../contract-queries";
import { mediaContractPolicy } from "../media-cooperation.policy";
import { checkProofUpload } from "./stored-upload";

/** Contract documents (perjanjian, SPK, BAST, invoice) as PDF or scans, like outlet documents. */
export async function addContractDocument(
  tx: Executor,
  ctx: CommandContext,
  contract: ContractRow,
  input: { data: Buffer; fileName: string; kind: string },
) {
  const actor = actorRequired(ctx);
  mediaContractPolicy.authorize(actor, "manage", contract);
  if (!(CONTRACT_DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw fieldError("kind", "field_enum", { values: CONTRACT_DOCUMENT_KINDS.join(", ") });
  }
  const file = await checkProofUpload(input.data);
  const id = newId();
  const key = `media-contracts/${contract.id}/documents/${id}.${file.ext}`;
  await ctx.services.files.put(key, file.data);
  const fileName = safeFileName(input.fileName, `dokumen.${file.ext}`);
  await tx.insert(mediaContractDocuments).values({
    id,
    contractId: contract.id,
    kind: input.kind,
    fileKey: key,
    fileName,
    mime: file.mime,
    sizeBytes: file.data.length,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "media_contract.document_add",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    after: { documentId: id, kind: input.kind, fileName, mime: file.mime, bytes: file.data.length },
  });
  return id;
}

export async function removeContractDocument(tx: Executor, ctx: CommandContext, contract: ContractRow, documentId: string) {
  mediaContractPolicy.authorize(actorRequired(ctx), "manage", contract);
  const [row] = await tx
    .delete(mediaContractDocuments)
    .where(and(eq(mediaContractDocuments.id, documentId), eq(mediaContractDocuments.contractId, contract.id)))
    .returning();
  if (!row) throw new AppError(404, "not_found");
  await recordAudit(tx, ctx, {
    action: "media_contract.document_remove",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    before: { documentId, kind: row.kind, fileName: row.fileName },
  });
  return row.fileKey;
}

export async function contractDocumentFile(db: Executor, contract: ContractRow, documentId: string) {
  const [row] = await db
    .select()
    .from(mediaContractDocuments)
    .where(and(eq(mediaContractDocuments.id, documentId), eq(mediaContractDocuments.contractId, contract.id)));
  if (!row) throw new AppError(404, "not_found");
  return row;
}
