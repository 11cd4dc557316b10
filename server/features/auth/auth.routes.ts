import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Role } from "../../../common/roles";
import {
  acceptInvitationBody,
  invitationView,
  loginBody,
  loginResult,
  resetConfirmBody,
  resetRequestBody,
  sessionView,
  twoFactorBody,
} from "../../../common/schemas/auth";
import { errorBody } from "../../../common/schemas/shared";
import { sessions } from "../../db/schema";
import { AppError } from "../../http/errors";
import { commandContext, inTransaction, typed, userActorOf } from "../../http/route-kit";
import { sendQueuedEmail } from "../email/send-queued-email";
import { acceptInvitation, describeInvitation } from "./commands/accept-invitation";
import { confirmPasswordReset, requestPasswordReset } from "./commands/reset-password";
import { signIn } from "./commands/sign-in";
import { verifySecondFactor } from "./commands/verify-second-factor";
import { buildSessionView } from "./session-view";
import { clearSessionCookie, setSessionCookie } from "./sessions";

const tags = ["auth"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody };
/** Attempts per minute per address and account, on top of the per-account lockout. */
const keyByIpAndEmail = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
};

export async function authRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { env } = fastify.services;
  const loginLimit = { max: env.LOGIN_RATE_LIMIT, timeWindow: "1 minute", keyGenerator: keyByIpAndEmail };

  app.post(
    "/auth/login",
    {
      config: { policy: "public", rateLimit: loginLimit },
      schema: { tags, summary: "Masuk dengan email dan kata sandi", body: loginBody, response: { 200: loginResult, ...errors } },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) =>
        signIn(tx, commandContext(request), request, request.body.email, request.body.password),
      );
      if (!result.ok) {
        if (result.reason === "account_locked") throw new AppError(429, "account_locked", { minutes: result.minutes });
        throw new AppError(result.reason === "account_inactive" ? 403 : 401, result.reason);
      }
      setSessionCookie(reply, request, env, result.session.token);
      if (result.twoFactorRequired) return { twoFactorRequired: true as const, csrfToken: result.session.csrfToken };
      return buildSessionView(fastify.services.db, result.userId, result.session.csrfToken);
    },
  );

  app.post(
    "/auth/two-factor",
    {
      config: { policy: "authenticated", allowPending: true, rateLimit: loginLimit },
      schema: { tags, summary: "Langkah kedua: kode TOTP", body: twoFactorBody, response: { 200: sessionView, ...errors } },
    },
    async (request, reply) => {
      const pending = request.session;
      if (!pending?.twoFactorPending) throw new AppError(400, "two_factor_not_pending");
      const result = await inTransaction(request, (tx) =>
        verifySecondFactor(tx, commandContext(request), request, pending, request.body.code),
      );
      if (!result.ok) {
        if (result.reason === "account_locked") throw new AppError(429, "account_locked", { minutes: result.minutes ?? 1 });
        throw new AppError(401, result.reason);
      }
      setSessionCookie(reply, request, env, result.session.token);
      return buildSessionView(fastify.services.db, result.userId, result.session.csrfToken);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { policy: "authenticated" },
      schema: { tags, summary: "Sesi saat ini, peran, dan kemampuan", response: { 200: sessionView, 401: errorBody } },
    },
    async (request) => {
      return buildSessionView(fastify.services.db, userActorOf(request).userId, request.session?.csrfToken ?? "");
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { policy: "authenticated", allowPending: true },
      schema: { tags, response: { 204: z.null(), 401: errorBody, 403: errorBody } },
    },
    async (request, reply) => {
      const session = request.session;
      if (session) {
        await fastify.services.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, session.id));
        fastify.services.changes.local("sinergi_auth");
      }
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/auth/password-reset/request",
    {
      config: { policy: "public", rateLimit: { max: 5, timeWindow: "15 minutes" } },
      schema: {
        tags,
        summary: "Kirim tautan atur ulang kata sandi",
        body: resetRequestBody,
        response: { 202: z.object({ status: z.literal("accepted") }), ...errors },
      },
    },
    async (request, reply) => {
      const emailId = await inTransaction(request, (tx) => requestPasswordReset(tx, commandContext(request), request.body.email));
      if (emailId) await sendQueuedEmail(fastify.services, emailId);
      return reply.code(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/auth/password-reset/confirm",
    {
      config: { policy: "public", rateLimit: loginLimit },
      schema: { tags, body: resetConfirmBody, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => confirmPasswordReset(tx, commandContext(request), request.body.token, request.body.password));
      return reply.code(204).send(null);
    },
  );

  const tokenParams = z.object({ token: z.string().min(10).max(200) });

  app.get(
    "/invitations/:token",
    {
      config: { policy: "public", rateLimit: loginLimit },
      schema: { tags, params: tokenParams, response: { 200: invitationView, ...errors } },
    },
    async (request) => {
      const { user, organizations } = await describeInvitation(fastify.services.db, request.params.token);
      return { email: user.email, name: user.name, organizations: organizations.map((o) => ({ name: o.name, role: o.role as Role })) };
    },
  );

  app.post(
    "/invitations/:token/accept",
    {
      config: { policy: "public", rateLimit: loginLimit },
      schema: { tags, params: tokenParams, body: acceptInvitationBody, response: { 200: sessionView, ...errors } },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) =>
        acceptInvitation(tx, commandContext(request), request, request.params.token, request.body),
      );
      setSessionCookie(reply, request, env, result.session.token);
      return buildSessionView(fastify.services.db, result.userId, result.session.csrfToken);
    },
  );
}
