import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { akRulesView, createJenjangRuleBody, createPredikatRuleBody } from "../../../common/schemas/officers";
import { errorBody } from "../../../common/schemas/shared";
import type { Executor } from "../../db/client";
import { akJenjangRules, akPredikatRules } from "../../db/schema";
import { fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import { definePolicy } from "../../policies/core";
import { isSystemAdmin } from "../../policies/system";
import { recordAudit } from "../audit/record-audit";
import { loadAkRules } from "./ak-rules-store";

export const akRulesPolicy = definePolicy<null, "read" | "manage">("akRules", {
  read: () => true,
  // A rule takes effect from its date: adding one never rewrites the AK of earlier periods.
  manage: (actor) => actor.kind === "user" && isSystemAdmin(actor),
});

const tags = ["angka-kredit"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody };

export async function akRulesRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  const view = async (request: Parameters<typeof actorOf>[0], tx: Executor = db) => ({
    ...(await loadAkRules(tx)),
    can: { manage: akRulesPolicy.can(actorOf(request), "manage", null) },
  });

  app.get(
    "/ak-rules",
    {
      config: { policy: "akRules.read" },
      schema: { tags, summary: "Koefisien dan ambang angka kredit", response: { 200: akRulesView, ...errors } },
    },
    async (request) => view(request),
  );

  app.post(
    "/ak-rules/jenjang",
    {
      config: { policy: "akRules.manage" },
      schema: {
        tags,
        summary: "Aturan jenjang baru, berlaku sejak tanggal",
        body: createJenjangRuleBody,
        response: { 201: akRulesView, ...errors },
      },
    },
    async (request, reply) => {
      akRulesPolicy.authorize(actorOf(request), "manage", null);
      await inTransaction(request, async (tx) => {
        const { jenjang, effectiveFrom } = request.body;
        const [clash] = await tx
          .select({ id: akJenjangRules.id })
          .from(akJenjangRules)
          .where(and(eq(akJenjangRules.jenjang, jenjang), eq(akJenjangRules.effectiveFrom, effectiveFrom)));
        if (clash) throw fieldError("effectiveFrom", "rule_exists", {}, 409);
        const id = newId();
        await tx.insert(akJenjangRules).values({ id, ...request.body, createdBy: actorOf(request).userId });
        await recordAudit(tx, commandContext(request), {
          action: "ak_rule.create",
          entityType: "ak_jenjang_rule",
          entityId: id,
          after: request.body,
        });
      });
      return reply.code(201).send(await view(request));
    },
  );

  app.post(
    "/ak-rules/predikat",
    { config: { policy: "akRules.manage" }, schema: { tags, body: createPredikatRuleBody, response: { 201: akRulesView, ...errors } } },
    async (request, reply) => {
      akRulesPolicy.authorize(actorOf(request), "manage", null);
      await inTransaction(request, async (tx) => {
        const { predikat, effectiveFrom } = request.body;
        const [clash] = await tx
          .select({ id: akPredikatRules.id })
          .from(akPredikatRules)
          .where(and(eq(akPredikatRules.predikat, predikat), eq(akPredikatRules.effectiveFrom, effectiveFrom)));
        if (clash) throw fieldError("effectiveFrom", "rule_exists", {}, 409);
        const id = newId();
        await tx.insert(akPredikatRules).values({ id, ...request.body, createdBy: actorOf(request).userId });
        await recordAudit(tx, commandContext(request), {
          action: "ak_rule.create",
          entityType: "ak_predikat_rule",
          entityId: id,
          after: request.body,
        });
      });
      return reply.code(201).send(await view(request));
    },
  );
}
