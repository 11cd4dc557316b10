import type { Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";
import { MEDIA_READERS } from "../media-relations/media-relations.policy";

export interface OwnedResource {
  path: string;
}

/**
 * Letting a journalist read embargoed material is a trust decision: those who answer for the
 * unit's press relations decide (not officers), everyone who reads media relations may look.
 */
export const MEDIA_ROOM_DECIDERS: readonly Role[] = ["admin", "coordinator", "editor"];

export const mediaRoomAccountPolicy = definePolicy<OwnedResource, "read" | "decide">("mediaRoomAccount", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
  decide: (actor, r) => hasAnyRole(actor, r.path, MEDIA_ROOM_DECIDERS),
});

/** The embargo access log of a content item's organization. */
export const embargoLogPolicy = definePolicy<OwnedResource, "read">("embargoLog", {
  read: (actor, r) => hasAnyRole(actor, r.path, MEDIA_READERS),
});
