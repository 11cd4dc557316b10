import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { TimeZoneCode } from "../../../../common/roles";
import { analyticsExportQuery, analyticsQuery, analyticsView } from "../../../../common/schemas/monitoring-analytics";
import { errorBody } from "../../../../common/schemas/shared";
import type { Executor } from "../../../db/client";
import { actorOf, typed } from "../../../http/route-kit";
import type { Actor } from "../../../policies/core";
import { analyticsPdf, analyticsXlsx } from "./analytics-export";
import { monitoringAnalytics } from "./analytics-queries";

const tags = ["monitoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** The organization the figures are about (the filter, else the actor's first grant): its name and time zone. */
async function scopeOf(db: Executor, actor: Actor, organizationId?: string) {
  const id = organizationId ?? actor.grants[0]?.organizationId;
  const [row] = id
    ? rowsOf<{ name: string; time_zone: TimeZoneCode }>(await db.execute(sql`select name, time_zone from organizations where id = ${id}`))
    : [];
  return { name: row?.name ?? "Sinergi", zone: row?.time_zone ?? "WIB" };
}

/** Monitoring analytics: volume and tone over time, top outlets/stories/terms, share of voice, regions. */
export async function monitoringAnalyticsRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/monitoring/analytics",
    {
      config: { policy: "monitoringArticle.read" },
      schema: { tags, summary: "Analitik pemantauan media", querystring: analyticsQuery, response: { 200: analyticsView, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = await scopeOf(db, actor, request.query.organizationId);
      return monitoringAnalytics(db, actor, request.query, scope.zone);
    },
  );

  app.get(
    "/monitoring/analytics/export",
    {
      config: { policy: "monitoringArticle.read" },
      schema: { tags, summary: "Ekspor analitik (XLSX atau PDF)", querystring: analyticsExportQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, ...query } = request.query;
      const scope = await scopeOf(db, actor, query.organizationId);
      const view = await monitoringAnalytics(db, actor, query, scope.zone);
      const name = `analitik-media-${view.from}-${view.to}.${format}`;
      const body = format === "pdf" ? await analyticsPdf(view, scope.name) : await analyticsXlsx(view, scope.name);
      return reply
        .header("content-type", format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(body);
    },
  );
}
