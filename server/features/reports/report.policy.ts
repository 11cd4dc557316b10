import type { Actor } from "../../policies/core";
import { definePolicy, hasAnyRole } from "../../policies/core";
import { OFFICER_READERS } from "../officers/officer.policy";

/** Agency recaps: for whoever reads every officer of that organization's subtree. */
export const reportPolicy = definePolicy<{ path: string }, "recap">("report", {
  recap: (actor, org) => hasAnyRole(actor, org.path, OFFICER_READERS),
});

/** Who an export belongs to: the user, or the API token, that asked for it. */
export const requesterOf = (actor: Actor): string | null => actor.userId ?? actor.tokenId ?? null;

/** A finished export is read back only by its requester (others ask for their own). */
export const reportExportPolicy = definePolicy<{ requestedBy: string }, "read">("reportExport", {
  read: (actor, e) => requesterOf(actor) === e.requestedBy,
});
