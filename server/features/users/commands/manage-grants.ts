import { and, eq } from "drizzle-orm";
import type { Role } from "../../../../common/roles";
import type { Executor } from "../../../db/client";
import { grants } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { grantPolicy } from "../user.policy";
import { findVisibleUser } from "../user-queries";
import { checkGrant } from "./check-grant";

export async function addGrant(tx: Executor, ctx: CommandContext, userId: string, organizationId: string, role: Role) {
  const actor = actorRequired(ctx);
  const { user, grants: existing } = await findVisibleUser(tx, actor, userId);
  const org = await checkGrant(tx, actor, organizationId, role);
  if (existing.some((g) => g.organizationId === organizationId && g.role === role)) throw new AppError(409, "grant_exists");
  const id = newId();
  await tx.insert(grants).values({ id, userId: user.id, organizationId, role });
  await recordAudit(tx, ctx, {
    action: "user.grant_add",
    entityType: "user",
    entityId: user.id,
    organizationId: org.id,
    after: { grantId: id, organizationId, role },
  });
}

export async function removeGrant(tx: Executor, ctx: CommandContext, userId: string, grantId: string) {
  const actor = actorRequired(ctx);
  const { user, grants: existing } = await findVisibleUser(tx, actor, userId);
  const grant = existing.find((g) => g.id === grantId);
  if (!grant) throw new AppError(404, "not_found");
  grantPolicy.authorize(actor, "remove", grant);
  if (existing.length === 1) throw new AppError(409, "last_grant");
  await tx.delete(grants).where(and(eq(grants.id, grantId), eq(grants.userId, user.id)));
  await recordAudit(tx, ctx, {
    action: "user.grant_remove",
    entityType: "user",
    entityId: user.id,
    organizationId: grant.organizationId,
    before: { grantId, organizationId: grant.organizationId, role: grant.role },
  });
}
