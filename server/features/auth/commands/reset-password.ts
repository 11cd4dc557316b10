import { eq } from "drizzle-orm";
import type { Locale } from "../../../../common/roles";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { recordAudit } from "../../audit/record-audit";
import { queueEmail } from "../../email/queue-email";
import { passwordResetEmail } from "../../email/templates";
import { passwordWeakness } from "../password-strength";
import { hashPassword } from "../passwords";
import { revokeUserSessions } from "../sessions";
import { findUserToken, issueUserToken, markTokenUsed, TOKEN_TTL_MINUTES } from "../user-tokens";

/** Sends a reset link to an active account. Says nothing about whether the email exists. */
export async function requestPasswordReset(tx: Executor, ctx: CommandContext, email: string): Promise<string | null> {
  const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
  if (user?.status !== "active") return null;
  const token = await issueUserToken(tx, user.id, "reset");
  const url = `${ctx.services.publicUrl}/app/reset-password?token=${token}`;
  const emailId = await queueEmail(
    tx,
    passwordResetEmail(user.locale as Locale, { to: user.email, name: user.name, url, minutes: TOKEN_TTL_MINUTES.reset }),
  );
  await recordAudit(tx, ctx, { action: "auth.reset_requested", entityType: "user", entityId: user.id, actorId: user.id });
  return emailId;
}

export async function assertStrongPassword(password: string, locale: Locale, inputs: string[], field = "password") {
  const hint = await passwordWeakness(password, locale, inputs);
  if (hint) throw fieldError(field, "password_weak", { hint });
}

export async function confirmPasswordReset(tx: Executor, ctx: CommandContext, token: string, password: string) {
  const row = await findUserToken(tx, token, "reset");
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
  if (user.status !== "active") throw new AppError(400, "token_invalid");
  await assertStrongPassword(password, ctx.locale, [user.email, user.name]);
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await markTokenUsed(tx, row.id);
  await revokeUserSessions(tx, user.id);
  await recordAudit(tx, ctx, { action: "auth.password_reset", entityType: "user", entityId: user.id, actorId: user.id });
}
