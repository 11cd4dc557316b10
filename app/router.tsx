/**
 * Code-based route tree (no codegen). Two pathless layouts split the app: `_public` for the
 * sign-in family of pages and `_authed` for everything behind a session. The app is served
 * under /app, hence `basepath`. Every page but sign-in loads lazily (`lazyRouteComponent`) so
 * the first load stays within the 250 KB gzip budget (bench/bundle-size.bench.ts); search
 * validation and guards stay here, eager, so URLs are checked before a page's chunk arrives.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from "@tanstack/react-router";
import { CONTACT_LIST_KINDS } from "../common/distribution-enums";
// From the zod-free lists: importing common/schemas here would put zod in the first bundle.
import {
  CONTENT_STATUSES,
  CONTENT_TYPES,
  type ContentStatus,
  type ContentType,
  MEDIA_KINDS,
  MEDIA_RIGHTS,
  MEDIA_SORTS,
  type MediaKind,
  type MediaRights,
  type MediaSort,
  WORK_LOG_STATUSES,
  type WorkLogStatus,
} from "../common/enums";
import { CONTRACT_STATUSES } from "../common/media-cooperation-enums";
import { DEWAN_PERS_STATUSES, JOURNALIST_ROLES, OUTLET_TYPES, UKW_LEVELS } from "../common/media-relations-enums";
import { MEDIA_ROOM_STATUSES } from "../common/media-room-enums";
import { ISSUE_SEVERITIES, ISSUE_STATUSES } from "../common/monitoring-alert-enums";
import { ARTICLE_KINDS, TONES } from "../common/monitoring-article-enums";
import { MONITORING_SOURCE_KINDS, SOURCE_HEALTH } from "../common/monitoring-source-enums";
import { JENJANG, type Jenjang } from "../common/pranata-humas";
import { PRESS_EVENT_KINDS, PRESS_EVENT_STATUSES } from "../common/press-events-enums";
import { ROLES, type Role, USER_STATUSES, type UserStatus } from "../common/roles";
import { AppLayout } from "./components/app-layout";
import { NotFoundPage } from "./components/not-found-page";
import { PublicLayout } from "./features/auth/public-layout";
import { type Ability, hasAbility, sessionQuery } from "./features/auth/session";
import { SignInPage } from "./features/auth/sign-in-page";
import { CONTENT_SORTS, type ContentSort } from "./features/content/content-api";
import type { ContactListsSearch } from "./features/distribution/contact-lists-page";
import type { ContractsSearch } from "./features/media-cooperation/contracts-page";
import type { CooperationDashboardSearch } from "./features/media-cooperation/cooperation-dashboard-page";
import type { IssuesSearch } from "./features/media-issues/issues-page";
import type { JournalistsSearch } from "./features/media-relations/journalists-page";
import type { OutletsSearch } from "./features/media-relations/outlets-page";
import type { MediaRoomSearch } from "./features/media-room/media-room-page";
import type { AnalyticsSearch } from "./features/monitoring/analytics-page";
import type { ArticlesSearch } from "./features/monitoring/articles-page";
import type { SourcesSearch } from "./features/monitoring/sources-page";
import { OFFICER_SORTS, OFFICER_STATUSES, type OfficerSort, type OfficerStatus } from "./features/officers/officers-api";
import type { CheckInSearch } from "./features/press-events/check-in-page";
import type { PressEventsSearch } from "./features/press-events/press-events-page";
import { canUseReports } from "./features/reports/reports-api";
import { USER_SORTS, type UserSort } from "./features/users/users-api";
import { oneOf, pageNum, safeRedirect, str } from "./lib/search";

export interface RouterContext {
  queryClient: QueryClient;
}

// Search params are optional so plain links (`to: "/users"`) need no `search`.
type UsersSearch = {
  q?: string;
  organizationId?: string;
  role?: Role;
  status?: UserStatus;
  sort?: UserSort;
  page?: number;
};
type OfficersSearch = {
  q?: string;
  organizationId?: string;
  jenjang?: Jenjang;
  active?: OfficerStatus;
  sort?: OfficerSort;
  page?: number;
};
type AuditSearch = { userId?: string; organizationId?: string; entityType?: string; from?: string; to?: string; page?: number };

/**
 * A lazy page and the Indonesian texts of the feature pages (app/i18n/page-strings.ts), loaded
 * together: the page renders with its texts, and the first-load bundle stays small.
 */
