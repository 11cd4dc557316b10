import type { FastifyInstance } from "fastify";
import { JENJANG, type Jenjang } from "../../../common/pranata-humas";
import { dashboardQuery, pranataHumasDashboard } from "../../../common/schemas/dashboard";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { actorOf, typed } from "../../http/route-kit";
import { definePolicy, hasAnyRole } from "../../policies/core";
import { OFFICER_READERS } from "../officers/officer.policy";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { pranataHumasFigures } from "./dashboard-queries";

/** Agency figures: for those who read officer records of the whole organization. */
export const dashboardPolicy = definePolicy<{ path: string }, "read">("dashboard", {
  read: (actor, org) => hasAnyRole(actor, org.path, OFFICER_READERS),
});

const days = (since: Date | null, now: number) => (since ? Math.floor((now - new Date(since).getTime()) / 86_400_000) : null);

export async function dashboardRoutes(fastify: FastifyInstance) {
  const { db } = fastify.services;
  typed(fastify).get(
    "/dashboard/pranata-humas",
    {
      config: { policy: "dashboard.read" },
      schema: {
        tags: ["dashboard"],
        summary: "Dasbor Pranata Humas: pegawai, catatan kerja, antrean verifikasi",
        querystring: dashboardQuery,
        response: { 200: pranataHumasDashboard, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Default: the highest organization where the actor may read the figures.
      const grant = actor.grants.filter((g) => OFFICER_READERS.includes(g.role)).sort((a, b) => a.path.length - b.path.length)[0];
      const organizationId = request.query.organizationId ?? grant?.organizationId;
      if (!organizationId) throw new AppError(403, "forbidden");
      const org = await findVisibleOrganization(db, actor, organizationId);
      dashboardPolicy.authorize(actor, "read", org);
      const year = request.query.year ?? new Date().getUTCFullYear();
      const f = await pranataHumasFigures(db, org.path, year);
      const now = Date.now();
      const status = Object.fromEntries(f.byStatus.map((s) => [s.status, s.count]));
      return {
        organizationId: org.id,
        organizationName: org.name,
        year,
        officers: {
          total: f.officerTotals.total,
          active: f.officerTotals.active,
          byJenjang: JENJANG.map((j) => ({ jenjang: j as Jenjang, count: f.byJenjang.find((r) => r.jenjang === j)?.count ?? 0 })),
          byOrganization: f.byOrganization,
        },
        workLogs: {
          total: f.byStatus.reduce((n, s) => n + s.count, 0),
          byStatus: {
            draft: status.draft ?? 0,
            submitted: status.submitted ?? 0,
            returned: status.returned ?? 0,
            approved: status.approved ?? 0,
          },
          byType: f.byType,
          byMonth: f.byMonth,
        },
        backlog: {
          submitted: f.backlog.submitted,
          oldestDays: days(f.backlog.oldest, now),
          byOrganization: f.backlogByOrg.map((b) => ({
            organizationId: b.organizationId,
            name: b.name,
            submitted: b.submitted,
            oldestDays: days(b.oldest, now) ?? 0,
          })),
        },
      };
    },
  );
}
