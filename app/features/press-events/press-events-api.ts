/** Queries and mutations of press events; cache keys start with "pressEvents". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PressEventKind, PressEventStatus, RsvpAnswer } from "../../../common/press-events-enums";
import type {
  coverageView,
  createPressEventBody,
  InvitationView,
  PressEventSummary,
  PressEventView,
  rsvpCounts,
  updatePressEventBody,
} from "../../../common/schemas/press-events";
import { API_BASE, api } from "../../api/client";

export type { InvitationView, PressEventSummary, PressEventView, RsvpAnswer };
export type CoverageView = z.infer<typeof coverageView>;
export type RsvpCounts = z.infer<typeof rsvpCounts>;
export type CreatePressEventInput = z.input<typeof createPressEventBody>;
export type UpdatePressEventInput = z.input<typeof updatePressEventBody>;

export const PAGE_SIZE = 20;

export interface PressEventFilters {
  q?: string;
  kind?: PressEventKind;
  status?: PressEventStatus;
  organizationId?: string;
  from?: string;
  to?: string;
  sort?: "starts" | "-starts";
  page?: number;
}

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function usePressEvents(filters: PressEventFilters) {
  return useQuery({
    queryKey: ["pressEvents", "list", filters],
    queryFn: () => api<Paged<PressEventSummary>>("/press-events", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function usePressEvent(id: string) {
  return useQuery({ queryKey: ["pressEvents", "event", id], queryFn: () => api<PressEventView>(`/press-events/${id}`) });
}

/** The guest list refreshes every 10 s: the door checks guests in while others watch the counts. */
export function useInvitations(id: string) {
  return useQuery({
    queryKey: ["pressEvents", "invitations", id],
    queryFn: () => api<{ items: InvitationView[]; counts: RsvpCounts }>(`/press-events/${id}/invitations`),
    refetchInterval: 10_000,
  });
}

export function useCoverage(id: string) {
  return useQuery({
    queryKey: ["pressEvents", "coverage", id],
    queryFn: () => api<{ items: CoverageView[] }>(`/press-events/${id}/coverage`),
  });
}

/** Every write invalidates the feature's cache: the event, its counts and lists move together. */
function useFeatureMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["pressEvents"] }) });
}

export const useCreatePressEvent = () =>
  useFeatureMutation((body: CreatePressEventInput) => api<PressEventView>("/press-events", { method: "POST", body }));
export const useUpdatePressEvent = (id: string) =>
  useFeatureMutation((body: UpdatePressEventInput) => api<PressEventView>(`/press-events/${id}`, { method: "PATCH", body }));
export const useChangeStatus = (id: string) =>
  useFeatureMutation((status: "invited" | "held" | "cancelled") =>
    api<PressEventView>(`/press-events/${id}/status`, { method: "POST", body: { status } }),
  );
export const useInvite = (id: string) =>
  useFeatureMutation((journalistIds: string[]) =>
    api<{ added: number; skipped: number }>(`/press-events/${id}/invitations`, { method: "POST", body: { journalistIds } }),
  );
export const useSendInvitations = (id: string) =>
  useFeatureMutation(() => api<{ emailed: number }>(`/press-events/${id}/invitations/send`, { method: "POST" }));
export const useUninvite = (id: string) =>
  useFeatureMutation((invitationId: string) => api<null>(`/press-events/${id}/invitations/${invitationId}`, { method: "DELETE" }));

type CheckInResult = { invitation: InvitationView; alreadyCheckedIn: boolean };
export const useCheckInByCode = (id: string) =>
  useFeatureMutation((code: string) => api<CheckInResult>(`/press-events/${id}/check-in`, { method: "POST", body: { code } }));
export const useCheckInById = (id: string) =>
  useFeatureMutation((invitationId: string) =>
    api<CheckInResult>(`/press-events/${id}/invitations/${invitationId}/check-in`, { method: "POST" }),
  );
export const useWalkIn = (id: string) =>
  useFeatureMutation((body: { journalistId?: string; name?: string; outlet?: string | null }) =>
    api<InvitationView>(`/press-events/${id}/walk-ins`, { method: "POST", body }),
  );
export const useAddCoverage = (id: string) =>
  useFeatureMutation((body: { url: string; title: string; outletId?: string | null; publishedAt: string }) =>
    api<CoverageView>(`/press-events/${id}/coverage`, { method: "POST", body }),
  );
export const useRemoveCoverage = (id: string) =>
  useFeatureMutation((coverageId: string) => api<null>(`/press-events/${id}/coverage/${coverageId}`, { method: "DELETE" }));

export const cardsUrl = (id: string, invitationId?: string) =>
  `${API_BASE}/press-events/${id}/cards.pdf${invitationId ? `?invitationId=${invitationId}` : ""}`;
