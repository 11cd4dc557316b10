import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";
import { MEDIA_READERS, type OwnedResource } from "../media-relations/media-relations.policy";

/**
 * An agency manages its own contracts (its editors and officers, through their subtree); the
 * coordinator reads every contract of the subtree but does not sign for an agency.
 */
export const CONTRACT_MANAGERS: readonly Role[] = ["admin", "editor", "officer"];
/** Continuing past a failed eligibility check is the PR unit head's call (or an admin's). */
export const CONTRACT_OVERRIDERS: readonly Role[] = ["admin", "editor"];

export const mediaContractPolicy = definePolicy<OwnedResource, "read" | "manage" | "override">("mediaContract", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, CONTRACT_MANAGERS),
  override: (actor, r) => hasAnyRole(actor, r.path, CONTRACT_OVERRIDERS),
});

/** Cooperation forms and eligibility rules of a subtree: its administrators and coordinators. */
export const mediaCooperationSettingsPolicy = definePolicy<OwnedResource, "manage">("mediaCooperationSettings", {
  manage: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator"]),
});
