import type { Role } from "../../../../common/roles";
import type { Executor } from "../../../db/client";
import { AppError, fieldError } from "../../../http/errors";
import type { Actor } from "../../../policies/core";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { grantableRoles } from "../user.policy";

/** The organization a grant goes to, after checking the actor may hand out that role there. */
export async function checkGrant(tx: Executor, actor: Actor, organizationId: string, role: Role, field = "organizationId") {
  const org = await findVisibleOrganization(tx, actor, organizationId).catch(() => {
    throw fieldError(field, "grant_out_of_scope", {}, 404);
  });
  if (!org.active) throw fieldError(field, "parent_inactive");
  const allowed = grantableRoles(actor, org.path);
  if (allowed.length === 0) throw new AppError(403, "grant_out_of_scope");
  if (!allowed.includes(role)) throw new AppError(403, "role_not_allowed", { role });
  return org;
}
