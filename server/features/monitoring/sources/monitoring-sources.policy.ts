import type { Role } from "../../../../common/roles";
import { definePolicy, hasAnyRole } from "../../../policies/core";

/** Judged by the materialized path of the organization that owns the source. */
export interface OwnedSource {
  path: string;
}

/** monitoring.read: anyone with a grant sees the sources of their subtree and their health. */
export const SOURCE_READERS: readonly Role[] = ["admin", "coordinator", "leader", "editor", "officer", "viewer"];
/** monitoring.manage: sources are set up by administrators and coordinators. */
export const SOURCE_MANAGERS: readonly Role[] = ["admin", "coordinator"];
/** A single URL pasted as a clipping is PR staff work, like manual entry. */
export const CLIPPERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export const monitoringSourcePolicy = definePolicy<OwnedSource, "read" | "manage" | "clip">("monitoringSource", {
  read: (actor, r) => hasAnyRole(actor, r.path, SOURCE_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, SOURCE_MANAGERS),
  clip: (actor, r) => hasAnyRole(actor, r.path, CLIPPERS),
});
