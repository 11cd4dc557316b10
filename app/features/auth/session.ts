/**
 * The signed-in session as the app sees it. GET /auth/session answers 401 when nobody is
 * signed in; here that becomes `null` so guards can branch without try/catch.
 */
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { sessionView } from "../../../common/schemas/auth";
import { api, isApiError, setCsrfToken } from "../../api/client";
import i18n from "../../i18n";

export type SessionView = z.infer<typeof sessionView>;

export const SESSION_KEY = ["session"] as const;

export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<SessionView | null> => {
    try {
      const session = await api<SessionView>("/auth/session", { allowUnauthorized: true });
      adoptSessionSideEffects(session);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** Keeps the CSRF token and UI language in step with a fresh session view. */
function adoptSessionSideEffects(session: SessionView): void {
  setCsrfToken(session.csrfToken);
  if (session.user.locale !== i18n.language) void i18n.changeLanguage(session.user.locale);
}

/** Call with every SessionView the API returns (login, 2FA, accept invitation, PATCH /me). */
export function storeSession(queryClient: QueryClient, session: SessionView): void {
  adoptSessionSideEffects(session);
  queryClient.setQueryData(SESSION_KEY, session);
}

export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
  // Drop every cached page so the next user never sees the previous user's data.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** For pages under the authenticated layout, where the guard guarantees a session. */
export function useSession(): SessionView {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error("useSession used outside the signed-in area");
  return data;
}

export function useOptionalSession(): SessionView | null {
  return useQuery(sessionQuery).data ?? null;
}

export type Ability =
  | "organizations.read"
  | "users.read"
  | "audit.read"
  | "outbox.read"
  | "apiTokens.manage"
  | "officers.read"
  | "officers.create"
  | "catalogue.read"
  | "catalogue.manage"
  | "workLogs.read"
  | "workLogs.decide"
  | "dashboard.read"
  | "content.read"
  | "content.create"
  | "content.approvalChains"
  | "media.read"
  | "channels.manage"
  | "campaigns.read"
  | "campaigns.manage"
  | "mediaRelations.read"
  | "mediaRelations.manage"
  | "pressEvents.read"
  | "pressEvents.manage"
  | "mediaRoom.read"
  | "mediaRoom.decide"
  | "mediaCooperation.read"
  | "mediaCooperation.manage"
  | "mediaCooperation.settings"
  | "monitoringArticles.read"
  | "watchlists.manage"
  | "monitoringIntake.enter"
  | "monitoringIntake.social"
  | "monitoringSources.read"
  | "monitoringSources.manage"
  | "monitoringSources.clip"
  | "alerts.read"
  | "alerts.manage"
  | "issues.read"
  | "issues.manage"
  | "briefing.manage";

export function hasAbility(session: SessionView | null | undefined, ability: Ability): boolean {
  return session?.abilities[ability] === true;
}