function lazyPage<T extends Record<string, unknown>, K extends keyof T & string>(load: () => Promise<T>, name: K) {
  return lazyRouteComponent(() => Promise.all([load(), import("./i18n/page-strings")]).then(([module]) => module), name);
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// ---- public pages -------------------------------------------------------------------------
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: "_public", component: PublicLayout });

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "sign-in",
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: safeRedirect(s.redirect) }),
  component: SignInPage,
});
const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "forgot-password",
  component: lazyPage(() => import("./features/auth/forgot-password-page"), "ForgotPasswordPage"),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "reset-password",
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: lazyPage(() => import("./features/auth/reset-password-page"), "ResetPasswordPage"),
});
const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "accept-invitation",
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: lazyPage(() => import("./features/auth/accept-invitation-page"), "AcceptInvitationPage"),
});

// ---- signed-in area -----------------------------------------------------------------------
const authedLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "_authed",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});

/** Pages whose nav item is hidden are also closed by URL; the server enforces it anyway. */
function requireAbility(ability: Ability) {
  return async ({ context }: { context: RouterContext }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!hasAbility(session, ability)) throw redirect({ to: "/" });
  };
}

const indexRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "/",
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (hasAbility(session, "organizations.read")) throw redirect({ to: "/organizations" });
    if (hasAbility(session, "users.read")) throw redirect({ to: "/users" });
    if (hasAbility(session, "officers.read")) throw redirect({ to: "/officers" });
    throw redirect({ to: "/account" });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "organizations",
  beforeLoad: requireAbility("organizations.read"),
  validateSearch: (s: Record<string, unknown>): { q?: string; inactive?: boolean } => ({
    q: str(s.q),
    inactive: s.inactive === true || s.inactive === "true" ? true : undefined,
  }),
  component: lazyPage(() => import("./features/organizations/organizations-page"), "OrganizationsPage"),
});

const usersRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "users",
  beforeLoad: requireAbility("users.read"),
  validateSearch: (s: Record<string, unknown>): UsersSearch => ({
    q: str(s.q),
    organizationId: str(s.organizationId),
    role: oneOf(s.role, ROLES),
    status: oneOf(s.status, USER_STATUSES),
    sort: oneOf(s.sort, USER_SORTS),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/users/users-page"), "UsersPage"),
});
const userDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "users/$userId",
  beforeLoad: requireAbility("users.read"),
  component: lazyPage(() => import("./features/users/user-detail-page"), "UserDetailPage"),
});

const officersRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "officers",
  beforeLoad: requireAbility("officers.read"),
  validateSearch: (s: Record<string, unknown>): OfficersSearch => {
    const active = oneOf(s.active, OFFICER_STATUSES);
    const sort = oneOf(s.sort, OFFICER_SORTS);
    return {
      q: str(s.q),
      organizationId: str(s.organizationId),
      jenjang: oneOf(s.jenjang, JENJANG),
      active: active === "true" ? undefined : active, // "aktif" is the default
      sort: sort === "name" ? undefined : sort,
      page: pageNum(s.page),
    };
  },
  component: lazyPage(() => import("./features/officers/officers-page"), "OfficersPage"),
});
const officerDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "officers/$officerId",
  beforeLoad: requireAbility("officers.read"),
  component: lazyPage(() => import("./features/officers/officer-detail-page"), "OfficerDetailPage"),
});

const dashboardRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "dashboard",
  beforeLoad: requireAbility("dashboard.read"),
  component: lazyPage(() => import("./features/dashboard/dashboard-page"), "DashboardPage"),
});
const catalogueRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "catalogue",
  beforeLoad: requireAbility("catalogue.read"),
  component: lazyPage(() => import("./features/catalogue/catalogue-page"), "CataloguePage"),
});
const akRulesRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "ak-rules",
  beforeLoad: requireAbility("catalogue.read"),
  component: lazyPage(() => import("./features/catalogue/ak-rules-page"), "AkRulesPage"),
});

// ---- work logs (catatan hasil kerja) and their verification --------------------------------
const WorkLogFormPage = lazyPage(() => import("./features/work-logs/work-log-form-page"), "WorkLogFormPage");
type WorkLogsSearch = { status?: WorkLogStatus; from?: string; to?: string; q?: string; page?: number };
const isoDay = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const workLogsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs",
  beforeLoad: requireAbility("workLogs.read"),
  validateSearch: (s: Record<string, unknown>): WorkLogsSearch => ({
    status: oneOf(s.status, WORK_LOG_STATUSES),
    from: isoDay(s.from),
    to: isoDay(s.to),
    q: str(s.q),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/work-logs/work-logs-page"), "WorkLogsPage"),
});
const workLogNewRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/new",
  beforeLoad: requireAbility("workLogs.read"),
  component: WorkLogFormPage,
});
const workLogDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/$workLogId",
  beforeLoad: requireAbility("workLogs.read"),
  component: lazyPage(() => import("./features/work-logs/work-log-detail-page"), "WorkLogDetailPage"),
});
const workLogEditRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/$workLogId/edit",
  beforeLoad: requireAbility("workLogs.read"),
  // A wrapper passes the id; `preload` keeps hover preloading of the lazy form working.
  component: Object.assign(
    function WorkLogEdit() {
      const { workLogId } = workLogEditRoute.useParams();
      return <WorkLogFormPage workLogId={workLogId} />;
    },
    { preload: () => WorkLogFormPage.preload?.() },
  ),
});
const verificationRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "verification",
  beforeLoad: requireAbility("workLogs.read"),
  validateSearch: (s: Record<string, unknown>): { page?: number } => ({ page: pageNum(s.page) }),
  component: lazyPage(() => import("./features/work-logs/verification-page"), "VerificationPage"),
});

// ---- content studio (the editor, item and chain pages load lazily: Tiptap stays out of the first bundle)
type ContentSearch = {
  view?: "queue";
  q?: string;
  status?: ContentStatus;
  type?: ContentType;
  organizationId?: string;
  mine?: boolean;
  sort?: ContentSort;
  page?: number;
};
const contentRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "content",
  beforeLoad: requireAbility("content.read"),
  validateSearch: (s: Record<string, unknown>): ContentSearch => {
    const sort = oneOf(s.sort, CONTENT_SORTS);
    return {
      view: s.view === "queue" ? "queue" : undefined,
      q: str(s.q),
      status: oneOf(s.status, CONTENT_STATUSES),
      type: oneOf(s.type, CONTENT_TYPES),
      organizationId: str(s.organizationId),
      mine: s.mine === true || s.mine === "true" ? true : undefined,
      sort: sort === "-updated" ? undefined : sort,
      page: pageNum(s.page),
    };
  },
  component: lazyPage(() => import("./features/content/content-list-page"), "ContentListPage"),
});
const contentNewRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "content/new",
  beforeLoad: requireAbility("content.create"),
  validateSearch: (s: Record<string, unknown>): { type?: ContentType } => ({ type: oneOf(s.type, CONTENT_TYPES) }),
  component: lazyPage(() => import("./features/content/content-editor-page"), "NewContentPage"),
});
const contentApprovalChainRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "content/approval-chain",
  beforeLoad: requireAbility("content.approvalChains"),
  validateSearch: (s: Record<string, unknown>): { organizationId?: string } => ({ organizationId: str(s.organizationId) }),
  component: lazyPage(() => import("./features/content/approval-chain-page"), "ApprovalChainPage"),
});
const contentDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "content/$contentId",
  beforeLoad: requireAbility("content.read"),
  component: lazyPage(() => import("./features/content/content-detail-page"), "ContentDetailPage"),
});
const contentEditRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "content/$contentId/edit",
  beforeLoad: requireAbility("content.read"),
  component: lazyPage(() => import("./features/content/content-editor-page"), "EditContentPage"),
});

