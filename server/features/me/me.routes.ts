import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  changePasswordBody,
  sessionItem,
  sessionView,
  twoFactorBody,
  twoFactorDisableBody,
  twoFactorSetupView,
  updateMeBody,
} from "../../../common/schemas/auth";
import { errorBody } from "../../../common/schemas/shared";
import { sessions } from "../../db/schema";
import { AppError } from "../../http/errors";
import { commandContext, inTransaction, typed, userActorOf } from "../../http/route-kit";
import { recordAudit } from "../audit/record-audit";
import { buildSessionView } from "../auth/session-view";
import { changePassword } from "./commands/change-password";
import { disableTwoFactor, enableTwoFactor, startTwoFactorSetup } from "./commands/two-factor";
import { updateProfile } from "./commands/update-profile";

const tags = ["me"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
// Every route here acts on the caller's own account, which any signed-in user may do.
const config = { policy: "authenticated" };

export async function meRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  // API tokens have no account of their own.
  fastify.addHook("preHandler", async (request) => {
    userActorOf(request);
  });

  app.patch("/me", { config, schema: { tags, body: updateMeBody, response: { 200: sessionView, ...errors } } }, async (request) => {
    await inTransaction(request, (tx) => updateProfile(tx, commandContext(request), request.body));
    return buildSessionView(db, userActorOf(request).userId, request.session?.csrfToken ?? "");
  });

  app.post(
    "/me/password",
    { config, schema: { tags, body: changePasswordBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) =>
        changePassword(tx, commandContext(request), request.body.currentPassword, request.body.newPassword),
      );
      return reply.code(204).send(null);
    },
  );

  app.post("/me/two-factor/setup", { config, schema: { tags, response: { 200: twoFactorSetupView, ...errors } } }, async (request) =>
    inTransaction(request, (tx) => startTwoFactorSetup(tx, commandContext(request))),
  );

  app.post(
    "/me/two-factor/enable",
    { config, schema: { tags, body: twoFactorBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) => enableTwoFactor(tx, commandContext(request), request.body.code));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/me/two-factor/disable",
    { config, schema: { tags, body: twoFactorDisableBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) => disableTwoFactor(tx, commandContext(request), request.body.password));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me/sessions",
    { config, schema: { tags, response: { 200: z.object({ items: z.array(sessionItem) }), ...errors } } },
    async (request) => {
      const actor = userActorOf(request);
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, actor.userId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, new Date()),
            eq(sessions.twoFactorPending, false),
          ),
        )
        .orderBy(desc(sessions.lastSeenAt));
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          current: s.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    "/me/sessions/:id",
    { config, schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = userActorOf(request);
      await inTransaction(request, async (tx) => {
        const [row] = await tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.id, request.params.id), eq(sessions.userId, actor.userId), isNull(sessions.revokedAt)))
          .returning({ id: sessions.id });
        if (!row) throw new AppError(404, "session_not_found");
        await recordAudit(tx, commandContext(request), {
          action: "user.revoke_session",
          entityType: "user",
          entityId: actor.userId,
          after: { sessionId: row.id },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
