import { definePolicy, hasAnyRole } from "../../policies/core";
import { OFFICER_KEEPERS, OFFICER_READERS } from "../officers/officer.policy";

export interface WorkLogResource {
  path: string;
  status: string;
  officerUserId: string | null;
  supervisorUserId: string | null;
}

const own = (actorUserId: string | null, log: WorkLogResource) => actorUserId !== null && log.officerUserId === actorUserId;
const verifier = (actorUserId: string | null, log: WorkLogResource) => actorUserId !== null && log.supervisorUserId === actorUserId;
const editable = (log: WorkLogResource) => log.status === "draft" || log.status === "returned";

/**
 * Officers write and submit their own entries; the direct supervisor (or a registry keeper of
 * the agency) approves or returns them; approved entries are locked until a logged re-open.
 */
export const workLogPolicy = definePolicy<WorkLogResource, "read" | "edit" | "submit" | "decide" | "reopen">("workLog", {
  read: (actor, log) => own(actor.userId, log) || verifier(actor.userId, log) || hasAnyRole(actor, log.path, OFFICER_READERS),
  edit: (actor, log) => own(actor.userId, log) && editable(log),
  submit: (actor, log) => own(actor.userId, log) && editable(log),
  decide: (actor, log) =>
    log.status === "submitted" && !own(actor.userId, log) && (verifier(actor.userId, log) || hasAnyRole(actor, log.path, OFFICER_KEEPERS)),
  reopen: (actor, log) =>
    log.status === "approved" && !own(actor.userId, log) && (verifier(actor.userId, log) || hasAnyRole(actor, log.path, OFFICER_KEEPERS)),
});

/** Creating an entry: only for one's own officer record. */
export const workLogCreatePolicy = definePolicy<{ officerUserId: string | null }, "create">("workLogEntry", {
  create: (actor, officer) => actor.userId !== null && officer.officerUserId === actor.userId,
});
