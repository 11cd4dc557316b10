import type { Role } from "../../../../common/roles";
import { definePolicy, hasAnyRole } from "../../../policies/core";

/** Items are judged by the materialized path of the organization they are entered for. */
export interface IntakeTarget {
  path: string;
}

/**
 * Entering clippings (typing, scanning, importing a CSV) is PR staff work, like a pasted
 * clipping URL. Social sources are sources: monitoringSource.manage (admin, coordinator).
 */
export const INTAKE_ENTRANTS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export const monitoringIntakePolicy = definePolicy<IntakeTarget, "enter">("monitoringIntake", {
  enter: (actor, r) => hasAnyRole(actor, r.path, INTAKE_ENTRANTS),
});