// ---- media relations: outlets and journalists
const mediaOutletsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-outlets",
  beforeLoad: requireAbility("mediaRelations.read"),
  validateSearch: (s: Record<string, unknown>): OutletsSearch => ({
    q: str(s.q),
    type: oneOf(s.type, OUTLET_TYPES),
    dewanPersStatus: oneOf(s.dewanPersStatus, DEWAN_PERS_STATUSES),
    grade: str(s.grade),
    expiringSoon: oneOf(s.expiringSoon, ["true"] as const),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/media-relations/outlets-page"), "OutletsPage"),
});
const mediaOutletDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-outlets/$outletId",
  beforeLoad: requireAbility("mediaRelations.read"),
  component: lazyPage(() => import("./features/media-relations/outlet-detail-page"), "OutletDetailPage"),
});
const journalistsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "journalists",
  beforeLoad: requireAbility("mediaRelations.read"),
  validateSearch: (s: Record<string, unknown>): JournalistsSearch => ({
    q: str(s.q),
    outletId: str(s.outletId),
    role: oneOf(s.role, JOURNALIST_ROLES),
    beat: str(s.beat),
    ukwLevel: oneOf(s.ukwLevel, UKW_LEVELS),
    regionCode: str(s.regionCode),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/media-relations/journalists-page"), "JournalistsPage"),
});
const journalistDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "journalists/$journalistId",
  beforeLoad: requireAbility("mediaRelations.read"),
  component: lazyPage(() => import("./features/media-relations/journalist-detail-page"), "JournalistDetailPage"),
});
// ---- release distribution: contact lists (sending is a panel on the content item page)
const contactListsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "contact-lists",
  beforeLoad: requireAbility("mediaRelations.read"),
  validateSearch: (s: Record<string, unknown>): ContactListsSearch => ({
    q: str(s.q),
    kind: oneOf(s.kind, CONTACT_LIST_KINDS),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/distribution/contact-lists-page"), "ContactListsPage"),
});
// ---- press events: list, event page, the door's check-in screen
const pressEventsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "press-events",
  beforeLoad: requireAbility("pressEvents.read"),
  validateSearch: (s: Record<string, unknown>): PressEventsSearch => ({
    q: str(s.q),
    kind: oneOf(s.kind, PRESS_EVENT_KINDS),
    status: oneOf(s.status, PRESS_EVENT_STATUSES),
    from: str(s.from),
    to: str(s.to),
    sort: oneOf(s.sort, ["starts", "-starts"] as const),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/press-events/press-events-page"), "PressEventsPage"),
});
const pressEventRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "press-events/$eventId",
  beforeLoad: requireAbility("pressEvents.read"),
  component: lazyPage(() => import("./features/press-events/press-event-page"), "PressEventPage"),
});
const pressEventCheckInRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "press-events/$eventId/check-in",
  beforeLoad: requireAbility("pressEvents.manage"),
  validateSearch: (s: Record<string, unknown>): CheckInSearch => ({ kode: str(s.kode) }),
  component: lazyPage(() => import("./features/press-events/check-in-page"), "CheckInPage"),
});
// ---- journalists' media room: applications and the embargo access log
const mediaRoomRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-room",
  beforeLoad: requireAbility("mediaRoom.read"),
  validateSearch: (s: Record<string, unknown>): MediaRoomSearch => ({
    tab: oneOf(s.tab, ["log"] as const),
    status: oneOf(s.status, MEDIA_ROOM_STATUSES),
    q: str(s.q),
    page: pageNum(s.page),
    contentId: str(s.contentId),
  }),
  component: lazyPage(() => import("./features/media-room/media-room-page"), "MediaRoomPage"),
});

