import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { approvalChainBody, approvalChainView } from "../../../common/schemas/content";
import { errorBody } from "../../../common/schemas/shared";
import type { Executor } from "../../db/client";
import { approvalChains } from "../../db/schema";
import { fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import type { Actor } from "../../policies/core";
import { recordAudit } from "../audit/record-audit";
import { findVisibleOrganization, type OrganizationRow } from "../organizations/organization-queries";
import { configuredChain, stepApprovers } from "./approval-chain";
import { approvalChainPolicy } from "./content.policy";
import { namesOf } from "./content-queries";

const tags = ["content"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

async function presentChain(db: Executor, actor: Actor, org: OrganizationRow) {
  const { steps, fromOrganizationId } = await configuredChain(db, org.path);
  const names = await namesOf(
    db,
    steps.flatMap((s) => s.userIds),
  );
  return {
    organizationId: org.id,
    steps: steps.map((s) => ({
      mode: s.mode,
      roles: s.roles as ("admin" | "coordinator" | "leader" | "editor")[],
      userIds: s.userIds,
      users: s.userIds.map((id) => ({ id, name: names.get(id) ?? "" })),
    })),
    inherited: fromOrganizationId !== org.id,
    can: approvalChainPolicy.abilities(actor, org),
  };
}

/** Each organization's approval chain; without one it follows the nearest ancestor's. */
export async function approvalChainRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/organizations/:id/approval-chain",
    {
      config: { policy: "approvalChain.read" },
      schema: { tags, summary: "Alur persetujuan konten", params, response: { 200: approvalChainView, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findVisibleOrganization(db, actor, request.params.id);
      approvalChainPolicy.authorize(actor, "read", org);
      return presentChain(db, actor, org);
    },
  );

  app.put(
    "/organizations/:id/approval-chain",
    {
      config: { policy: "approvalChain.manage" },
      schema: {
        tags,
        summary: "Atur alur persetujuan (1–3 tahap)",
        params,
        body: approvalChainBody,
        response: { 200: approvalChainView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await inTransaction(request, async (tx) => {
        const org = await findVisibleOrganization(tx, actor, request.params.id);
        approvalChainPolicy.authorize(actor, "manage", org);
        const before = await configuredChain(tx, org.path);
        // A named approver must be able to read the organization's content (a grant on it or above).
        const named = [...new Set(request.body.steps.flatMap((s) => s.userIds))];
        const readers = new Set(await stepApprovers(tx, org.path, { mode: "any", roles: [], userIds: named }, null));
        for (const [i, s] of request.body.steps.entries()) {
          const k = s.userIds.findIndex((u) => !readers.has(u));
          if (k >= 0) throw fieldError(`steps.${i}.userIds.${k}`, "approver_out_of_scope", {}, 400);
        }
        const steps = request.body.steps.map((s, i) => {
          if (s.roles.length === 0 && s.userIds.length === 0) throw fieldError(`steps.${i}`, "approval_step_empty");
          return { mode: s.mode, roles: [...new Set(s.roles)], userIds: [...new Set(s.userIds)] };
        });
        await tx
          .insert(approvalChains)
          .values({ organizationId: org.id, steps })
          .onConflictDoUpdate({ target: approvalChains.organizationId, set: { steps, updatedAt: new Date() } });
        await recordAudit(tx, commandContext(request), {
          action: "approval_chain.update",
          entityType: "organization",
          entityId: org.id,
          organizationId: org.id,
          before: before.steps,
          after: steps,
        });
        return org;
      });
      return presentChain(db, actor, org);
    },
  );
}
