import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

/** Roles that read every officer record in their subtree (leaders and auditors included). */
export const OFFICER_READERS: readonly Role[] = ["admin", "coordinator", "editor", "leader", "viewer"];
/** Roles that keep the registry (create, edit, deactivate). */
export const OFFICER_KEEPERS: readonly Role[] = ["admin", "coordinator", "editor"];

export interface OfficerResource {
  path: string;
  userId: string | null;
  supervisorUserId: string | null;
}

/**
 * An officer sees their own record, a supervisor their team, an editor their organization,
 * a coordinator the subtree (DOMAIN.md §2; the rules).
 */
export const officerPolicy = definePolicy<OfficerResource, "read" | "update" | "deactivate" | "rate" | "plan">("officer", {
  read: (actor, o) =>
    (actor.userId !== null && (o.userId === actor.userId || o.supervisorUserId === actor.userId)) ||
    hasAnyRole(actor, o.path, OFFICER_READERS),
  update: (actor, o) => hasAnyRole(actor, o.path, OFFICER_KEEPERS),
  deactivate: (actor, o) => hasAnyRole(actor, o.path, OFFICER_KEEPERS),
  // The direct supervisor rates; keepers may record a rating too. Nobody rates themselves.
  // The yearly plan is agreed between the officer and the supervisor: either may record it.
  plan: (actor, o) =>
    (actor.userId !== null && (o.userId === actor.userId || o.supervisorUserId === actor.userId)) ||
    hasAnyRole(actor, o.path, OFFICER_KEEPERS),
  rate: (actor, o) =>
    o.userId !== actor.userId &&
    ((actor.userId !== null && o.supervisorUserId === actor.userId) || hasAnyRole(actor, o.path, OFFICER_KEEPERS)),
});

export const registryPolicy = definePolicy<{ path: string }, "create">("officerRegistry", {
  create: (actor, org) => hasAnyRole(actor, org.path, OFFICER_KEEPERS),
});
