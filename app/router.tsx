/**
 * Code-based route tree (no codegen). Two pathless layouts split the app: `_public` for the
 * sign-in family of pages and `_authed` for everything behind a session. The app is served
 * under /app, hence `basepath`.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from "@tanstack/react-router";
import { JENJANG, type Jenjang } from "../common/pranata-humas";
import { ROLES, type Role, USER_STATUSES, type UserStatus } from "../common/roles";
import { WORK_LOG_STATUSES, type WorkLogStatus } from "../common/schemas/work-logs";
import { AppLayout } from "./components/app-layout";
import { NotFoundPage } from "./components/not-found-page";
import { AccountPage } from "./features/account/account-page";
import { ApiTokensPage } from "./features/api-tokens/api-tokens-page";
import { AuditPage } from "./features/audit/audit-page";
import { AcceptInvitationPage } from "./features/auth/accept-invitation-page";
import { ForgotPasswordPage } from "./features/auth/forgot-password-page";
import { PublicLayout } from "./features/auth/public-layout";
import { ResetPasswordPage } from "./features/auth/reset-password-page";
import { type Ability, hasAbility, sessionQuery } from "./features/auth/session";
import { SignInPage } from "./features/auth/sign-in-page";
import { AkRulesPage } from "./features/catalogue/ak-rules-page";
import { CataloguePage } from "./features/catalogue/catalogue-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { OfficerDetailPage } from "./features/officers/officer-detail-page";
import { OFFICER_SORTS, OFFICER_STATUSES, type OfficerSort, type OfficerStatus } from "./features/officers/officers-api";
import { OfficersPage } from "./features/officers/officers-page";
import { OrganizationsPage } from "./features/organizations/organizations-page";
import { OutboxPage } from "./features/outbox/outbox-page";
import { canUseReports } from "./features/reports/reports-api";
import { ReportsPage } from "./features/reports/reports-page";
import { UserDetailPage } from "./features/users/user-detail-page";
import { USER_SORTS, type UserSort } from "./features/users/users-api";
import { UsersPage } from "./features/users/users-page";
import { VerificationPage } from "./features/work-logs/verification-page";
import { WorkLogDetailPage } from "./features/work-logs/work-log-detail-page";
import { WorkLogFormPage } from "./features/work-logs/work-log-form-page";
import { WorkLogsPage } from "./features/work-logs/work-logs-page";
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
  component: ForgotPasswordPage,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "reset-password",
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: ResetPasswordPage,
});
const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "accept-invitation",
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: AcceptInvitationPage,
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
  component: OrganizationsPage,
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
  component: UsersPage,
});
const userDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "users/$userId",
  beforeLoad: requireAbility("users.read"),
  component: UserDetailPage,
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
  component: OfficersPage,
});
const officerDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "officers/$officerId",
  beforeLoad: requireAbility("officers.read"),
  component: OfficerDetailPage,
});

const dashboardRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "dashboard",
  beforeLoad: requireAbility("dashboard.read"),
  component: DashboardPage,
});
const catalogueRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "catalogue",
  beforeLoad: requireAbility("catalogue.read"),
  component: CataloguePage,
});
const akRulesRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "ak-rules",
  beforeLoad: requireAbility("catalogue.read"),
  component: AkRulesPage,
});

// ---- work logs (catatan hasil kerja) and their verification --------------------------------
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
  component: WorkLogsPage,
});
const workLogNewRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/new",
  beforeLoad: requireAbility("workLogs.read"),
  component: () => <WorkLogFormPage />,
});
const workLogDetailRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/$workLogId",
  beforeLoad: requireAbility("workLogs.read"),
  component: WorkLogDetailPage,
});
const workLogEditRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "work-logs/$workLogId/edit",
  beforeLoad: requireAbility("workLogs.read"),
  component: function WorkLogEdit() {
    const { workLogId } = workLogEditRoute.useParams();
    return <WorkLogFormPage workLogId={workLogId} />;
  },
});
const verificationRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "verification",
  beforeLoad: requireAbility("workLogs.read"),
  validateSearch: (s: Record<string, unknown>): { page?: number } => ({ page: pageNum(s.page) }),
  component: VerificationPage,
});

const reportsRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "reports",
  beforeLoad: async ({ context }) => {
    if (!canUseReports(await context.queryClient.ensureQueryData(sessionQuery))) throw redirect({ to: "/" });
  },
  component: ReportsPage,
});

const accountRoute = createRoute({ getParentRoute: () => authedLayout, path: "account", component: AccountPage });

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
  component: AuditPage,
});

const outboxRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "outbox",
  beforeLoad: requireAbility("outbox.read"),
  validateSearch: (s: Record<string, unknown>): { q?: string; page?: number } => ({ q: str(s.q), page: pageNum(s.page) }),
  component: OutboxPage,
});

const apiTokensRoute = createRoute({
  getParentRoute: () => authedLayout,
  path: "api-tokens",
  beforeLoad: requireAbility("apiTokens.manage"),
  component: ApiTokensPage,
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
    reportsRoute,
    accountRoute,
    auditRoute,
    outboxRoute,
    apiTokensRoute,
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
