import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { recordAudit } from "../../audit/record-audit";
import { lockedMinutes, recordFailedAttempt } from "../lockout";
import { dummyHash, verifyPassword } from "../passwords";
import { createSession, type NewSession } from "../sessions";

export type SignInResult =
  | { ok: true; session: NewSession; userId: string; twoFactorRequired: boolean }
  | { ok: false; reason: "invalid_credentials" | "account_inactive" }
  | { ok: false; reason: "account_locked"; minutes: number };

/**
 * Checks email and password with a per-account lockout. It returns a result instead of
 * throwing so that the failure counter commits even when the answer is 401.
 */
export async function signIn(
  tx: Executor,
  ctx: CommandContext,
  request: FastifyRequest,
  email: string,
  password: string,
): Promise<SignInResult> {
  const { env } = ctx.services;
  const [user] = await tx.select().from(users).where(eq(users.email, email)).for("update").limit(1);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    return { ok: false, reason: "invalid_credentials" };
  }
  const locked = lockedMinutes(user);
  if (locked !== null) return { ok: false, reason: "account_locked", minutes: locked };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lock = await recordFailedAttempt(tx, ctx, user);
    return lock ? { ok: false, reason: "account_locked", minutes: lock } : { ok: false, reason: "invalid_credentials" };
  }
  if (user.status !== "active") return { ok: false, reason: "account_inactive" };
  const twoFactorRequired = user.totpSecret !== null;
  await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, ...(twoFactorRequired ? {} : { lastLoginAt: new Date() }) })
    .where(eq(users.id, user.id));
  const session = await createSession(tx, env, user.id, request, twoFactorRequired);
  if (!twoFactorRequired) await recordAudit(tx, ctx, { action: "auth.login", entityType: "user", entityId: user.id, actorId: user.id });
  return { ok: true, session, userId: user.id, twoFactorRequired };
}
