import type { FastifyInstance, FastifyRequest } from "fastify";
import { MONITORING_CSV_COLUMNS, MONITORING_CSV_MAX_BYTES } from "../../../../common/monitoring-intake-enums";
import { csvImportCommitBody, csvImportPreview, csvImportResult } from "../../../../common/schemas/monitoring-intake";
import { errorBody } from "../../../../common/schemas/shared";
import { AppError, fieldError } from "../../../http/errors";
import { commandContext, inTransaction, typed } from "../../../http/route-kit";
import { csvCell } from "../../../lib/csv-cell";
import { commitMonitoringCsv, previewMonitoringCsv } from "./commands/import-monitoring-csv";
import { readMonitoringSheet } from "./monitoring-sheet";

const tags = ["monitoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** CSV/XLSX exports of other monitoring tools: upload → preview with per-row errors → commit by token. */
export async function csvImportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.post(
    "/monitoring/csv-import/preview",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: {
        tags,
        summary:
          "Pratinjau impor CSV/XLSX berita dari alat lain (multipart: organizationId, sourceId opsional, file; tidak menyimpan apa pun)",
        consumes: ["multipart/form-data"],
        response: { 200: csvImportPreview, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      const upload = await uploadedCsv(request);
      const sheet = await readMonitoringSheet(upload.data, upload.fileName);
      return inTransaction(request, (tx) => previewMonitoringCsv(tx, commandContext(request), { ...upload, sheet }));
    },
  );

  app.post(
    "/monitoring/csv-import/commit",
    {
      config: { policy: "monitoringIntake.enter" },
      schema: {
        tags,
        summary: "Masukkan baris valid dari pratinjau impor CSV ke pemantauan",
        body: csvImportCommitBody,
        response: { 200: csvImportResult, ...errors, 409: errorBody },
      },
    },
    async (request) => inTransaction(request, (tx) => commitMonitoringCsv(tx, commandContext(request), request.body.token)),
  );

  app.get(
    "/monitoring/csv-import/template.csv",
    { config: { policy: "monitoringIntake.enter" }, schema: { tags, summary: "Contoh berkas CSV dengan kolom yang dikenali" } },
    async (_request, reply) => {
      const header = MONITORING_CSV_COLUMNS.map((c) => c.aliases[0]).join(",");
      const example = [
        "https://contoh.co.id/berita/2026/11/20/jembatan-gianyar",
        "Jembatan baru di Gianyar diresmikan",
        "2026-11-20 09:30",
        "Contoh Media",
        "Pemerintah Provinsi meresmikan jembatan baru di Kabupaten Gianyar.",
        "Redaksi",
        "online",
      ]
        .map((v) => `"${csvCell(v).replace(/"/g, '""')}"`)
        .join(",");
      reply.header("content-disposition", 'attachment; filename="impor-pemantauan.csv"');
      return reply.type("text/csv; charset=utf-8").send(`\uFEFF${header}\r\n${example}\r\n`);
    },
  );
}

/** organizationId and sourceId fields (before the file) and the one file, at most 10 MB. */
async function uploadedCsv(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
  const file = await request.file({ limits: { fileSize: MONITORING_CSV_MAX_BYTES, files: 1 } });
  if (!file) throw new AppError(400, "file_required");
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: MONITORING_CSV_MAX_BYTES / 1024 / 1024 });
    throw err;
  });
  const field = (name: string) => {
    const f = file.fields[name] as { value?: unknown } | undefined;
    return typeof f?.value === "string" ? f.value.trim() : "";
  };
  const organizationId = field("organizationId");
  if (!UUID.test(organizationId)) throw fieldError("organizationId", "field_required");
  const sourceId = field("sourceId") || null;
  if (sourceId && !UUID.test(sourceId)) throw fieldError("sourceId", "field_format");
  return { data, fileName: file.filename ?? "", organizationId, sourceId };
}
