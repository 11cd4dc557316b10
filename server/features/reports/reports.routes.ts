import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  REPORT_MAX_YEARS,
  type ReportPeriod,
  recapBody,
  recapQuery,
  reportExportCreated,
  reportExportList,
  reportExportView,
  reportPeriodQuery,
} from "../../../common/schemas/reports";
import { errorBody } from "../../../common/schemas/shared";
import { organizations, reportExports } from "../../db/schema";
import { AppError, fieldError } from "../../http/errors";
import { actorOf, inTransaction, typed } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import type { Actor } from "../../policies/core";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { loadOfficerReport } from "./officer-report-data";
import { renderOfficerReportPdf } from "./officer-report-pdf";
import { renderOfficerReportXlsx } from "./officer-report-xlsx";
import { RECAP_JOB } from "./recap.job";
import { loadRecap } from "./recap-data";
import { renderRecapXlsx } from "./recap-xlsx";
import { reportExportPolicy, reportPolicy, requesterOf } from "./report.policy";

const tags = ["reports"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The order and length of a period, with messages naming the field (format is zod's job). */
export function checkPeriod(period: ReportPeriod) {
  if (period.to < period.from) throw fieldError("to", "report_date_order", { from: period.from });
  const [y, m, d] = period.from.split("-");
  const limit = `${Number(y) + REPORT_MAX_YEARS}-${m}-${d}`;
  if (period.to >= limit) throw fieldError("to", "report_range_too_long", { years: REPORT_MAX_YEARS });
}

const download = (reply: FastifyReply, type: string, name: string, data: Buffer) =>
  reply.type(type).header("content-disposition", `attachment; filename="${name}"`).header("cache-control", "private, no-store").send(data);

type ExportRow = typeof reportExports.$inferSelect & { organizationName: string; organizationSlug: string };

function presentExport(row: ExportRow) {
  const params = (row.params ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    params,
    status: row.status as "queued" | "running" | "done" | "failed",
    progress: row.progress,
    error: row.error,
    fileName: row.status === "done" ? `rekap-${row.organizationSlug}-${params.year}.xlsx` : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function reportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, files, jobs } = fastify.services;

  const exportColumns = { row: reportExports, organizationName: organizations.name, organizationSlug: organizations.slug };
  const findExport = async (actor: Actor, id: string): Promise<ExportRow> => {
    const [found] = await db
      .select(exportColumns)
      .from(reportExports)
      .innerJoin(organizations, eq(organizations.id, reportExports.organizationId))
      .where(eq(reportExports.id, id))
      .limit(1);
    // Someone else's export is not there for this actor at all.
    if (!found || !reportExportPolicy.can(actor, "read", found.row)) throw new AppError(404, "not_found");
    return { ...found.row, organizationName: found.organizationName, organizationSlug: found.organizationSlug };
  };
  const recapOrganization = async (actor: Actor, organizationId: string) => {
    const org = await findVisibleOrganization(db, actor, organizationId);
    reportPolicy.authorize(actor, "recap", org);
    return org;
  };

  for (const format of ["pdf", "xlsx"] as const) {
    app.get(
      `/officers/:id/report.${format}`,
      {
        config: { policy: "officer.read" },
        schema: {
          tags,
          summary:
            format === "pdf"
              ? "Laporan hasil kerja dan konversi angka kredit (PDF)"
              : "Laporan hasil kerja dan konversi angka kredit (XLSX)",
          params,
          querystring: reportPeriodQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        checkPeriod(request.query);
        const data = await loadOfficerReport(db, files, actorOf(request), request.params.id, request.query);
        const name = `laporan-${data.officer.nip}-${request.query.from}-${request.query.to}.${format}`;
        return format === "pdf"
          ? download(reply, "application/pdf", name, await renderOfficerReportPdf(data))
          : download(reply, XLSX, name, await renderOfficerReportXlsx(data));
      },
    );
  }

  app.get(
    "/reports/recap.xlsx",
    {
      config: { policy: "report.recap" },
      schema: { tags, summary: "Rekap instansi (XLSX, langsung)", querystring: recapQuery, response: errors },
    },
    async (request, reply) => {
      const org = await recapOrganization(actorOf(request), request.query.organizationId);
      const data = await loadRecap(db, org.id, request.query.year);
      return download(reply, XLSX, `rekap-${org.slug}-${request.query.year}.xlsx`, await renderRecapXlsx(data));
    },
  );

  app.post(
    "/reports/recap",
    {
      config: { policy: "report.recap" },
      schema: {
        tags,
        summary: "Buat rekap instansi di latar belakang",
        body: recapBody,
        response: { 202: reportExportCreated, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const requestedBy = requesterOf(actor);
      if (!requestedBy) throw new AppError(403, "forbidden");
      const org = await recapOrganization(actor, request.body.organizationId);
      const id = newId();
      await inTransaction(request, (tx) =>
        tx.insert(reportExports).values({ id, organizationId: org.id, requestedBy, kind: "recap", params: { year: request.body.year } }),
      );
      // After the commit, like emails: the worker must find the row.
      await jobs.enqueue(RECAP_JOB, { exportId: id });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    "/reports/exports",
    {
      config: { policy: "authenticated" },
      schema: { tags, summary: "Laporan yang saya minta (terbaru)", response: { 200: reportExportList, ...errors } },
    },
    async (request) => {
      const requestedBy = requesterOf(actorOf(request));
      if (!requestedBy) return { items: [] };
      const rows = await db
        .select(exportColumns)
        .from(reportExports)
        .innerJoin(organizations, eq(organizations.id, reportExports.organizationId))
        .where(and(eq(reportExports.requestedBy, requestedBy)))
        .orderBy(desc(reportExports.createdAt))
        .limit(20);
      return {
        items: rows.map((r) => presentExport({ ...r.row, organizationName: r.organizationName, organizationSlug: r.organizationSlug })),
      };
    },
  );

  app.get(
    "/reports/exports/:id",
    {
      config: { policy: "reportExport.read" },
      schema: { tags, summary: "Status dan kemajuan laporan", params, response: { 200: reportExportView, ...errors } },
    },
    async (request) => presentExport(await findExport(actorOf(request), request.params.id)),
  );

  app.get(
    "/reports/exports/:id/file",
    {
      config: { policy: "reportExport.read" },
      schema: { tags, summary: "Unduh berkas laporan yang sudah selesai", params, response: errors },
    },
    async (request, reply) => {
      const row = await findExport(actorOf(request), request.params.id);
      if (row.status !== "done" || !row.fileKey) throw new AppError(409, "export_not_ready", { status: row.status });
      const data = await files.get(row.fileKey);
      if (!data) throw new AppError(404, "not_found");
      return download(reply, XLSX, presentExport(row).fileName ?? "rekap.xlsx", data);
    },
  );
}
