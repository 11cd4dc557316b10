import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { assertStrongPassword } from "../../auth/commands/reset-password";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { revokeUserSessions } from "../../auth/sessions";

/** Changes the password and ends every other session of the user. */
export async function changePassword(tx: Executor, ctx: CommandContext, currentPassword: string, newPassword: string) {
  const actor = actorRequired(ctx);
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.id, actor.userId as string));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw fieldError("currentPassword", "password_wrong");
  await assertStrongPassword(newPassword, ctx.locale, [user.email, user.name], "newPassword");
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await revokeUserSessions(tx, user.id, actor.sessionId);
  await recordAudit(tx, ctx, { action: "user.change_password", entityType: "user", entityId: user.id });
}
