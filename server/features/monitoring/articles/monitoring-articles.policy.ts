import type { Role } from "../../../../common/roles";
import { definePolicy, hasAnyRole } from "../../../policies/core";

/** Judged by the materialized path of the organization concerned (owner of a watchlist, mentioned organization). */
export interface OwnedResource {
  path: string;
}

/** monitoring.read: anyone with a grant reads what concerns their subtree. */
export const MONITORING_READERS: readonly Role[] = ["admin", "coordinator", "leader", "editor", "officer", "viewer"];
/** monitoring.manage: watchlists, like sources, are set up by administrators and coordinators. */
export const WATCHLIST_MANAGERS: readonly Role[] = ["admin", "coordinator"];
/** Officers who read the news for their unit may correct the tone the model gave a mention. */
export const TONE_CORRECTORS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export const articlePolicy = definePolicy<OwnedResource, "read" | "correctTone">("monitoringArticle", {
  read: (actor, r) => hasAnyRole(actor, r.path, MONITORING_READERS),
  correctTone: (actor, r) => hasAnyRole(actor, r.path, TONE_CORRECTORS),
});

export const watchlistPolicy = definePolicy<OwnedResource, "read" | "manage">("watchlist", {
  read: (actor, r) => hasAnyRole(actor, r.path, MONITORING_READERS),
  manage: (actor, r) => hasAnyRole(actor, r.path, WATCHLIST_MANAGERS),
});
