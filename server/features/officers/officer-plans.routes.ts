import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { type TimeZoneCode, UTC_OFFSET } from "../../../common/roles";
import { planQuery, planView, putPlanBody } from "../../../common/schemas/officers";
import { errorBody } from "../../../common/schemas/shared";
import type { Executor } from "../../db/client";
import { hasilKerjaTypes, officerPlans, organizations, workLogs } from "../../db/schema";
import { fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import { recordAudit } from "../audit/record-audit";
import { officerPolicy } from "./officer.policy";
import { findVisibleOfficer, type OfficerSummaryRow } from "./officer-queries";

const tags = ["officers"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** The plan with what was realized: approved entries per type in the officer's local year. */
async function planFor(db: Executor, officer: OfficerSummaryRow, year: number) {
  const [org] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, officer.organizationId));
  const offset = UTC_OFFSET[(org?.timeZone as TimeZoneCode) ?? "WIB"];
  const [planned, realized] = await Promise.all([
    db
      .select({
        hasilKerjaTypeId: officerPlans.hasilKerjaTypeId,
        code: hasilKerjaTypes.code,
        name: hasilKerjaTypes.name,
        target: officerPlans.target,
        note: officerPlans.note,
      })
      .from(officerPlans)
      .innerJoin(hasilKerjaTypes, eq(hasilKerjaTypes.id, officerPlans.hasilKerjaTypeId))
      .where(and(eq(officerPlans.officerId, officer.id), eq(officerPlans.year, year)))
      .orderBy(hasilKerjaTypes.code),
    db
      .select({
        hasilKerjaTypeId: workLogs.hasilKerjaTypeId,
        code: hasilKerjaTypes.code,
        name: hasilKerjaTypes.name,
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(workLogs)
      .innerJoin(hasilKerjaTypes, eq(hasilKerjaTypes.id, workLogs.hasilKerjaTypeId))
      .where(
        and(
          eq(workLogs.officerId, officer.id),
          eq(workLogs.status, "approved"),
          gte(workLogs.occurredAt, new Date(`${year}-01-01T00:00:00${offset}`)),
          lt(workLogs.occurredAt, new Date(`${year + 1}-01-01T00:00:00${offset}`)),
        ),
      )
      .groupBy(workLogs.hasilKerjaTypeId, hasilKerjaTypes.code, hasilKerjaTypes.name),
  ]);
  const done = new Map(realized.map((r) => [r.hasilKerjaTypeId, r]));
  return {
    year,
    items: planned.map((p) => ({ ...p, realized: done.get(p.hasilKerjaTypeId)?.n ?? 0 })),
    unplanned: realized
      .filter((r) => !planned.some((p) => p.hasilKerjaTypeId === r.hasilKerjaTypeId))
      .map((r) => ({ hasilKerjaTypeId: r.hasilKerjaTypeId, code: r.code, name: r.name, realized: r.n })),
  };
}

export async function officerPlanRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  const present = async (request: FastifyRequest, id: string, year: number) => {
    const actor = actorOf(request);
    const officer = await findVisibleOfficer(db, actor, id);
    return { ...(await planFor(db, officer, year)), can: { edit: officerPolicy.can(actor, "plan", officer) } };
  };

  app.get(
    "/officers/:id/plan",
    {
      config: { policy: "officer.read" },
      schema: {
        tags,
        summary: "Rencana hasil kerja tahunan dan realisasinya",
        params,
        querystring: planQuery,
        response: { 200: planView, ...errors },
      },
    },
    async (request) => present(request, request.params.id, request.query.year),
  );

  app.put(
    "/officers/:id/plan",
    {
      config: { policy: "officer.plan" },
      schema: {
        tags,
        summary: "Tetapkan rencana hasil kerja (mengganti seluruh rencana tahun itu)",
        params,
        querystring: planQuery,
        body: putPlanBody,
        response: { 200: planView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { year } = request.query;
      await inTransaction(request, async (tx) => {
        const officer = await findVisibleOfficer(tx, actor, request.params.id);
        officerPolicy.authorize(actor, "plan", officer);
        const ids = request.body.items.map((i) => i.hasilKerjaTypeId);
        if (new Set(ids).size !== ids.length) throw fieldError("items", "field_invalid");
        const known = new Set((await tx.select({ id: hasilKerjaTypes.id }).from(hasilKerjaTypes)).map((t) => t.id));
        const unknown = request.body.items.findIndex((i) => !known.has(i.hasilKerjaTypeId));
        if (unknown >= 0) throw fieldError(`items.${unknown}.hasilKerjaTypeId`, "not_found", {}, 404);
        const before = await tx
          .select({ hasilKerjaTypeId: officerPlans.hasilKerjaTypeId, target: officerPlans.target })
          .from(officerPlans)
          .where(and(eq(officerPlans.officerId, officer.id), eq(officerPlans.year, year)));
        await tx.delete(officerPlans).where(and(eq(officerPlans.officerId, officer.id), eq(officerPlans.year, year)));
        if (request.body.items.length) {
          await tx.insert(officerPlans).values(
            request.body.items.map((i) => ({
              id: newId(),
              officerId: officer.id,
              year,
              hasilKerjaTypeId: i.hasilKerjaTypeId,
              target: i.target,
              note: i.note ?? null,
              updatedBy: actor.userId,
            })),
          );
        }
        await recordAudit(tx, commandContext(request), {
          action: "officer.plan",
          entityType: "officer",
          entityId: officer.id,
          organizationId: officer.organizationId,
          before: { year, items: before },
          after: { year, items: request.body.items.map((i) => ({ hasilKerjaTypeId: i.hasilKerjaTypeId, target: i.target })) },
        });
      });
      return present(request, request.params.id, year);
    },
  );
}
