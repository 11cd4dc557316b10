import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { manualEntryBody, manualEntryResult, ocrScan } from "../../../../common/schemas/monitoring-intake";
import { errorBody } from "../../../../common/schemas/shared";
import { AppError, fieldError } from "../../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { saveManualEntry } from "./commands/save-manual-entry";
import { findScan, presentScan, uploadScan } from "./commands/upload-scan";
import { OCR_SCAN_JOB } from "./ocr-scan.job";

const tags = ["monitoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Manual print/TV/radio items: scan upload → OCR job with progress → edited text saved as an item. */
export async function manualEntryRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, jobs } = fastify.services;

  app.post(
    "/monitoring/manual/scans",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: {
        tags,
        summary: "Unggah pindaian koran (JPEG/PNG/TIFF/PDF) untuk OCR bahasa Indonesia (multipart: organizationId, file)",
        consumes: ["multipart/form-data"],
        response: { 202: ocrScan, ...errors, 413: errorBody, 415: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      const upload = await uploadedScan(request);
      const ctx = commandContext(request);
      const scan = await inTransaction(request, (tx) => uploadScan(tx, ctx, upload));
      // After the commit: the job reads the row. Inline (tests) it runs to the end right here.
      await jobs.enqueue(OCR_SCAN_JOB, { scanId: scan.id }, { singletonKey: scan.id });
      const fresh = await findScan(db, actorOf(request), scan.id);
      return reply.code(202).send(presentScan(ctx, fresh));
    },
  );

  app.get(
    "/monitoring/manual/scans/:id",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: {
        tags,
        summary: "Status dan hasil OCR sebuah pindaian (kemajuan per halaman)",
        params: z.object({ id: z.uuid() }),
        response: { 200: ocrScan, ...errors },
      },
    },
    async (request) => presentScan(commandContext(request), await findScan(db, actorOf(request), request.params.id)),
  );

  app.get(
    "/monitoring/manual/scans/:id/file",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: { tags, summary: "Berkas pindaian asli (untuk dibandingkan dengan teks OCR)", params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const scan = await findScan(db, actorOf(request), request.params.id);
      const data = await fastify.services.files.get(scan.fileKey);
      if (!data) throw new AppError(404, "not_found");
      reply.header("content-disposition", `inline; filename="${encodeURIComponent(scan.fileName)}"`);
      reply.header("x-content-type-options", "nosniff");
      return reply.type(scan.mimeType).send(data);
    },
  );

  app.post(
    "/monitoring/manual/entries",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: {
        tags,
        summary: "Simpan berita cetak/TV/radio yang diketik atau hasil OCR yang sudah disunting",
        body: manualEntryBody,
        response: { 201: manualEntryResult, ...errors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) => saveManualEntry(tx, commandContext(request), request.body));
      return reply.code(201).send(result);
    },
  );
}

/** The organizationId field (before the file) and the one file, within OCR_SCAN_MAX_MB. */
async function uploadedScan(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
  const maxMb = request.server.services.env.OCR_SCAN_MAX_MB;
  const file = await request.file({ limits: { fileSize: maxMb * 1024 * 1024, files: 1 } });
  if (!file) throw new AppError(400, "file_required");
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: maxMb });
    throw err;
  });
  if (data.length === 0) throw new AppError(400, "file_required");
  const org = file.fields.organizationId as { value?: unknown } | undefined;
  const organizationId = typeof org?.value === "string" ? org.value.trim() : "";
  if (!UUID.test(organizationId)) throw fieldError("organizationId", "field_required");
  return { data, fileName: file.filename ?? "", organizationId };
}
