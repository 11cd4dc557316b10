import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { findVisibleOrganization } from "../organization-queries";
import { lockTree } from "./tree-lock";

/**
 * Organizations are never deleted (their records must survive). Deactivating one also
 * deactivates its subtree; reactivating brings back only that organization.
 */
export async function setOrganizationActive(tx: Executor, ctx: CommandContext, id: string, active: boolean) {
  const actor = actorRequired(ctx);
  await lockTree(tx);
  const org = await findVisibleOrganization(tx, actor, id);
  organizationPolicy.authorize(actor, "deactivate", org);
  if (active && org.parentId) {
    const [parent] = await tx.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, org.parentId));
    if (!parent?.active) throw new AppError(409, "parent_inactive");
  }
  if (active) {
    await tx.update(organizations).set({ active: true, updatedAt: new Date() }).where(eq(organizations.id, id));
  } else {
    await tx
      .update(organizations)
      .set({ active: false, updatedAt: new Date() })
      .where(sql`${organizations.path} like ${`${org.path}%`}`);
  }
  await recordAudit(tx, ctx, {
    action: active ? "organization.reactivate" : "organization.deactivate",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    before: { active: org.active },
    after: { active },
  });
  const [after] = await tx.select().from(organizations).where(eq(organizations.id, id));
  return after;
}
