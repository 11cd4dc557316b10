/** Reports: officer report links, the agency recap export (a background job) and its polling. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ReportExportView, reportExportList } from "../../../common/schemas/reports";
import { API_BASE, api, toQueryString } from "../../api/client";
import type { SessionView } from "../auth/session";

export type { ReportExportView };

type ExportList = z.infer<typeof reportExportList>;

const EXPORTS_KEY = ["report-exports"] as const;

/** Download links: plain GETs with the session cookie, so the browser saves the file itself. */
export const officerReportUrl = (officerId: string, format: "pdf" | "xlsx", from: string, to: string) =>
  `${API_BASE}/officers/${officerId}/report.${format}${toQueryString({ from, to })}`;
export const exportFileUrl = (id: string) => `${API_BASE}/reports/exports/${id}/file`;

/**
 * The reports page is for people who read officers beyond themselves: registry keepers
 * (officers.create) and leaders or viewers by grant. The server checks each recap anyway.
 */
export function canUseReports(session: SessionView | null | undefined): boolean {
  if (!session) return false;
  return session.abilities["officers.create"] === true || session.grants.some((g) => g.role === "leader" || g.role === "viewer");
}

export function useReportExports() {
  return useQuery({
    queryKey: EXPORTS_KEY,
    queryFn: () => api<ExportList>("/reports/exports"),
  });
}

const running = (e: ReportExportView | undefined) => e?.status === "queued" || e?.status === "running";

/** Polls an export every second while it is queued or running. */
export function useReportExport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...EXPORTS_KEY, id],
    queryFn: async () => {
      const view = await api<ReportExportView>(`/reports/exports/${id}`);
      if (!running(view)) void queryClient.invalidateQueries({ queryKey: EXPORTS_KEY, exact: true });
      return view;
    },
    enabled: id !== null,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

export function useCreateRecap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizationId: string; year: number }) => api<{ id: string }>("/reports/recap", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXPORTS_KEY, exact: true }),
  });
}
