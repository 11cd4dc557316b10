import { and, eq, isNull } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Executor } from "../../db/client";
import { sessions } from "../../db/schema";
import type { Env } from "../../env";
import { SESSION_COOKIE, writeSessionCookie } from "../../http/authenticate";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret } from "../../lib/tokens";

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

export async function createSession(
  tx: Executor,
  env: Env,
  userId: string,
  request: FastifyRequest,
  twoFactorPending: boolean,
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const id = newId();
  // A pending (password-only) session lives 10 minutes: long enough to type a TOTP code.
  const ttlMs = twoFactorPending ? 10 * 60_000 : env.SESSION_TTL_HOURS * 3_600_000;
  await tx.insert(sessions).values({
    id,
    tokenHash: hashSecret(token),
    userId,
    csrfToken,
    twoFactorPending,
    ip: request.ip ?? null,
    userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return { id, token, csrfToken };
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, env: Env, token: string) {
  writeSessionCookie(reply, request, env, token);
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** Ends every session of a user at once (deactivation, password change or reset). */
export async function revokeUserSessions(tx: Executor, userId: string, exceptSessionId?: string) {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (exceptSessionId && rows.some((r) => r.id === exceptSessionId)) {
    await tx.update(sessions).set({ revokedAt: null }).where(eq(sessions.id, exceptSessionId));
  }
}
