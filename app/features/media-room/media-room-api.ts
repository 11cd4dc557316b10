/** Queries and mutations of the media room's staff side; cache keys start with "mediaRoom". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EmbargoViewRow, MediaRoomAccountView } from "../../../common/schemas/media-room";
import { api, type QueryValue } from "../../api/client";

export type { EmbargoViewRow, MediaRoomAccountView };
export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useMediaRoomAccounts(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["mediaRoom", "accounts", filters],
    queryFn: () => api<Paged<MediaRoomAccountView>>("/media-room/accounts", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useEmbargoViews(filters: Record<string, QueryValue>, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ["mediaRoom", "embargoViews", filters, pageSize],
    queryFn: () => api<Paged<EmbargoViewRow>>("/media-room/embargo-views", { query: { ...filters, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

function useRoomMutation<TVars>(fn: (vars: TVars) => Promise<unknown>) {
  const qc = useQueryClient();
  // Approving may create a journalist record: the media relations lists move too.
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ["mediaRoom"] }), qc.invalidateQueries({ queryKey: ["mediaRelations"] })]),
  });
}

export const useApproveAccount = () =>
  useRoomMutation(({ id, journalistId, createJournalist }: { id: string; journalistId?: string | null; createJournalist?: boolean }) =>
    api<MediaRoomAccountView>(`/media-room/accounts/${id}/approve`, { method: "POST", body: { journalistId, createJournalist } }),
  );
export const useRejectAccount = () =>
  useRoomMutation(({ id, reason }: { id: string; reason: string }) =>
    api<MediaRoomAccountView>(`/media-room/accounts/${id}/reject`, { method: "POST", body: { reason } }),
  );
export const useDeactivateAccount = () =>
  useRoomMutation(({ id, reason }: { id: string; reason?: string }) =>
    api<MediaRoomAccountView>(`/media-room/accounts/${id}/deactivate`, { method: "POST", body: { reason: reason || undefined } }),
  );
