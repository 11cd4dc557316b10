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
import { hasilKerjaRoutes } from "./hasil-kerja/hasil-kerja.routes";
import { meRoutes } from "./me/me.routes";
import { mediaRoutes } from "./media/media.routes";
import { journalistImportRoutes } from "./media-relations/journalist-import.routes";
import { journalistRoutes } from "./media-relations/journalists.routes";
import { mediaSettingsRoutes } from "./media-relations/media-settings.routes";
import { outletRoutes } from "./media-relations/outlets.routes";
import { notificationRoutes } from "./notifications/notifications.routes";
import { officerImportRoutes } from "./officers/officer-import.routes";
import { officerPlanRoutes } from "./officers/officer-plans.routes";
import { officerRoutes } from "./officers/officers.routes";
import { organizationRoutes } from "./organizations/organizations.routes";
import { outboxRoutes } from "./outbox/outbox.routes";
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
  ]) {
    await app.register(feature);
  }
}
