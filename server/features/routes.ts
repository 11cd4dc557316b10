import type { FastifyInstance } from "fastify";
import { akRulesRoutes } from "./angka-kredit/ak-rules.routes";
import { apiTokenRoutes } from "./api-tokens/api-tokens.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { amplificationRoutes } from "./campaigns/amplifications.routes";
import { calendarRoutes } from "./campaigns/calendar.routes";
import { campaignRoutes } from "./campaigns/campaigns.routes";
import { channelRoutes } from "./channels/channels.routes";
import { approvalChainRoutes } from "./content/approval-chain.routes";
import { contentRoutes } from "./content/content.routes";
import { dashboardRoutes } from "./dashboard/dashboard.routes";
import { contactListRoutes } from "./distribution/contact-lists.routes";
import { distributionRoutes } from "./distribution/distributions.routes";
import { hasilKerjaRoutes } from "./hasil-kerja/hasil-kerja.routes";
import { meRoutes } from "./me/me.routes";
import { mediaRoutes } from "./media/media.routes";
import { contractFileRoutes } from "./media-cooperation/contract-files.routes";
import { contractRoutes } from "./media-cooperation/contracts.routes";
import { cooperationRoutes } from "./media-cooperation/cooperation.routes";
import { mediaIssueRoutes } from "./media-issues/media-issues.routes";
import { journalistImportRoutes } from "./media-relations/journalist-import.routes";
import { journalistRoutes } from "./media-relations/journalists.routes";
import { mediaSettingsRoutes } from "./media-relations/media-settings.routes";
import { outletRoutes } from "./media-relations/outlets.routes";
import { mediaRoomRoutes } from "./media-room/media-room.routes";
import { alertStreamRoutes } from "./monitoring/alerts/alert-stream.routes";
import { alertRoutes } from "./monitoring/alerts/alerts.routes";
import { briefingRoutes } from "./monitoring/alerts/briefing/briefing.routes";
import { monitoringAnalyticsRoutes } from "./monitoring/analytics/analytics.routes";
import { monitoringArticleRoutes } from "./monitoring/articles/articles.routes";
import { csvImportRoutes } from "./monitoring/csv-import/csv-import.routes";
import { manualEntryRoutes } from "./monitoring/manual/manual-entry.routes";
import { releasePickupRoutes } from "./monitoring/pickup/pickups.routes";
import { socialSourceRoutes } from "./monitoring/social/social-sources.routes";
import { monitoringSourceRoutes } from "./monitoring/sources/sources.routes";
import { watchlistRoutes } from "./monitoring/watchlists/watchlists.routes";
import { notificationRoutes } from "./notifications/notifications.routes";
import { officerImportRoutes } from "./officers/officer-import.routes";
import { officerPlanRoutes } from "./officers/officer-plans.routes";
import { officerRoutes } from "./officers/officers.routes";
import { organizationRoutes } from "./organizations/organizations.routes";
import { outboxRoutes } from "./outbox/outbox.routes";
import { pressEventGuestRoutes } from "./press-events/press-event-guests.routes";
import { pressEventRoutes } from "./press-events/press-events.routes";
import { regionRoutes } from "./regions/regions.routes";
import { reportRoutes } from "./reports/reports.routes";
import { userRoutes } from "./users/users.routes";
import { workLogRoutes } from "./work-logs/work-logs.routes";

/** Every feature's routes under /api/v1; each feature is its own encapsulated plugin. */
export async function registerFeatureRoutes(app: FastifyInstance) {
  for (const feature of [
    authRoutes,
    meRoutes,
    organizationRoutes,
    regionRoutes,
    userRoutes,
    auditRoutes,
    outboxRoutes,
    apiTokenRoutes,
    officerRoutes,
    officerPlanRoutes,
    officerImportRoutes,
    hasilKerjaRoutes,
    akRulesRoutes,
    workLogRoutes,
    dashboardRoutes,
    reportRoutes,
    channelRoutes,
    mediaRoutes,
    contentRoutes,
    approvalChainRoutes,
    notificationRoutes,
    campaignRoutes,
    amplificationRoutes,
    calendarRoutes,
    outletRoutes,
    journalistRoutes,
    journalistImportRoutes,
    mediaSettingsRoutes,
    mediaRoomRoutes,
    contactListRoutes,
    distributionRoutes,
    manualEntryRoutes,
    csvImportRoutes,
    socialSourceRoutes,
    monitoringSourceRoutes,
    contractRoutes,
    contractFileRoutes,
    cooperationRoutes,
    pressEventRoutes,
    pressEventGuestRoutes,
    alertRoutes,
    alertStreamRoutes,
    briefingRoutes,
    monitoringArticleRoutes,
    releasePickupRoutes,
    monitoringAnalyticsRoutes,
    watchlistRoutes,
    mediaIssueRoutes,
  ]) {
    await app.register(feature);
  }
}
