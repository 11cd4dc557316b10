import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

/** An issue is judged by the path of its responsible organization (coordinators above it reach it). */
export interface IssueResource {
  path: string;
  status?: string;
}

export const ISSUE_READERS: readonly Role[] = ["admin", "coordinator", "leader", "editor", "officer", "viewer"];
export const ISSUE_HANDLERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export const mediaIssuePolicy = definePolicy<IssueResource, "read" | "manage" | "reassign">("mediaIssue", {
  read: (actor, r) => hasAnyRole(actor, r.path, ISSUE_READERS),
  /** Status, notes, links, assignee within the organization. */
  manage: (actor, r) => hasAnyRole(actor, r.path, ISSUE_HANDLERS),
  /** Moving an issue to another organization or changing its severity (and so its SLA). */
  reassign: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator", "editor"]),
});

/** SLA hours per severity for a subtree. */
export const issueSlaPolicy = definePolicy<IssueResource, "manage">("issueSla", {
  manage: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator"]),
});
