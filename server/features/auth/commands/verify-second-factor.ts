import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client";
import { sessions, users } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import type { SessionInfo } from "../../../http/types";
import { recordAudit } from "../../audit/record-audit";
import { lockedMinutes, recordFailedAttempt } from "../lockout";
import { createSession, type NewSession } from "../sessions";
import { verifyTotp } from "../totp";

export type SecondFactorResult =
  | { ok: true; session: NewSession; userId: string }
  | { ok: false; reason: "two_factor_invalid" | "account_locked"; minutes?: number };

/**
 * Completes a password sign-in with a TOTP code. A wrong code counts toward the lockout, and
 * success replaces the pending session with a fresh one (no session fixation).
 */
export async function verifySecondFactor(
  tx: Executor,
  ctx: CommandContext,
  request: FastifyRequest,
  pending: SessionInfo,
  code: string,
): Promise<SecondFactorResult> {
  const { env } = ctx.services;
  const [user] = await tx.select().from(users).where(eq(users.id, pending.userId)).for("update");
  const locked = lockedMinutes(user);
  if (locked !== null) return { ok: false, reason: "account_locked", minutes: locked };
  if (!user.totpSecret || !(await verifyTotp(user.totpSecret, code))) {
    const lock = await recordFailedAttempt(tx, ctx, user);
    // A locked account also loses the half-finished sign-in.
    if (lock) await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, pending.id));
    return lock ? { ok: false, reason: "account_locked", minutes: lock } : { ok: false, reason: "two_factor_invalid" };
  }
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, pending.id));
  await tx.update(users).set({ failedLogins: 0, lastLoginAt: new Date() }).where(eq(users.id, user.id));
  const session = await createSession(tx, env, user.id, request, false);
  await recordAudit(tx, ctx, { action: "auth.login", entityType: "user", entityId: user.id, actorId: user.id, after: { twoFactor: true } });
  return { ok: true, session, userId: user.id };
}