// ---- media monitoring: articles and watchlists
const monitoringArticlesRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/articles",
  beforeLoad: requireAbility("monitoringArticles.read"),
  validateSearch: (s: Record<string, unknown>): ArticlesSearch => ({
    q: str(s.q),
    from: str(s.from),
    to: str(s.to),
    tone: oneOf(s.tone, TONES),
    kind: oneOf(s.kind, ARTICLE_KINDS),
    outlet: str(s.outlet),
    organizationId: str(s.organizationId),
    clusterId: str(s.clusterId),
    nearDupGroupId: str(s.nearDupGroupId),
    sourceId: str(s.sourceId),
    sort: oneOf(s.sort, ["date", "relevance"] as const),
    article: str(s.article),
  }),
  component: lazyPage(() => import("./features/monitoring/articles-page"), "ArticlesPage"),
});
const watchlistsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/watchlists",
  beforeLoad: requireAbility("monitoringArticles.read"),
  component: lazyPage(() => import("./features/monitoring/watchlists-page"), "WatchlistsPage"),
});
const monitoringAnalyticsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/analytics",
  beforeLoad: requireAbility("monitoringArticles.read"),
  validateSearch: (s: Record<string, unknown>): AnalyticsSearch => ({
    q: str(s.q),
    from: str(s.from),
    to: str(s.to),
    tone: oneOf(s.tone, TONES),
    outlet: str(s.outlet),
    organizationId: str(s.organizationId),
    interval: oneOf(s.interval, ["day", "week", "month"] as const),
  }),
  component: lazyPage(() => import("./features/monitoring/analytics-page"), "AnalyticsPage"),
});
const monitoringIntakeRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/intake",
  beforeLoad: requireAbility("monitoringIntake.enter"),
  component: lazyPage(() => import("./features/monitoring/intake-page"), "MonitoringIntakePage"),
});
const monitoringSourcesRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/sources",
  beforeLoad: requireAbility("monitoringSources.read"),
  validateSearch: (s: Record<string, unknown>): SourcesSearch => ({
    q: str(s.q),
    kind: oneOf(s.kind, MONITORING_SOURCE_KINDS),
    health: oneOf(s.health, SOURCE_HEALTH),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/monitoring/sources-page"), "SourcesPage"),
});
const monitoringSourceRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/sources/$sourceId",
  beforeLoad: requireAbility("monitoringSources.read"),
  component: lazyPage(() => import("./features/monitoring/source-detail-page"), "SourceDetailPage"),
});

// ---- media monitoring: alerts (live), rules, briefing; issues (isu)
const monitoringAlertsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/alerts",
  beforeLoad: requireAbility("alerts.read"),
  component: lazyPage(() => import("./features/monitoring-alerts/alerts-page"), "AlertsPage"),
});
const monitoringIssuesRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/issues",
  beforeLoad: requireAbility("issues.read"),
  validateSearch: (s: Record<string, unknown>): IssuesSearch => ({
    view: s.view === "list" ? "list" : undefined,
    q: str(s.q),
    status: oneOf(s.status, ISSUE_STATUSES),
    severity: oneOf(s.severity, ISSUE_SEVERITIES),
    organizationId: str(s.organizationId),
    breached: s.breached === "true" ? "true" : undefined,
    page: pageNum(s.page),
    fromAlert: str(s.fromAlert),
    fromArticle: str(s.fromArticle),
    fromCluster: str(s.fromCluster),
  }),
  component: lazyPage(() => import("./features/media-issues/issues-page"), "IssuesPage"),
});
const monitoringIssueRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "monitoring/issues/$issueId",
  beforeLoad: requireAbility("issues.read"),
  component: lazyPage(() => import("./features/media-issues/issue-page"), "IssuePage"),
});

