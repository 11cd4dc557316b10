import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { revokeUserSessions } from "../../auth/sessions";
import { voidUserTokens } from "../../auth/user-tokens";
import { userPolicy } from "../user.policy";
import { findVisibleUser } from "../user-queries";

/** Deactivation ends every session of the user at once; reactivation restores the account. */
export async function setUserStatus(tx: Executor, ctx: CommandContext, userId: string, active: boolean) {
  const actor = actorRequired(ctx);
  const { user, grants } = await findVisibleUser(tx, actor, userId);
  userPolicy.authorize(actor, active ? "reactivate" : "deactivate", {
    id: user.id,
    status: user.status,
    grantPaths: grants.map((g) => g.path),
  });
  // A reactivated account that never set a password goes back to "invited".
  const status = active ? (user.passwordHash ? "active" : "invited") : "deactivated";
  await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, user.id));
  if (!active) {
    await revokeUserSessions(tx, user.id);
    await voidUserTokens(tx, user.id);
  }
  await recordAudit(tx, ctx, {
    action: active ? "user.reactivate" : "user.deactivate",
    entityType: "user",
    entityId: user.id,
    before: { status: user.status },
    after: { status },
  });
}
