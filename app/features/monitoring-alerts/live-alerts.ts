/**
 * The alerts that arrived live while the app was open, newest first. The header bell holds the
 * tab's one alert stream and writes here; the alerts page only observes this cache entry, which
 * is never fetched (so invalidating ["alerts"] after an acknowledge keeps it).
 */
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import type { AlertEventView } from "../../../common/schemas/monitoring-alerts";

const KEPT = 50;

export const liveAlertsQuery = queryOptions({
  queryKey: ["alerts", "live"],
  queryFn: (): AlertEventView[] => [],
  enabled: false,
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

export function rememberLiveAlert(queryClient: QueryClient, alert: AlertEventView): void {
  queryClient.setQueryData(liveAlertsQuery.queryKey, (prev = []) => [alert, ...prev.filter((a) => a.id !== alert.id)].slice(0, KEPT));
}

export function useLiveAlerts(): AlertEventView[] {
  return useQuery(liveAlertsQuery).data ?? [];
}
