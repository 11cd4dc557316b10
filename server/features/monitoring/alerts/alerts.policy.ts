import type { Role } from "../../../../common/roles";
import { definePolicy, hasAnyRole } from "../../../policies/core";

/** Judged by the materialized path of the organization that owns the rule, alert or briefing. */
export interface OwnedResource {
  path: string;
}

export const ALERT_READERS: readonly Role[] = ["admin", "coordinator", "leader", "editor", "officer", "viewer"];
/** Rules and briefings decide who is woken at night: those who answer for the unit. */
export const ALERT_MANAGERS: readonly Role[] = ["admin", "coordinator", "editor"];

export const alertRulePolicy = definePolicy<OwnedResource, "read" | "manage">("alertRule", {
  read: (actor, r) => hasAnyRole(actor, r.path, ALERT_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, ALERT_MANAGERS),
});

export const alertEventPolicy = definePolicy<OwnedResource, "read" | "acknowledge">("alertEvent", {
  read: (actor, r) => hasAnyRole(actor, r.path, ALERT_READERS),
  acknowledge: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator", "editor", "officer"]),
});

export const briefingPolicy = definePolicy<OwnedResource, "read" | "manage">("briefing", {
  read: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator", "leader", "editor"]),
  manage: (actor, r) => hasAnyRole(actor, r.path, ALERT_MANAGERS),
});
