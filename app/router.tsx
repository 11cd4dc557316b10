/**
 * Code-based route tree (no codegen). Two pathless layouts split the app: `_public` for the
 * sign-in family of pages and `_authed` for everything behind a session. The app is served
 * under /app, hence `basepath`.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from "@tanstack/react-router";
import { ROLES, type Role, USER_STATUSES, type UserStatus } from "../common/roles";
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
import { OrganizationsPage } from "./features/organizations/organizations-page";
import { OutboxPage } from "./features/outbox/outbox-page";
import { UserDetailPage } from "./features/users/user-detail-page";
import { USER_SORTS, type UserSort } from "./features/users/users-api";
import { UsersPage } from "./features/users/users-page";
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
