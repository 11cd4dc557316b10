import { eq, inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  assignmentsBody,
  campaignList,
  campaignListQuery,
  campaignReport as campaignReportView,
  campaignView,
  createCampaignBody,
  updateCampaignBody,
} from "../../../common/schemas/campaigns";
import { errorBody } from "../../../common/schemas/shared";
import { campaignAssignments, organizations } from "../../db/schema";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { campaignPolicy } from "./campaign.policy";
import { presentCampaign, presentCampaignSummary } from "./campaign.presenter";
import { assetsOf, assignmentsOf, findVisibleCampaign, listCampaigns } from "./campaign-queries";
import { campaignReport } from "./campaign-report";
import { renderCampaignReportXlsx } from "./campaign-report-xlsx";
import { createCampaign, deactivateCampaign, setAssignments, updateCampaign } from "./commands/write-campaign";

const tags = ["campaigns"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function campaignRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  // publicUrl is read per request: the test server learns its port after the routes register.
  const { services } = fastify;
  const { db } = services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleCampaign(db, actor, id);
    const [assigned, assets] = await Promise.all([assignmentsOf(db, id), assetsOf(db, id)]);
    return presentCampaign(row, assigned, assets, actor);
  };

  /** The campaign with its assigned agencies, after the read check (404 out of scope). */
  const readable = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleCampaign(db, actor, id);
    const assigned = await assignmentsOf(db, id);
    campaignPolicy.authorize(actor, "report", { path: row.path, assignedPaths: assigned.map((a) => a.path) });
    return { row, assigned };
  };

  app.get(
    "/campaigns",
    {
      config: { policy: "campaign.read" },
      schema: { tags, summary: "Kampanye (narasi tunggal)", querystring: campaignListQuery, response: { 200: campaignList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listCampaigns(db, actor, request.query);
      const ids = rows.map((r) => r.id);
      const paths = ids.length
        ? await db
            .select({ campaignId: campaignAssignments.campaignId, path: organizations.path })
            .from(campaignAssignments)
            .innerJoin(organizations, eq(organizations.id, campaignAssignments.organizationId))
            .where(inArray(campaignAssignments.campaignId, ids))
        : [];
      const items = rows.map((r) =>
        presentCampaignSummary(
          r,
          actor,
          paths.filter((p) => p.campaignId === r.id).map((p) => p.path),
        ),
      );
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/campaigns",
    {
      config: { policy: "campaignEntry.create" },
      schema: { tags, summary: "Buat kampanye", body: createCampaignBody, response: { 201: campaignView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createCampaign(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.get(
    "/campaigns/:id",
    { config: { policy: "campaign.read" }, schema: { tags, params, response: { 200: campaignView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    "/campaigns/:id",
    {
      config: { policy: "campaign.manage" },
      schema: { tags, params, body: updateCampaignBody, response: { 200: campaignView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateCampaign(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/campaigns/:id/deactivate",
    { config: { policy: "campaign.manage" }, schema: { tags, params, response: { 200: campaignView, ...errors } } },
    async (request) => {
      await inTransaction(request, (tx) => deactivateCampaign(tx, commandContext(request), request.params.id));
      return present(request, request.params.id);
    },
  );

  app.put(
    "/campaigns/:id/assignments",
    {
      config: { policy: "campaign.manage" },
      schema: { tags, summary: "Tetapkan instansi penerima", params, body: assignmentsBody, response: { 200: campaignView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => setAssignments(tx, commandContext(request), request.params.id, request.body.organizationIds));
      return present(request, request.params.id);
    },
  );

  app.get(
    "/campaigns/:id/report",
    {
      config: { policy: "campaign.report" },
      schema: { tags, summary: "Adopsi kampanye per instansi", params, response: { 200: campaignReportView, ...errors } },
    },
    async (request) => {
      const { row, assigned } = await readable(request, request.params.id);
      return campaignReport(db, services.publicUrl, row, assigned);
    },
  );

  app.get(
    "/campaigns/:id/report.xlsx",
    {
      config: { policy: "campaign.report" },
      schema: { tags, summary: "Adopsi kampanye (XLSX)", params, response: errors },
    },
    async (request, reply) => {
      const { row, assigned } = await readable(request, request.params.id);
      const data = await renderCampaignReportXlsx(await campaignReport(db, services.publicUrl, row, assigned));
      const name = `kampanye-${row.id.slice(0, 8)}-${String(row.startsOn)}.xlsx`;
      return (reply as FastifyReply)
        .type(XLSX)
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "private, no-store")
        .send(data);
    },
  );
}