// ---- paid media cooperation (kerja sama media)
const yearParam = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
};
const mediaContractsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-contracts",
  beforeLoad: requireAbility("mediaCooperation.read"),
  validateSearch: (s: Record<string, unknown>): ContractsSearch => ({
    q: str(s.q),
    fiscalYear: yearParam(s.fiscalYear),
    status: oneOf(s.status, CONTRACT_STATUSES),
    outletId: str(s.outletId),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/media-cooperation/contracts-page"), "ContractsPage"),
});
const mediaContractNewRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-contracts/new",
  beforeLoad: requireAbility("mediaCooperation.manage"),
  component: lazyPage(() => import("./features/media-cooperation/contract-new-page"), "ContractNewPage"),
});
const mediaContractDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-contracts/$contractId",
  beforeLoad: requireAbility("mediaCooperation.read"),
  component: lazyPage(() => import("./features/media-cooperation/contract-detail-page"), "ContractDetailPage"),
});
const mediaCooperationDashboardRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-cooperation/dashboard",
  beforeLoad: requireAbility("mediaCooperation.read"),
  validateSearch: (s: Record<string, unknown>): CooperationDashboardSearch => ({
    fiscalYear: yearParam(s.fiscalYear),
    organizationId: str(s.organizationId),
  }),
  component: lazyPage(() => import("./features/media-cooperation/cooperation-dashboard-page"), "CooperationDashboardPage"),
});
const mediaCooperationSettingsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media-cooperation/settings",
  beforeLoad: requireAbility("mediaCooperation.settings"),
  component: lazyPage(() => import("./features/media-cooperation/cooperation-settings-page"), "CooperationSettingsPage"),
});

// ---- campaigns (narasi tunggal), amplification inbox, content calendar
type CampaignsSearch = { q?: string; active?: "true" | "false"; period?: "current" | "upcoming" | "past"; page?: number };
const campaignsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "campaigns",
  beforeLoad: requireAbility("campaigns.read"),
  validateSearch: (s: Record<string, unknown>): CampaignsSearch => ({
    q: str(s.q),
    active: oneOf(s.active, ["true", "false"] as const),
    period: oneOf(s.period, ["current", "upcoming", "past"] as const),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/campaigns/campaigns-page"), "CampaignsPage"),
});
const campaignDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "campaigns/$campaignId",
  beforeLoad: requireAbility("campaigns.read"),
  component: lazyPage(() => import("./features/campaigns/campaign-detail-page"), "CampaignDetailPage"),
});
const amplificationsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "amplifications",
  beforeLoad: requireAbility("content.read"),
  // Pending (the work to do) unless the URL asks for shared or all.
  validateSearch: (s: Record<string, unknown>): { status?: "shared" | "all"; page?: number } => ({
    status: oneOf(s.status, ["shared", "all"] as const),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/campaigns/amplifications-page"), "AmplificationsPage"),
});
type CalendarSearch = {
  view?: "week" | "list";
  date?: string;
  organizationId?: string;
  type?: ContentType;
  status?: "approved" | "scheduled" | "published";
  campaignId?: string;
};
const calendarRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "calendar",
  beforeLoad: requireAbility("content.read"),
  validateSearch: (s: Record<string, unknown>): CalendarSearch => ({
    view: oneOf(s.view, ["week", "list"] as const),
    date: typeof s.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : undefined,
    organizationId: str(s.organizationId),
    type: oneOf(s.type, CONTENT_TYPES),
    status: oneOf(s.status, ["approved", "scheduled", "published"] as const),
    campaignId: str(s.campaignId),
  }),
  component: lazyPage(() => import("./features/calendar/calendar-page"), "CalendarPage"),
});

