import { ROLES, type Role } from "../../../common/roles";
import { type Actor, definePolicy, hasAnyRole } from "../../policies/core";

export const USER_READERS: readonly Role[] = ["admin", "coordinator", "editor"];

export interface UserResource {
  id: string;
  status: string;
  /** Paths of the organizations the user holds grants on. */
  grantPaths: string[];
}

export interface GrantResource {
  path: string;
  role: Role;
}

/** Roles the actor may hand out on the organization at `path`. Coordinators cannot make admins. */
export function grantableRoles(actor: Actor, path: string): Role[] {
  if (hasAnyRole(actor, path, ["admin"])) return [...ROLES];
  if (hasAnyRole(actor, path, ["coordinator"])) return ROLES.filter((r) => r !== "admin");
  return [];
}

const coversAll = (actor: Actor, paths: string[], roles: readonly Role[]) =>
  paths.length > 0 && paths.every((p) => hasAnyRole(actor, p, roles));
const notSelf = (actor: Actor, user: UserResource) => actor.userId !== user.id;

export const userPolicy = definePolicy<UserResource, "read" | "deactivate" | "reactivate" | "resendInvitation">("user", {
  read: (actor, user) => user.grantPaths.some((p) => hasAnyRole(actor, p, USER_READERS)),
  // Only an admin whose scope covers every grant of the user may switch the account off.
  deactivate: (actor, user) => user.status !== "deactivated" && notSelf(actor, user) && coversAll(actor, user.grantPaths, ["admin"]),
  reactivate: (actor, user) => user.status === "deactivated" && coversAll(actor, user.grantPaths, ["admin"]),
  resendInvitation: (actor, user) =>
    user.status === "invited" && user.grantPaths.some((p) => hasAnyRole(actor, p, ["admin", "coordinator"])),
});

export const grantPolicy = definePolicy<GrantResource, "create" | "remove">("grant", {
  create: (actor, grant) => grantableRoles(actor, grant.path).includes(grant.role),
  remove: (actor, grant) => grantableRoles(actor, grant.path).includes(grant.role),
});
