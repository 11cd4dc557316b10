/** Queries and mutations of campaigns and amplification requests; cache keys start with "campaigns"/"amplifications". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AmplificationInboxItem,
  CampaignReport,
  CampaignSummary,
  CampaignView,
  ContentAmplifications,
  createCampaignBody,
  updateCampaignBody,
} from "../../../common/schemas/campaigns";
import { API_BASE, api } from "../../api/client";

export type { AmplificationInboxItem, CampaignReport, CampaignSummary, CampaignView, ContentAmplifications };
export type CreateCampaignInput = z.input<typeof createCampaignBody>;
export type UpdateCampaignInput = z.input<typeof updateCampaignBody>;

export const CAMPAIGNS_PAGE_SIZE = 20;

export interface CampaignFilters {
  q?: string;
  active?: "true" | "false";
  period?: "current" | "upcoming" | "past";
  page?: number;
}

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useCampaigns(filters: CampaignFilters) {
  return useQuery({
    queryKey: ["campaigns", "list", filters],
    queryFn: () => api<Paged<CampaignSummary>>("/campaigns", { query: { ...filters, pageSize: CAMPAIGNS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Every campaign the user can see (for the calendar filter): at most one page of 100. */
export function useCampaignChoices() {
  return useQuery({
    queryKey: ["campaigns", "choices"],
    queryFn: () => api<Paged<CampaignSummary>>("/campaigns", { query: { pageSize: 100 } }),
    staleTime: 5 * 60_000,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: ["campaigns", "detail", id], queryFn: () => api<CampaignView>(`/campaigns/${id}`) });
}

export function useCampaignReport(id: string) {
  return useQuery({ queryKey: ["campaigns", "report", id], queryFn: () => api<CampaignReport>(`/campaigns/${id}/report`) });
}

export const campaignReportXlsxUrl = (id: string) => `${API_BASE}/campaigns/${id}/report.xlsx`;

/** Mutations answer a fresh CampaignView: cache it and refresh the lists. */
function useCampaignMutation<T>(request: (input: T) => Promise<CampaignView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      queryClient.setQueryData(["campaigns", "detail", view.id], view);
      void queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    },
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((body: CreateCampaignInput) => api<CampaignView>("/campaigns", { method: "POST", body }));

export const useUpdateCampaign = () =>
  useCampaignMutation(async (input: { id: string; body: UpdateCampaignInput; organizationIds?: string[] }) => {
    const view = await api<CampaignView>(`/campaigns/${input.id}`, { method: "PATCH", body: input.body });
    if (!input.organizationIds) return view;
    return api<CampaignView>(`/campaigns/${input.id}/assignments`, { method: "PUT", body: { organizationIds: input.organizationIds } });
  });

export const useDeactivateCampaign = () =>
  useCampaignMutation((id: string) => api<CampaignView>(`/campaigns/${id}/deactivate`, { method: "POST" }));

// ── Amplification ─────────────────────────────────────────────────────────────────────────────

export function useContentAmplifications(contentId: string) {
  return useQuery({
    queryKey: ["amplifications", "content", contentId],
    queryFn: () => api<ContentAmplifications>(`/content/${contentId}/amplifications`),
  });
}

export function useRequestAmplification(contentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizationIds: string[]; message: string }) =>
      api<ContentAmplifications>(`/content/${contentId}/amplifications`, { method: "POST", body }),
    onSuccess: (view) => queryClient.setQueryData(["amplifications", "content", contentId], view),
  });
}

export const AMPLIFICATIONS_PAGE_SIZE = 20;

export function useAmplificationInbox(status: "pending" | "shared" | undefined, page: number) {
  return useQuery({
    queryKey: ["amplifications", "inbox", status ?? "all", page],
    queryFn: () => api<Paged<AmplificationInboxItem>>("/amplifications", { query: { status, page, pageSize: AMPLIFICATIONS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkShared() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; url: string }) =>
      api<AmplificationInboxItem>(`/amplifications/${input.id}/shared`, { method: "POST", body: { url: input.url } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["amplifications"] }),
  });
}
