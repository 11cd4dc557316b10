import type { Actor } from "./core";
import { isSystemAdmin } from "./system";

/**
 * What the staff app may show in its navigation. Computed here so the UI never re-implements
 * a rule; each entry mirrors the list policy of its feature.
 */
export function navigationAbilities(actor: Actor): Record<string, boolean> {
  const has = (...roles: string[]) => actor.grants.some((g) => roles.includes(g.role));
  return {
    "organizations.read": actor.grants.length > 0,
    "organizations.create": has("admin"),
    "users.read": has("admin", "coordinator", "editor"),
    "users.invite": has("admin", "coordinator"),
    "audit.read": has("admin"),
    "outbox.read": isSystemAdmin(actor),
    "apiTokens.manage": has("admin"),
    // Officers see their own record; supervisors their team; the registry keepers their subtree.
    "officers.read": actor.grants.length > 0,
    "officers.create": has("admin", "coordinator", "editor"),
    "catalogue.read": actor.grants.length > 0,
    "workLogs.read": actor.grants.length > 0,
    "dashboard.read": has("admin", "coordinator", "editor", "leader", "viewer"),
    "catalogue.manage": isSystemAdmin(actor),
    // Content studio (issue 4): everyone with a grant reads their scope; writers create.
    "content.read": actor.grants.length > 0,
    "content.create": has("admin", "coordinator", "editor", "officer"),
    "content.approvalChains": has("admin", "coordinator", "editor"),
    "media.read": actor.grants.length > 0,
    "channels.manage": has("admin", "coordinator", "editor"),
    "campaigns.read": actor.grants.length > 0,
    "campaigns.manage": has("admin", "coordinator"),
    // Media relations (issue 5): every grant reads its scope's outlets and journalists.
    "mediaRelations.read": actor.grants.length > 0,
    "mediaRelations.manage": has("admin", "coordinator", "editor", "officer"),
  };
}
