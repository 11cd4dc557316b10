import { definePolicy, hasAnyRole } from "../../policies/core";
import { MEDIA_MANAGERS, MEDIA_READERS, type OwnedResource } from "../media-relations/media-relations.policy";

/** Press events follow media relations: its readers read, its managers run events and the door. */
export const pressEventPolicy = definePolicy<OwnedResource, "read" | "manage">("pressEvent", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, MEDIA_MANAGERS),
});
