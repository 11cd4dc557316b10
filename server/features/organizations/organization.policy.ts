import { definePolicy, hasAnyRole, rolesOn } from "../../policies/core";

export interface OrganizationResource {
  path: string;
  parentId: string | null;
  active: boolean;
}

/** Admins shape the tree below their grant; every role may read what its grants cover. */
export const organizationPolicy = definePolicy<
  OrganizationResource,
  "read" | "createChild" | "update" | "move" | "deactivate" | "invite" | "uploadLogo" | "registerOfficer"
>("organization", {
  read: (actor, org) => rolesOn(actor, org.path).size > 0,
  createChild: (actor, org) => org.active && hasAnyRole(actor, org.path, ["admin"]),
  update: (actor, org) => hasAnyRole(actor, org.path, ["admin"]),
  uploadLogo: (actor, org) => hasAnyRole(actor, org.path, ["admin"]),
  // The top of an admin's own grant cannot be moved or deactivated by that admin.
  move: (actor, org) =>
    org.parentId !== null && actor.grants.some((g) => g.role === "admin" && org.path.startsWith(g.path) && org.path !== g.path),
  deactivate: (actor, org) =>
    org.parentId !== null && actor.grants.some((g) => g.role === "admin" && org.path.startsWith(g.path) && org.path !== g.path),
  invite: (actor, org) => org.active && hasAnyRole(actor, org.path, ["admin", "coordinator"]),
  // Keepers of the Pranata Humas registry (the officers feature checks the same roles).
  registerOfficer: (actor, org) => org.active && hasAnyRole(actor, org.path, ["admin", "coordinator", "editor"]),
});
