import { ROLES } from "../../../common/roles";
import { definePolicy, hasAnyRole } from "../../policies/core";

export interface ChannelAccountResource {
  /** Materialized path of the account's organization. */
  path: string;
}

/** Who connects accounts and resolves failed posts: the PR heads and coordinators (and admins). */
export const CHANNEL_MANAGERS = ["admin", "coordinator", "editor"] as const;

/**
 * Everyone with a role on the account's organization (or an ancestor) sees that the account
 * exists (to pick it when scheduling); only managers connect, change, test or deactivate it.
 */
export const channelAccountPolicy = definePolicy<ChannelAccountResource, "read" | "manage">("channelAccount", {
  read: (actor, account) => hasAnyRole(actor, account.path, ROLES),
  manage: (actor, account) => hasAnyRole(actor, account.path, CHANNEL_MANAGERS),
});

/** Sending a failed post again is a decision a manager of the item's organization takes. */
export const channelPublicationPolicy = definePolicy<ChannelAccountResource, "retry">("channelPublication", {
  retry: (actor, publication) => hasAnyRole(actor, publication.path, CHANNEL_MANAGERS),
});
