import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  alertEventList,
  alertEventQuery,
  alertEventView,
  alertRuleBody,
  alertRuleList,
  alertRuleListQuery,
  alertRuleUpdateBody,
  alertRuleView,
  testSendResult,
} from "../../../../common/schemas/monitoring-alerts";
import { errorBody } from "../../../../common/schemas/shared";
import { alertEvents, alertRules, organizations } from "../../../db/schema";
import { notFound } from "../../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../organizations/organization-queries";
import { listAlertEvents } from "./alert-event-queries";
import { presentAlertRule } from "./alert-rule.presenter";
import { ALERT_READERS, alertEventPolicy } from "./alerts.policy";
import { testSendRule } from "./commands/test-send";
import { createAlertRule, deleteAlertRule, findVisibleRule, updateAlertRule } from "./commands/write-alert-rule";

const tags = ["monitoring-alerts"];
const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Alert rules (per organization) and the alerts they raised. */
export async function alertRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/alert-rules",
    {
      config: { policy: "alertRule.read" },
      schema: {
        tags,
        summary: "Aturan peringatan dalam cakupan saya",
        querystring: alertRuleListQuery,
        response: { 200: alertRuleList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .select({ rule: alertRules, name: organizations.name, path: organizations.path })
        .from(alertRules)
        .innerJoin(organizations, eq(organizations.id, alertRules.organizationId))
        .where(
          and(
            inScope(actor, ALERT_READERS),
            request.query.organizationId ? eq(alertRules.organizationId, request.query.organizationId) : undefined,
          ),
        )
        .orderBy(organizations.name, alertRules.name);
      return { items: rows.map((r) => presentAlertRule(actor, r.rule, r)) };
    },
  );

  const ruleView = async (request: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(request);
    const { rule, org } = await findVisibleRule(db, actor, id);
    return presentAlertRule(actor, rule, org);
  };

  app.get(
    "/alert-rules/:id",
    {
      config: { policy: "alertRule.read" },
      schema: { tags, summary: "Satu aturan peringatan", params: idParams, response: { 200: alertRuleView, ...errors } },
    },
    async (request) => ruleView(request, request.params.id),
  );

  app.post(
    "/alert-rules",
    {
      config: { policy: "alertRule.manage" },
      schema: { tags, summary: "Buat aturan peringatan", body: alertRuleBody, response: { 201: alertRuleView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createAlertRule(tx, commandContext(request), request.body));
      return reply.code(201).send(await ruleView(request, id));
    },
  );

  app.put(
    "/alert-rules/:id",
    {
      config: { policy: "alertRule.manage" },
      schema: {
        tags,
        summary: "Ubah aturan peringatan",
        params: idParams,
        body: alertRuleUpdateBody,
        response: { 200: alertRuleView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateAlertRule(tx, commandContext(request), request.params.id, request.body));
      return ruleView(request, request.params.id);
    },
  );

  app.delete(
    "/alert-rules/:id",
    {
      config: { policy: "alertRule.manage" },
      schema: { tags, summary: "Nonaktifkan aturan peringatan", params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => deleteAlertRule(tx, commandContext(request), request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/alert-rules/:id/test",
    {
      config: { policy: "alertRule.manage" },
      schema: { tags, summary: "Uji kirim ke setiap kanal aturan", params: idParams, response: { 200: testSendResult, ...errors } },
    },
    async (request) => ({ results: await testSendRule(commandContext(request), request.params.id) }),
  );

  app.get(
    "/alerts",
    {
      config: { policy: "alertEvent.read" },
      schema: {
        tags,
        summary: "Peringatan dalam cakupan saya",
        querystring: alertEventQuery,
        response: { 200: alertEventList, ...errors },
      },
    },
    async (request) => listAlertEvents(db, actorOf(request), request.query),
  );

  app.post(
    "/alerts/:id/acknowledge",
    {
      config: { policy: "alertEvent.acknowledge" },
      schema: { tags, summary: "Tandai peringatan sudah ditangani", params: idParams, response: { 200: alertEventView, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      await inTransaction(request, async (tx) => {
        const [row] = await tx
          .select({ e: alertEvents, path: organizations.path })
          .from(alertEvents)
          .innerJoin(organizations, eq(organizations.id, alertEvents.organizationId))
          .where(and(eq(alertEvents.id, request.params.id), inScope(actor, ALERT_READERS)));
        if (!row) throw notFound();
        alertEventPolicy.authorize(actor, "acknowledge", row);
        if (row.e.acknowledgedAt) return;
        await tx.update(alertEvents).set({ acknowledgedAt: new Date(), acknowledgedBy: actor.userId }).where(eq(alertEvents.id, row.e.id));
        await recordAudit(tx, commandContext(request), {
          action: "alert.acknowledge",
          entityType: "alert_event",
          entityId: row.e.id,
          organizationId: row.e.organizationId,
        });
      });
      const [item] = (await listAlertEvents(db, actor, { page: 1, pageSize: 1, id: request.params.id })).items;
      if (!item) throw notFound();
      return item;
    },
  );
}
