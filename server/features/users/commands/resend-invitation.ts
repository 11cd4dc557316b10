import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { grants, organizations } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { userPolicy } from "../user.policy";
import { findVisibleUser } from "../user-queries";
import { queueInvitation } from "./queue-invitation";

/** A new invitation link; the previous one stops working. */
export async function resendInvitation(tx: Executor, ctx: CommandContext, userId: string) {
  const actor = actorRequired(ctx);
  const { user, grants: userGrants } = await findVisibleUser(tx, actor, userId);
  userPolicy.authorize(actor, "resendInvitation", { id: user.id, status: user.status, grantPaths: userGrants.map((g) => g.path) });
  const orgs = await tx
    .select({ name: organizations.name })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(eq(grants.userId, user.id))
    .orderBy(asc(grants.createdAt));
  const emailId = await queueInvitation(
    tx,
    ctx,
    { id: user.id, email: user.email, name: user.name },
    orgs.map((o) => o.name),
  );
  await recordAudit(tx, ctx, { action: "user.resend_invitation", entityType: "user", entityId: user.id });
  return emailId;
}
