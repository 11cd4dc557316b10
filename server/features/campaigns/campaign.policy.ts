import type { Role } from "../../../common/roles";
import { type Actor, definePolicy, hasAnyRole } from "../../policies/core";

/** Who runs campaigns: the coordination office (pembina kehumasan) and administrators. */
export const CAMPAIGN_MANAGERS: readonly Role[] = ["admin", "coordinator"];

export interface CampaignResource {
  /** Path of the organization that runs the campaign. */
  path: string;
  /** Paths of the organizations it is assigned to. */
  assignedPaths: readonly string[];
}

const anyRole = (actor: Actor, path: string) => actor.grants.some((g) => path.startsWith(g.path));

/**
 * Everyone in the running organization's subtree reads a campaign, and so does everyone whose
 * scope holds an assigned agency (the agencies that must carry the narrative). Only coordinators
 * and admins over the running organization change it.
 */
export const campaignPolicy = definePolicy<CampaignResource, "read" | "manage" | "report">("campaign", {
  read: (actor, c) => anyRole(actor, c.path) || c.assignedPaths.some((p) => anyRole(actor, p)),
  manage: (actor, c) => hasAnyRole(actor, c.path, CAMPAIGN_MANAGERS),
  report: (actor, c) => anyRole(actor, c.path) || c.assignedPaths.some((p) => anyRole(actor, p)),
});

/** Starting a campaign on an organization. */
export const campaignCreatePolicy = definePolicy<{ path: string }, "create">("campaignEntry", {
  create: (actor, org) => hasAnyRole(actor, org.path, CAMPAIGN_MANAGERS),
});
