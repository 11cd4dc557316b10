import { definePolicy, hasAnyRole } from "../../policies/core";
import { MEDIA_MANAGERS, MEDIA_READERS, type OwnedResource } from "../media-relations/media-relations.policy";

/** Contact lists follow the journalist rules: readers see them, media managers change them. */
export const contactListPolicy = definePolicy<OwnedResource, "read" | "manage">("contactList", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, MEDIA_MANAGERS),
});

/**
 * A distribution is judged by the organization of the press release it sends. Sending reaches
 * people outside the government, so viewers and leaders only read the delivery reports.
 * `ingestBounce` is the MTA pipe (an API token of the sending organization).
 */
export const distributionPolicy = definePolicy<OwnedResource, "read" | "send" | "ingestBounce">("distribution", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  send: (actor, r) => hasAnyRole(actor, r.path, MEDIA_MANAGERS),
  ingestBounce: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator", "editor"]),
});

/** Rate limit, Reply-To and open tracking of a subtree: its administrators and coordinators. */
export const distributionSettingsPolicy = definePolicy<OwnedResource, "read" | "manage">("distributionSettings", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, ["admin", "coordinator"]),
});
