import { asc } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errorMessage } from "../../../common/i18n/errors";
import { JENJANG_INFO, type Jenjang } from "../../../common/pranata-humas";
import {
  OFFICER_IMPORT_MAX_BYTES,
  officerExportQuery,
  officerImportCommitBody,
  officerImportConflict,
  officerImportPreview,
  officerImportResult,
} from "../../../common/schemas/officer-import";
import { errorBody } from "../../../common/schemas/shared";
import { organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import type { Actor } from "../../policies/core";
import { findVisibleOrganization, inScope } from "../organizations/organization-queries";
import { commitOfficerImport, previewOfficerImport } from "./commands/import-officers";
import { OFFICER_KEEPERS } from "./officer.policy";
import { listOfficersForExport } from "./officer-queries";
import { readOfficerSheet, type SheetRecord, writeOfficerCsv, writeOfficerXlsx } from "./officer-sheet";

const tags = ["officers"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const EXPORT_MAX_ROWS = 10_000;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The officer spreadsheet: upload → preview (per-row errors, nothing written) → commit by token
 * (all valid rows in one transaction); export and template in the same format.
 */
export async function officerImportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  /** Organizations the actor may register officers in: the template's code list. */
  const keeperOrganizations = (actor: Actor) =>
    db
      .select({ slug: organizations.slug, name: organizations.name })
      .from(organizations)
      .where(inScope(actor, OFFICER_KEEPERS))
      .orderBy(asc(organizations.path));

  const sendXlsx = (reply: FastifyReply, name: string, data: Buffer) =>
    reply.type(XLSX_TYPE).header("content-disposition", `attachment; filename="${name}"`).send(data);

  app.post(
    "/officers/import/preview",
    {
      config: { policy: "officerRegistry.create" },
      schema: {
        tags,
        summary: "Pratinjau impor Pranata Humas dari XLSX/CSV (tidak menyimpan apa pun)",
        consumes: ["multipart/form-data"],
        response: { 200: officerImportPreview, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      const { data, fileName } = await uploadedFile(request);
      const rows = await readOfficerSheet(data, fileName);
      return inTransaction(request, (tx) => previewOfficerImport(tx, commandContext(request), rows));
    },
  );

  app.post(
    "/officers/import/commit",
    {
      config: { policy: "officerRegistry.create" },
      schema: {
        tags,
        summary: "Simpan semua baris valid dari pratinjau impor",
        body: officerImportCommitBody,
        response: { 200: officerImportResult, ...errors, 409: officerImportConflict.or(errorBody) },
      },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) => commitOfficerImport(tx, commandContext(request), request.body.token));
      if ("conflict" in result) {
        return reply.code(409).send({
          error: { code: "import_changed", message: errorMessage(request.locale, "import_changed") },
          preview: result.conflict,
        });
      }
      return result;
    },
  );

  app.get(
    "/officers/import/template.xlsx",
    { config: { policy: "officerRegistry.create" }, schema: { tags, summary: "Templat impor Pranata Humas (XLSX)" } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.grants.some((g) => OFFICER_KEEPERS.includes(g.role))) throw new AppError(403, "forbidden");
      return sendXlsx(reply, "templat-pranata-humas.xlsx", await writeOfficerXlsx([], await keeperOrganizations(actor)));
    },
  );

  for (const format of ["xlsx", "csv"] as const) {
    app.get(
      `/officers/export.${format}`,
      {
        config: { policy: "officer.read" },
        schema: { tags, summary: `Ekspor Pranata Humas (${format.toUpperCase()}, format impor)`, querystring: officerExportQuery },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { organizationId } = request.query;
        const orgPath = organizationId ? (await findVisibleOrganization(db, actor, organizationId)).path : undefined;
        const rows = await listOfficersForExport(db, actor, request.query, orgPath, EXPORT_MAX_ROWS);
        const records: SheetRecord[] = rows.map(({ organizationSlug, jenjang, ...r }) => ({
          ...r,
          organization: organizationSlug,
          // Names, not codes: readable, and the import accepts both.
          jenjang: JENJANG_INFO[jenjang as Jenjang]?.name ?? jenjang,
        }));
        const name = `pranata-humas-${today()}.${format}`;
        if (format === "xlsx") return sendXlsx(reply, name, await writeOfficerXlsx(records, await keeperOrganizations(actor)));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(await writeOfficerCsv(records));
      },
    );
  }
}

/** The one uploaded file, at most 5 MB; the type is decided later from its bytes. */
async function uploadedFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
  const file = await request.file({ limits: { fileSize: OFFICER_IMPORT_MAX_BYTES, files: 1 } });
  if (!file) throw new AppError(400, "file_required");
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: OFFICER_IMPORT_MAX_BYTES / 1024 / 1024 });
    throw err;
  });
  return { data, fileName: file.filename ?? "" };
}
