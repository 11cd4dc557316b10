import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";
import { grantableRoles } from "../users/user.policy";

export interface TokenResource {
  path: string;
  role: Role;
}

/** An admin issues tokens only for roles they could grant a person on that organization. */
export const apiTokenPolicy = definePolicy<TokenResource, "create" | "read" | "revoke">("apiToken", {
  create: (actor, t) => hasAnyRole(actor, t.path, ["admin"]) && grantableRoles(actor, t.path).includes(t.role),
  read: (actor, t) => hasAnyRole(actor, t.path, ["admin"]),
  revoke: (actor, t) => hasAnyRole(actor, t.path, ["admin"]),
});
