import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { briefingSendResult, briefingSettingsBody, briefingSettingsView } from "../../../../../common/schemas/monitoring-alerts";
import { errorBody } from "../../../../../common/schemas/shared";
import type { Executor } from "../../../../db/client";
import { briefingSends, briefingSettings, grants, users } from "../../../../db/schema";
import { fieldError } from "../../../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../../../http/route-kit";
import type { Actor } from "../../../../policies/core";
import type { Services } from "../../../../services";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOrganization } from "../../../organizations/organization-queries";
import { briefingPolicy } from "../alerts.policy";
import { buildBriefing, sendBriefing } from "./send-briefing";

const tags = ["monitoring-alerts"];
const params = z.object({ organizationId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** People who may receive an organization's briefing: those with a role on it. */
async function candidates(db: Executor, organizationId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(grants, eq(grants.userId, users.id))
    .where(and(eq(grants.organizationId, organizationId), eq(users.status, "active")))
    .orderBy(users.name);
}

async function settingsView(services: Services, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(services.db, actor, organizationId);
  briefingPolicy.authorize(actor, "read", org);
  const [s] = await services.db.select().from(briefingSettings).where(eq(briefingSettings.organizationId, org.id));
  const [last] = await services.db
    .select({ day: briefingSends.localDate })
    .from(briefingSends)
    .where(eq(briefingSends.organizationId, org.id))
    .orderBy(desc(briefingSends.localDate))
    .limit(1);
  return {
    organizationId: org.id,
    organizationName: org.name,
    timeZone: org.timeZone,
    enabled: s?.enabled ?? false,
    localTime: s?.localTime ?? "07:00",
    recipientUserIds: s?.recipientUserIds ?? [],
    extraEmails: s?.extraEmails ?? [],
    lastSentOn: last?.day ?? null,
    candidates: await candidates(services.db, org.id),
    can: briefingPolicy.abilities(actor, org),
  };
}

/** Daily briefing: settings (local time in the organization's zone, recipients), preview and "kirim sekarang". */
export async function briefingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const services = fastify.services;

  app.get(
    "/briefing/:organizationId",
    {
      config: { policy: "briefing.read" },
      schema: { tags, summary: "Pengaturan briefing harian", params, response: { 200: briefingSettingsView, ...errors } },
    },
    async (request) => settingsView(services, actorOf(request), request.params.organizationId),
  );

  app.put(
    "/briefing/:organizationId",
    {
      config: { policy: "briefing.manage" },
      schema: {
        tags,
        summary: "Ubah pengaturan briefing harian",
        params,
        body: briefingSettingsBody,
        response: { 200: briefingSettingsView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body;
      await inTransaction(request, async (tx) => {
        const org = await findVisibleOrganization(tx, actor, request.params.organizationId);
        briefingPolicy.authorize(actor, "manage", org);
        const allowed = new Set((await candidates(tx, org.id)).map((c) => c.id));
        input.recipientUserIds.forEach((id, i) => {
          if (!allowed.has(id)) throw fieldError(`recipientUserIds.${i}`, "briefing_recipient_invalid");
        });
        const values = { ...input, recipientUserIds: [...new Set(input.recipientUserIds)], extraEmails: [...new Set(input.extraEmails)] };
        await tx
          .insert(briefingSettings)
          .values({ organizationId: org.id, ...values, updatedBy: actor.userId })
          .onConflictDoUpdate({
            target: briefingSettings.organizationId,
            set: { ...values, updatedBy: actor.userId, updatedAt: new Date() },
          });
        await recordAudit(tx, commandContext(request), {
          action: "briefing.settings_update",
          entityType: "organization",
          entityId: org.id,
          organizationId: org.id,
          after: values,
        });
      });
      return settingsView(services, actor, request.params.organizationId);
    },
  );

  app.get(
    "/briefing/:organizationId/preview.pdf",
    { config: { policy: "briefing.read" }, schema: { tags, summary: "Pratinjau briefing (PDF)", params } },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = await findVisibleOrganization(services.db, actor, request.params.organizationId);
      briefingPolicy.authorize(actor, "read", org);
      const { data, pdf } = await buildBriefing(services, org.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="briefing-${data.day}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/briefing/:organizationId/send",
    {
      config: { policy: "briefing.manage" },
      schema: { tags, summary: "Kirim briefing sekarang", params, response: { 200: briefingSendResult, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findVisibleOrganization(services.db, actor, request.params.organizationId);
      briefingPolicy.authorize(actor, "manage", org);
      await inTransaction(request, (tx) =>
        recordAudit(tx, commandContext(request), {
          action: "briefing.send_now",
          entityType: "organization",
          entityId: org.id,
          organizationId: org.id,
        }),
      );
      return { recipients: await sendBriefing(services, org.id) };
    },
  );
}
