import { and, eq } from "drizzle-orm";
import { type ErrorCode, errorMessage } from "../../../../../common/i18n/errors";
import type { OcrScan } from "../../../../../common/schemas/monitoring-intake";
import type { Executor } from "../../../../db/client";
import { monitoringOcrScans, organizations } from "../../../../db/schema";
import { AppError, fieldError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import type { Actor } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOrganization, inScope } from "../../../organizations/organization-queries";
import { INTAKE_ENTRANTS, monitoringIntakePolicy } from "../../intake/intake.policy";
import { countScanPages, OcrFailure } from "../ocr/read-scan";
import { SCAN_TYPES } from "../ocr/scan-pages";
import { tesseractAvailable } from "../ocr/tesseract";

type ScanRow = typeof monitoringOcrScans.$inferSelect;
const EXTENSION: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/tiff": "tif", "application/pdf": "pdf" };

/** The organization items are entered for, within the actor's reach (404 otherwise), authorized. */
export async function intakeTarget(tx: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(tx, actor, organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  monitoringIntakePolicy.authorize(actor, "enter", { path: org.path });
  return org;
}

/**
 * Checks an uploaded scan by its bytes (JPEG, PNG, TIFF or PDF), stores it and records a queued
 * OCR scan; the caller enqueues the job after the commit. OCR that is not installed answers 503
 * here, before anything is stored, so the officer knows at once to type the text instead.
 */
export async function uploadScan(
  tx: Executor,
  ctx: CommandContext,
  input: { organizationId: string; data: Buffer; fileName: string },
): Promise<ScanRow> {
  const actor = actorRequired(ctx);
  const org = await intakeTarget(tx, actor, input.organizationId);
  if (!(await tesseractAvailable(ctx.services.env.TESSERACT_BIN))) throw new AppError(503, "ocr_unavailable");
  const { fileTypeFromBuffer } = await import("file-type");
  const type = await fileTypeFromBuffer(input.data);
  if (!type || !SCAN_TYPES[type.mime]) throw new AppError(415, "file_type", { types: "JPEG, PNG, TIFF, PDF" });
  const { env } = ctx.services;
  const pages = await countScanPages(input.data, type.mime, env.OCR_TIMEOUT_SECONDS * 1000).catch((err) => {
    if (err instanceof OcrFailure) throw new AppError(err.code === "ocr_unavailable" ? 503 : 400, err.code);
    throw err;
  });
  if (pages > env.OCR_MAX_PAGES) throw new AppError(400, "ocr_too_many_pages", { pages, max: env.OCR_MAX_PAGES });
  const id = newId();
  const fileKey = `monitoring/scans/${org.id}/${id}.${EXTENSION[type.mime]}`;
  const fileName = input.fileName.replace(/[\r\n]/g, " ").slice(0, 200) || `scan.${EXTENSION[type.mime]}`;
  await ctx.services.files.put(fileKey, input.data);
  const [row] = await tx
    .insert(monitoringOcrScans)
    .values({
      id,
      organizationId: org.id,
      createdBy: actor.userId,
      fileKey,
      fileName,
      mimeType: type.mime,
      byteSize: input.data.length,
      pagesTotal: pages,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "monitoring_scan.upload",
    entityType: "monitoring_scan",
    entityId: id,
    organizationId: org.id,
    after: { fileName, mimeType: type.mime, byteSize: input.data.length },
  });
  return row;
}

/** A scan of an organization the actor may enter items for; another tenant's id is 404. */
export async function findScan(db: Executor, actor: Actor, id: string): Promise<ScanRow> {
  const [row] = await db
    .select({ scan: monitoringOcrScans })
    .from(monitoringOcrScans)
    .innerJoin(organizations, eq(organizations.id, monitoringOcrScans.organizationId))
    .where(and(eq(monitoringOcrScans.id, id), inScope(actor, INTAKE_ENTRANTS)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row.scan;
}

export function presentScan(ctx: Pick<CommandContext, "locale" | "services">, s: ScanRow): OcrScan {
  return {
    id: s.id,
    organizationId: s.organizationId,
    fileName: s.fileName,
    mimeType: s.mimeType,
    byteSize: s.byteSize,
    status: s.status as OcrScan["status"],
    pagesTotal: s.pagesTotal,
    pagesDone: s.pagesDone,
    text: s.text,
    confidence: s.confidence,
    error: s.errorCode
      ? {
          code: s.errorCode,
          message: errorMessage(ctx.locale, s.errorCode as ErrorCode, { max: ctx.services.env.OCR_MAX_PAGES, pages: s.pagesTotal }),
        }
      : null,
    articleId: s.articleId,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}
