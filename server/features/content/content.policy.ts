import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

/** Who writes content in an organization (and its subtree). */
export const CONTENT_WRITERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];
/** Who manages content beyond their own: edit others' drafts, schedule, archive. */
export const CONTENT_MANAGERS: readonly Role[] = ["admin", "coordinator", "editor"];

export interface ContentResource {
  path: string;
  status: string;
  authorId: string | null;
  /** Who may still decide at the current review step (the author is never among them). */
  pendingApproverIds: readonly string[];
}

const own = (userId: string | null, item: ContentResource) => userId !== null && item.authorId === userId;
const editable = (item: ContentResource) => item.status === "draft" || item.status === "returned";
const writer = (actor: Parameters<typeof hasAnyRole>[0], item: ContentResource) =>
  own(actor.userId, item) || hasAnyRole(actor, item.path, CONTENT_MANAGERS);
const reviewer = (userId: string | null, item: ContentResource) =>
  item.status === "in_review" && userId !== null && !own(userId, item) && item.pendingApproverIds.includes(userId);

/**
 * Authors (officers) edit and submit their drafts; managers of the organization may too. Only the
 * approvers of the current step decide, and never on their own content. Anyone in scope reads and
 * comments.
 */
export const contentPolicy = definePolicy<
  ContentResource,
  "read" | "edit" | "submit" | "approve" | "return" | "schedule" | "unschedule" | "archive" | "comment"
>("content", {
  read: (actor, item) => hasAnyRole(actor, item.path, ["admin", "coordinator", "leader", "editor", "officer", "viewer"]),
  edit: (actor, item) => editable(item) && writer(actor, item),
  submit: (actor, item) => editable(item) && writer(actor, item),
  approve: (actor, item) => reviewer(actor.userId, item),
  return: (actor, item) => reviewer(actor.userId, item),
  schedule: (actor, item) => item.status === "approved" && writer(actor, item),
  unschedule: (actor, item) => item.status === "scheduled" && writer(actor, item),
  archive: (actor, item) => item.status !== "archived" && item.status !== "in_review" && hasAnyRole(actor, item.path, CONTENT_MANAGERS),
  comment: (actor, item) => hasAnyRole(actor, item.path, ["admin", "coordinator", "leader", "editor", "officer"]),
});

/** Creating content in an organization. */
export const contentCreatePolicy = definePolicy<{ path: string }, "create">("contentItem", {
  create: (actor, org) => hasAnyRole(actor, org.path, CONTENT_WRITERS),
});

/** Configuring an organization's approval chain. */
export const approvalChainPolicy = definePolicy<{ path: string }, "read" | "manage">("approvalChain", {
  read: (actor, org) => hasAnyRole(actor, org.path, ["admin", "coordinator", "leader", "editor", "officer", "viewer"]),
  manage: (actor, org) => hasAnyRole(actor, org.path, CONTENT_MANAGERS),
});
