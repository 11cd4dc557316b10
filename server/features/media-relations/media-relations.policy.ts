import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

/** Resources are judged by the materialized path of their owning organization. */
export interface OwnedResource {
  path: string;
}

export const MEDIA_READERS: readonly Role[] = ["admin", "coordinator", "leader", "editor", "officer", "viewer"];
export const MEDIA_MANAGERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];
/** Erasing personal data is irreversible: only those who answer for the unit's data. */
export const MEDIA_ERASERS: readonly Role[] = ["admin", "coordinator", "editor"];

export const mediaOutletPolicy = definePolicy<OwnedResource, "read" | "manage">("mediaOutlet", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, MEDIA_MANAGERS),
});

export const journalistPolicy = definePolicy<OwnedResource, "read" | "manage" | "erase">("journalist", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, MEDIA_MANAGERS),
  erase: (actor, r) => hasAnyRole(actor, r.path, MEDIA_ERASERS),
});

/** Settings and grading rules of a subtree: the administrators and coordinators of it. */
export const mediaSettingsPolicy = definePolicy<OwnedResource, "manage">("mediaRelationsSettings", {
  manage: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator"]),
});
