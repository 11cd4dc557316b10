import { ROLES, type Role } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

/** Roles that add to and describe an organization's library (issue 4 §4). */
export const MEDIA_WRITERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];
/** Roles that may delete any unused asset; an uploader may also delete their own. */
export const MEDIA_KEEPERS: readonly Role[] = ["admin", "coordinator", "editor"];

/** An asset (or, for uploads, the organization it goes to): its organization's path and uploader. */
export interface MediaResource {
  path: string;
  createdBy: string | null;
}

/**
 * Every role in scope reads the library; writers upload and edit; keepers delete, and so does
 * the uploader while still a writer there. Whether the asset is in use is checked by the
 * delete command (409), not here: the rule is about who, the command about what.
 */
export const mediaPolicy = definePolicy<MediaResource, "read" | "upload" | "edit" | "delete">("media", {
  read: (actor, a) => hasAnyRole(actor, a.path, ROLES),
  upload: (actor, a) => hasAnyRole(actor, a.path, MEDIA_WRITERS),
  edit: (actor, a) => hasAnyRole(actor, a.path, MEDIA_WRITERS),
  delete: (actor, a) =>
    hasAnyRole(actor, a.path, MEDIA_KEEPERS) ||
    (actor.userId !== null && a.createdBy === actor.userId && hasAnyRole(actor, a.path, MEDIA_WRITERS)),
});
