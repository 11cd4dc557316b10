/** In-app notifications (waiting for approval, returns, mentions, channel alerts); polled, not pushed yet. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { markReadBody, notificationList } from "../../../common/schemas/content";
import { api } from "../../api/client";

export type NotificationList = z.infer<typeof notificationList>;
export type NotificationItem = NotificationList["items"][number];

export const POLL_MS = 30_000;

export function useNotifications() {
  return useQuery({
    queryKey: ["notifications", "list"],
    queryFn: () => api<NotificationList>("/notifications", { query: { page: 1, pageSize: 20 } }),
    // Live updates are a later improvement; until then the bell asks every 30 s. A failing
    // endpoint (not deployed yet, signed out) stops the polling instead of hammering it.
    refetchInterval: (query) => (query.state.status === "error" ? false : POLL_MS),
    refetchIntervalInBackground: false,
    retry: false,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof markReadBody>) => api<unknown>("/notifications/read", { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
