import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { verifyPassword } from "../../auth/passwords";
import { newTotpSecret, totpEnrollment, verifyTotp } from "../../auth/totp";

async function currentUser(tx: Executor, ctx: CommandContext) {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.id, actorRequired(ctx).userId as string));
  return user;
}

/** Step 1: a new secret is kept as pending until the user proves it with a code. */
export async function startTwoFactorSetup(tx: Executor, ctx: CommandContext) {
  const user = await currentUser(tx, ctx);
  if (user.totpSecret) throw new AppError(409, "two_factor_already_enabled");
  const secret = await newTotpSecret();
  await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, user.id));
  return totpEnrollment(secret, user.email);
}

export async function enableTwoFactor(tx: Executor, ctx: CommandContext, code: string) {
  const user = await currentUser(tx, ctx);
  if (user.totpSecret) throw new AppError(409, "two_factor_already_enabled");
  if (!user.totpPendingSecret) throw new AppError(400, "two_factor_not_setup");
  if (!(await verifyTotp(user.totpPendingSecret, code))) throw fieldError("code", "two_factor_invalid");
  await tx.update(users).set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null }).where(eq(users.id, user.id));
  await recordAudit(tx, ctx, { action: "user.enable_2fa", entityType: "user", entityId: user.id });
}

export async function disableTwoFactor(tx: Executor, ctx: CommandContext, password: string) {
  const user = await currentUser(tx, ctx);
  if (!(await verifyPassword(user.passwordHash, password))) throw fieldError("password", "password_wrong");
  await tx.update(users).set({ totpSecret: null, totpPendingSecret: null }).where(eq(users.id, user.id));
  await recordAudit(tx, ctx, { action: "user.disable_2fa", entityType: "user", entityId: user.id });
}
