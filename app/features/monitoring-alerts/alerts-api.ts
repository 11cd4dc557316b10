/** Alerts, alert rules and the daily briefing; cache keys start with "alerts". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type {
  AlertEventView,
  AlertRuleInput,
  AlertRuleView,
  BriefingSettingsInput,
  BriefingSettingsView,
} from "../../../common/schemas/monitoring-alerts";
import { API_BASE, api, type QueryValue } from "../../api/client";
import { rememberLiveAlert } from "./live-alerts";

export type { AlertEventView, AlertRuleInput, AlertRuleView, BriefingSettingsView };
export const PAGE_SIZE = 20;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAlerts(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["alerts", "events", filters],
    queryFn: () => api<Paged<AlertEventView>>("/alerts", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useAlertRules() {
  return useQuery({ queryKey: ["alerts", "rules"], queryFn: () => api<{ items: AlertRuleView[] }>("/alert-rules") });
}

function useAlertMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }) });
}

export const useSaveRule = () =>
  useAlertMutation(({ id, body }: { id?: string; body: AlertRuleInput }) =>
    id
      ? api<AlertRuleView>(`/alert-rules/${id}`, { method: "PUT", body: { ...body, organizationId: undefined } })
      : api<AlertRuleView>("/alert-rules", { method: "POST", body }),
  );
export const useDisableRule = () => useAlertMutation((id: string) => api<null>(`/alert-rules/${id}`, { method: "DELETE" }));
export const useTestRule = () =>
  useMutation({
    mutationFn: (id: string) =>
      api<{ results: { channel: string; ok: boolean; error: string | null }[] }>(`/alert-rules/${id}/test`, { method: "POST" }),
  });
export const useAcknowledge = () => useAlertMutation((id: string) => api<AlertEventView>(`/alerts/${id}/acknowledge`, { method: "POST" }));

export function useBriefing(organizationId: string | null) {
  return useQuery({
    queryKey: ["alerts", "briefing", organizationId],
    queryFn: () => api<BriefingSettingsView>(`/briefing/${organizationId}`),
    enabled: !!organizationId,
  });
}
export const useSaveBriefing = () =>
  useAlertMutation(({ organizationId, body }: { organizationId: string; body: BriefingSettingsInput }) =>
    api<BriefingSettingsView>(`/briefing/${organizationId}`, { method: "PUT", body }),
  );
export const useSendBriefing = () =>
  useAlertMutation((organizationId: string) => api<{ recipients: number }>(`/briefing/${organizationId}/send`, { method: "POST" }));
export const briefingPreviewUrl = (organizationId: string) => `${API_BASE}/briefing/${organizationId}/preview.pdf`;

/**
 * Live alerts over Server-Sent Events (session cookie): each new alert refreshes the alert lists
 * and the bell at once, and is remembered for useLiveAlerts. EventSource reconnects by itself and
 * sends Last-Event-ID, so nothing is missed across a short drop. Mount it once (the header bell)
 * so each tab holds a single connection.
 */
export function useAlertStream(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(`${API_BASE}/alerts/stream`, { withCredentials: true });
    source.addEventListener("alert", (e) => {
      try {
        const alert = JSON.parse((e as MessageEvent<string>).data) as AlertEventView;
        rememberLiveAlert(queryClient, alert);
      } catch {
        // a malformed event is ignored; the lists refresh anyway
      }
      void queryClient.invalidateQueries({ queryKey: ["alerts", "events"] });
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
    });
    return () => source.close();
  }, [enabled, queryClient]);
}
