import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { users } from "../../db/schema";
import type { CommandContext } from "../../http/route-kit";
import { recordAudit } from "../audit/record-audit";

type UserRow = typeof users.$inferSelect;

/** Minutes left on a lock, or null when the account is not locked. */
export function lockedMinutes(user: UserRow): number | null {
  if (!user.lockedUntil || user.lockedUntil <= new Date()) return null;
  return Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
}

/**
 * Counts one failed password or code. At LOGIN_MAX_FAILURES the account locks for
 * LOGIN_LOCK_MINUTES (audited) and the counter starts over. Returns the lock length, if any.
 */
export async function recordFailedAttempt(tx: Executor, ctx: CommandContext, user: UserRow): Promise<number | null> {
  const { env } = ctx.services;
  const failures = user.failedLogins + 1;
  const lock = failures >= env.LOGIN_MAX_FAILURES;
  await tx
    .update(users)
    .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + env.LOGIN_LOCK_MINUTES * 60_000) : null })
    .where(eq(users.id, user.id));
  if (!lock) return null;
  await recordAudit(tx, ctx, {
    action: "auth.lockout",
    entityType: "user",
    entityId: user.id,
    actorId: user.id,
    after: { minutes: env.LOGIN_LOCK_MINUTES },
  });
  return env.LOGIN_LOCK_MINUTES;
}
