import { definePolicy, hasAnyRole } from "../../policies/core";
import { CONTENT_WRITERS } from "../content/content.policy";

/** The published item being amplified: its organization's path. */
export interface AmplifiedContent {
  path: string;
  status: string;
}

/**
 * Writers of the item's organization ask other agencies to share a published item; anyone who
 * reads the item sees how far it went.
 */
export const amplificationRequestPolicy = definePolicy<AmplifiedContent, "request" | "read">("amplification", {
  request: (actor, item) => item.status === "published" && hasAnyRole(actor, item.path, CONTENT_WRITERS),
  read: (actor, item) => actor.grants.some((g) => item.path.startsWith(g.path)),
});

/** A request addressed to an agency: its writers mark it shared. */
export const amplificationInboxPolicy = definePolicy<{ targetPath: string }, "share">("amplificationInbox", {
  share: (actor, r) => hasAnyRole(actor, r.targetPath, CONTENT_WRITERS),
});