// ---- media library (pustaka media); `asset` is the one open in the drawer
type MediaSearch = {
  q?: string;
  kind?: MediaKind;
  tag?: string;
  organizationId?: string;
  rights?: MediaRights;
  sort?: MediaSort;
  page?: number;
  asset?: string;
};
const mediaRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "media",
  beforeLoad: requireAbility("media.read"),
  validateSearch: (s: Record<string, unknown>): MediaSearch => {
    const sort = oneOf(s.sort, MEDIA_SORTS);
    return {
      q: str(s.q),
      kind: oneOf(s.kind, MEDIA_KINDS),
      tag: str(s.tag),
      organizationId: str(s.organizationId),
      rights: oneOf(s.rights, MEDIA_RIGHTS),
      sort: sort === "newest" ? undefined : sort,
      page: pageNum(s.page),
      asset: str(s.asset),
    };
  },
  component: lazyPage(() => import("./features/media/media-page"), "MediaPage"),
});

const reportsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "reports",
  beforeLoad: async ({ context }) => {
    if (!canUseReports(await context.queryClient.ensureQueryData(sessionQuery))) throw redirect({ to: "/" });
  },
  component: lazyPage(() => import("./features/reports/reports-page"), "ReportsPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "account",
  component: lazyPage(() => import("./features/account/account-page"), "AccountPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "audit",
  beforeLoad: requireAbility("audit.read"),
  validateSearch: (s: Record<string, unknown>): AuditSearch => ({
    userId: str(s.userId),
    organizationId: str(s.organizationId),
    entityType: str(s.entityType),
    from: str(s.from),
    to: str(s.to),
    page: pageNum(s.page),
  }),
  component: lazyPage(() => import("./features/audit/audit-page"), "AuditPage"),
});

const outboxRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "outbox",
  beforeLoad: requireAbility("outbox.read"),
  validateSearch: (s: Record<string, unknown>): { q?: string; page?: number } => ({ q: str(s.q), page: pageNum(s.page) }),
  component: lazyPage(() => import("./features/outbox/outbox-page"), "OutboxPage"),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "api-tokens",
  beforeLoad: requireAbility("apiTokens.manage"),
  component: lazyPage(() => import("./features/api-tokens/api-tokens-page"), "ApiTokensPage"),
});

const channelsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "channels",
  beforeLoad: requireAbility("channels.manage"),
  component: lazyPage(() => import("./features/channels/channels-page"), "ChannelsPage"),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, forgotPasswordRoute, resetPasswordRoute, acceptInvitationRoute]),
  authedLayout.addChildren([
    indexRoute,
    organizationsRoute,
    usersRoute,
    userDetailRoute,
    officersRoute,
    officerDetailRoute,
    dashboardRoute,
    catalogueRoute,
    akRulesRoute,
    workLogsRoute,
    workLogNewRoute,
    workLogDetailRoute,
    workLogEditRoute,
    verificationRoute,
    contentRoute,
    contentNewRoute,
    contentApprovalChainRoute,
    contentDetailRoute,
    contentEditRoute,
    mediaOutletsRoute,
    mediaOutletDetailRoute,
    journalistsRoute,
    journalistDetailRoute,
    contactListsRoute,
    pressEventsRoute,
    pressEventRoute,
    pressEventCheckInRoute,
    mediaRoomRoute,
    monitoringArticlesRoute,
    watchlistsRoute,
    monitoringAnalyticsRoute,
    monitoringIntakeRoute,
    monitoringSourcesRoute,
    monitoringSourceRoute,
    monitoringAlertsRoute,
    monitoringIssuesRoute,
    monitoringIssueRoute,
    mediaContractsRoute,
    mediaContractNewRoute,
    mediaContractDetailRoute,
    mediaCooperationDashboardRoute,
    mediaCooperationSettingsRoute,
    campaignsRoute,
    campaignDetailRoute,
    amplificationsRoute,
    calendarRoute,
    reportsRoute,
    mediaRoute,
    accountRoute,
    auditRoute,
    outboxRoute,
    apiTokensRoute,
    channelsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: "/app",
    context: { queryClient },
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
