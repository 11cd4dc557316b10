import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  cooperationSettingsBody,
  cooperationSettingsView,
  dashboardQuery,
  dashboardView,
  spjReportQuery,
} from "../../../common/schemas/media-cooperation";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { cooperationSettings, saveCooperationSettings } from "./commands/cooperation-settings";
import { cooperationDashboard } from "./dashboard-query";
import { loadSpjReport, spjFileName } from "./spj-data";
import { renderSpjPdf } from "./spj-pdf";
import { renderSpjXlsx } from "./spj-xlsx";

const tags = ["media-cooperation"];
const params = z.object({ organizationId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Forms and eligibility rules as data, the SPJ report and the dashboard. */
export async function cooperationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/media-cooperation/settings/:organizationId",
    {
      config: { policy: "mediaContract.read" },
      schema: {
        tags,
        summary: "Bentuk kerja sama dan aturan kelayakan yang berlaku",
        params,
        response: { 200: cooperationSettingsView, ...errors },
      },
    },
    // Reading may seed the tree's defaults once: a write, so it runs in a transaction.
    async (request) => inTransaction(request, (tx) => cooperationSettings(tx, actorOf(request), request.params.organizationId)),
  );

  app.put(
    "/media-cooperation/settings/:organizationId",
    {
      config: { policy: "mediaCooperationSettings.manage" },
      schema: {
        tags,
        summary: "Ubah bentuk kerja sama dan aturan kelayakan subtree ini",
        params,
        body: cooperationSettingsBody,
        response: { 200: cooperationSettingsView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) =>
        saveCooperationSettings(tx, commandContext(request), request.params.organizationId, request.body),
      );
      return inTransaction(request, (tx) => cooperationSettings(tx, actorOf(request), request.params.organizationId));
    },
  );

  app.get(
    "/media-cooperation/dashboard",
    {
      config: { policy: "mediaContract.read" },
      schema: {
        tags,
        summary: "Anggaran terpakai dan kuota terpenuhi per media",
        querystring: dashboardQuery,
        response: { 200: dashboardView, ...errors },
      },
    },
    async (request) => cooperationDashboard(db, actorOf(request), request.query),
  );

  for (const format of ["pdf", "xlsx"] as const) {
    app.get(
      `/media-cooperation/spj.${format}`,
      {
        config: { policy: "mediaContract.read" },
        schema: {
          tags,
          summary: `Laporan SPJ kerja sama media per tahun (dan per media), ${format.toUpperCase()}`,
          querystring: spjReportQuery,
        },
      },
      async (request, reply) => {
        const report = await loadSpjReport(db, actorOf(request), request.query);
        const data = format === "pdf" ? await renderSpjPdf(report) : await renderSpjXlsx(report);
        return reply
          .type(format === "pdf" ? "application/pdf" : XLSX)
          .header("content-disposition", `attachment; filename="${spjFileName(report, format)}"`)
          .header("cache-control", "private, no-store")
          .send(data);
      },
    );
  }
}
