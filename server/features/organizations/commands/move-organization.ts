import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { findVisibleOrganization } from "../organization-queries";
import { lockTree } from "./tree-lock";

/** Moves an organization with its whole subtree under a new parent (one UPDATE on the paths). */
export async function moveOrganization(tx: Executor, ctx: CommandContext, id: string, parentId: string) {
  const actor = actorRequired(ctx);
  await lockTree(tx);
  const org = await findVisibleOrganization(tx, actor, id);
  organizationPolicy.authorize(actor, "move", org);
  const parent = await findVisibleOrganization(tx, actor, parentId).catch(() => {
    throw fieldError("parentId", "not_found", {}, 404);
  });
  if (parent.path.startsWith(org.path)) throw fieldError("parentId", "move_into_itself");
  if (!parent.active) throw fieldError("parentId", "parent_inactive");
  if (!organizationPolicy.can(actor, "createChild", parent)) throw new AppError(403, "forbidden");
  if (parent.id === org.parentId) return org;
  const newPath = `${parent.path}${org.id}/`;
  const depthDelta = parent.depth + 1 - org.depth;
  await tx
    .update(organizations)
    .set({
      path: sql`${newPath} || substr(${organizations.path}, ${org.path.length + 1})`,
      depth: sql`${organizations.depth} + ${depthDelta}`,
      updatedAt: new Date(),
    })
    .where(sql`${organizations.path} like ${`${org.path}%`}`);
  const [after] = await tx.update(organizations).set({ parentId: parent.id }).where(eq(organizations.id, id)).returning();
  await recordAudit(tx, ctx, {
    action: "organization.move",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    before: { parentId: org.parentId },
    after: { parentId: parent.id },
  });
  return after;
}
