import { and, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type Role, type TimeZoneCode, UTC_OFFSET } from "../../../common/roles";
import { errorBody } from "../../../common/schemas/shared";
import { apiTokenList, createApiTokenBody, createdApiToken } from "../../../common/schemas/tokens";
import type { Executor } from "../../db/client";
import { apiTokens, organizations } from "../../db/schema";
import { API_TOKEN_PREFIX } from "../../http/authenticate";
import { AppError, fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret } from "../../lib/tokens";
import { type Actor, scopeRoots } from "../../policies/core";
import { recordAudit } from "../audit/record-audit";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { apiTokenPolicy } from "./api-token.policy";

const tags = ["api-tokens"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Tokens on organizations inside the actor's admin subtrees. */
const selectTokens = (db: Executor, actor: Actor, extra?: SQL) => {
  const roots = scopeRoots(actor, ["admin"]);
  const scope = roots.length ? or(...roots.map((r) => like(organizations.path, `${r}%`))) : sql`false`;
  return db
    .select({ t: apiTokens, organizationName: organizations.name, path: organizations.path })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(and(scope, extra));
};

function present(row: { t: typeof apiTokens.$inferSelect; organizationName: string; path: string }, actor: Actor) {
  const t = row.t;
  return {
    id: t.id,
    name: t.name,
    organizationId: t.organizationId,
    organizationName: row.organizationName,
    role: t.role as Role,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    can: { revoke: !t.revokedAt && apiTokenPolicy.can(actor, "revoke", { path: row.path, role: t.role as Role }) },
  };
}

export async function apiTokenRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  // Tokens manage tokens only through a person: a leaked token cannot mint more.
  fastify.addHook("preHandler", async (request) => {
    if (request.actor?.kind === "token") throw new AppError(403, "forbidden");
  });

  app.get(
    "/api-tokens",
    { config: { policy: "apiToken.read" }, schema: { tags, response: { 200: apiTokenList, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const rows = await selectTokens(db, actor).orderBy(desc(apiTokens.createdAt));
      return { items: rows.map((r) => present(r, actor)), can: { create: actor.grants.some((g) => g.role === "admin") } };
    },
  );

  app.post(
    "/api-tokens",
    {
      config: { policy: "apiToken.create" },
      schema: {
        tags,
        summary: "Buat token API (ditampilkan sekali)",
        body: createApiTokenBody,
        response: { 201: createdApiToken, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const id = await inTransaction(request, async (tx) => {
        const org = await findVisibleOrganization(tx, actor, request.body.organizationId).catch(() => {
          throw fieldError("organizationId", "not_found", {}, 404);
        });
        apiTokenPolicy.authorize(actor, "create", { path: org.path, role: request.body.role });
        // Valid through the end of that day in the organization's own time zone.
        const expiresAt = request.body.expiresAt
          ? new Date(`${request.body.expiresAt}T23:59:59.999${UTC_OFFSET[org.timeZone as TimeZoneCode] ?? "+07:00"}`)
          : null;
        if (expiresAt && expiresAt.getTime() < Date.now()) throw fieldError("expiresAt", "date_past");
        const tokenId = newId();
        await tx.insert(apiTokens).values({
          id: tokenId,
          name: request.body.name,
          organizationId: org.id,
          role: request.body.role,
          tokenHash: hashSecret(token),
          prefix: token.slice(0, 10),
          createdBy: actor.userId,
          expiresAt,
        });
        await recordAudit(tx, commandContext(request), {
          action: "api_token.create",
          entityType: "api_token",
          entityId: tokenId,
          organizationId: org.id,
          after: { name: request.body.name, role: request.body.role },
        });
        return tokenId;
      });
      const [row] = await selectTokens(db, actor, eq(apiTokens.id, id));
      return reply.code(201).send({ ...present(row, actor), token });
    },
  );

  app.delete(
    "/api-tokens/:id",
    {
      config: { policy: "apiToken.revoke" },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(request, async (tx) => {
        const [row] = await selectTokens(tx, actor, eq(apiTokens.id, request.params.id));
        if (!row) throw new AppError(404, "not_found");
        apiTokenPolicy.authorize(actor, "revoke", { path: row.path, role: row.t.role as Role });
        if (!row.t.revokedAt) await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row.t.id));
        await recordAudit(tx, commandContext(request), {
          action: "api_token.revoke",
          entityType: "api_token",
          entityId: row.t.id,
          organizationId: row.t.organizationId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
