/** Monitoring analytics: one query per filter set; the export links reuse the same filters. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AnalyticsView } from "../../../common/schemas/monitoring-analytics";
import { API_BASE, api, type QueryValue, toQueryString } from "../../api/client";

export type { AnalyticsView };

export function useAnalytics(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["monitoringArticles", "analytics", filters],
    queryFn: () => api<AnalyticsView>("/monitoring/analytics", { query: filters }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const analyticsExportUrl = (format: "xlsx" | "pdf", filters: Record<string, QueryValue>) =>
  `${API_BASE}/monitoring/analytics/export${toQueryString({ ...filters, format })}`;
