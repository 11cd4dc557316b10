/** Calls of "My account". Profile changes answer a fresh SessionView that replaces the cached one. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Locale } from "../../../common/roles";
import type { sessionItem, twoFactorSetupView } from "../../../common/schemas/auth";
import { api } from "../../api/client";
import { SESSION_KEY, type SessionView, storeSession } from "../auth/session";

export type SessionItem = z.infer<typeof sessionItem>;
export type TwoFactorSetup = z.infer<typeof twoFactorSetupView>;

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; phone?: string | null; locale?: Locale }) => api<SessionView>("/me", { method: "PATCH", body }),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>("/me/password", { method: "POST", body }),
  });
}

/** 2FA changes do not return the session; refetch it so `twoFactorEnabled` is current. */
function useRefreshSession() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}

export function useTwoFactorSetup() {
  return useMutation({ mutationFn: () => api<TwoFactorSetup>("/me/two-factor/setup", { method: "POST" }) });
}

export function useEnableTwoFactor() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (code: string) => api<void>("/me/two-factor/enable", { method: "POST", body: { code } }),
    onSuccess: refresh,
  });
}

export function useDisableTwoFactor() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (password: string) => api<void>("/me/two-factor/disable", { method: "POST", body: { password } }),
    onSuccess: refresh,
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: ["me", "sessions"],
    queryFn: () => api<{ items: SessionItem[] }>("/me/sessions"),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/sessions/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}
