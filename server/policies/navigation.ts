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
    // Journalists' media room: applications and the embargo log are read in scope; deciding on
    // access to embargoed material is for those who answer for the unit's press relations.
    "mediaRoom.read": actor.grants.length > 0,
    "mediaRoom.decide": has("admin", "coordinator", "editor"),
    // Press events: media relations' readers see them, its managers run them and the door.
    "pressEvents.read": actor.grants.length > 0,
    "pressEvents.manage": has("admin", "coordinator", "editor", "officer"),
    // Paid cooperation: an agency manages its own contracts; coordinators read the subtree's.
    "mediaCooperation.read": actor.grants.length > 0,
    "mediaCooperation.manage": has("admin", "editor", "officer"),
    "mediaCooperation.settings": has("admin", "coordinator"),
    // Monitoring alerts and issues (issue 6 §6–7): every grant reads its scope's alerts and issues.
    "alerts.read": actor.grants.length > 0,
    "alerts.manage": has("admin", "coordinator", "editor"),
    "issues.read": actor.grants.length > 0,
    "issues.manage": has("admin", "coordinator", "editor", "officer"),
    // Monitored articles and watchlists (issue 6 §3–5, §9): every grant reads its scope; watchlists are set up by admins/coordinators.
    "monitoringArticles.read": actor.grants.length > 0,
    "watchlists.manage": has("admin", "coordinator"),
    // Monitoring intake (issue 6 §1): typing/scanning items and CSV import are PR staff work; social sources are sources.
    "monitoringIntake.enter": has("admin", "coordinator", "editor", "officer"),
    "monitoringIntake.social": has("admin", "coordinator"),
    // Monitoring sources (issue 6 §1–2): read in scope; feeds are set up by admins/coordinators; PR staff clip single URLs.
    "monitoringSources.read": actor.grants.length > 0,
    "monitoringSources.manage": has("admin", "coordinator"),
    "monitoringSources.clip": has("admin", "coordinator", "editor", "officer"),
    "briefing.manage": has("admin", "coordinator", "editor"),
  };
}
