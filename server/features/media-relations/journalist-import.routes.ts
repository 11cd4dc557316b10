import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorMessage } from "../../../common/i18n/errors";
import { JOURNALIST_IMPORT_MAX_BYTES } from "../../../common/media-relations-enums";
import {
  journalistExportQuery,
  journalistImportCommitBody,
  journalistImportConflict,
  journalistImportPreview,
  journalistImportResult,
} from "../../../common/schemas/media-relations";
import { errorBody } from "../../../common/schemas/shared";
import { AppError, fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { commitJournalistImport, previewJournalistImport } from "./commands/import-journalists";
import { journalistsForExport } from "./journalist-queries";
import { type JournalistRecord, readJournalistSheet, writeJournalistCsv, writeJournalistXlsx } from "./journalist-sheet";

const tags = ["media-relations"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const EXPORT_MAX_ROWS = 20_000;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Journalist spreadsheet: upload → preview (per-row errors, nothing written) → commit by token; export. */
export async function journalistImportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.post(
    "/journalists/import/preview",
    {
      config: { policy: "journalist.manage" },
      schema: {
        tags,
        summary: "Pratinjau impor wartawan dari XLSX/CSV (multipart: organizationId, file; tidak menyimpan apa pun)",
        consumes: ["multipart/form-data"],
        response: { 200: journalistImportPreview, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      const { data, fileName, organizationId } = await uploadedSheet(request);
      const rows = await readJournalistSheet(data, fileName);
      return inTransaction(request, (tx) => previewJournalistImport(tx, commandContext(request), organizationId, rows));
    },
  );

  app.post(
    "/journalists/import/commit",
    {
      config: { policy: "journalist.manage" },
      schema: {
        tags,
        summary: "Simpan semua baris valid dari pratinjau impor wartawan",
        body: journalistImportCommitBody,
        response: { 200: journalistImportResult, ...errors, 409: journalistImportConflict.or(errorBody) },
      },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) => commitJournalistImport(tx, commandContext(request), request.body.token));
      if ("conflict" in result) {
        return reply.code(409).send({
          error: { code: "import_changed", message: errorMessage(request.locale, "import_changed") },
          preview: result.conflict,
        });
      }
      return result;
    },
  );

  for (const format of ["xlsx", "csv"] as const) {
    app.get(
      `/journalists/export.${format}`,
      {
        config: { policy: "journalist.read" },
        schema: { tags, summary: `Ekspor wartawan (${format.toUpperCase()}, format impor)`, querystring: journalistExportQuery },
      },
      async (request, reply) => {
        const rows = await journalistsForExport(db, actorOf(request), request.query, EXPORT_MAX_ROWS);
        const records: JournalistRecord[] = rows.map((j) => ({
          name: j.name,
          outlet: j.membership?.outletName ?? "",
          role: j.membership?.role ?? "",
          beats: j.beats.join("; "),
          regionCode: j.regionCode ?? "",
          ukwLevel: j.ukwLevel ?? "",
          ukwCertificateNumber: j.ukwCertificateNumber ?? "",
          ukwCertificateDate: j.ukwCertificateDate ?? "",
          email: j.email ?? "",
          phone: j.phone ?? "",
          whatsapp: j.whatsapp ?? "",
          consentPurpose: j.consent?.purpose ?? "",
          consentBasis: j.consent?.basis ?? "",
          consentedAt: j.consent?.consentedAt ?? "",
          consentSource: j.consent?.source ?? "",
          notes: j.notes ?? "",
        }));
        const name = `wartawan-${new Date().toISOString().slice(0, 10)}.${format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        if (format === "xlsx") return reply.type(XLSX_TYPE).send(await writeJournalistXlsx(records));
        return reply.type("text/csv; charset=utf-8").send(await writeJournalistCsv(records));
      },
    );
  }
}

/** The organizationId field (before the file) and the one file, at most 5 MB. */
async function uploadedSheet(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
  const file = await request.file({ limits: { fileSize: JOURNALIST_IMPORT_MAX_BYTES, files: 1 } });
  if (!file) throw new AppError(400, "file_required");
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: JOURNALIST_IMPORT_MAX_BYTES / 1024 / 1024 });
    throw err;
  });
  const org = file.fields.organizationId as { value?: unknown } | undefined;
  const organizationId = typeof org?.value === "string" ? org.value.trim() : "";
  if (!UUID.test(organizationId)) throw fieldError("organizationId", "field_required");
  return { data, fileName: file.filename ?? "", organizationId };
}
