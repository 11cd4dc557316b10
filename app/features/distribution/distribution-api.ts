/** Queries and mutations of contact lists and release distribution; cache keys start with "distribution". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ContactListView,
  contactListCount,
  contactListFilters,
  DistributionView,
  distributionPreview,
  RecipientView,
  whatsappText,
} from "../../../common/schemas/distribution";
import { API_BASE, api, type QueryValue, toQueryString } from "../../api/client";

export type { ContactListView, DistributionView, RecipientView };
export type ContactListFilters = z.infer<typeof contactListFilters>;
export type ContactListCount = z.infer<typeof contactListCount>;
export type DistributionPreview = z.infer<typeof distributionPreview>;
export type WhatsappText = z.infer<typeof whatsappText>;

export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useContactLists(filters: Record<string, QueryValue>, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ["distribution", "lists", filters, pageSize],
    queryFn: () => api<Paged<ContactListView>>("/contact-lists", { query: { ...filters, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export interface ListDraft {
  organizationId: string;
  kind: "static" | "dynamic";
  filters?: ContactListFilters;
  journalistIds?: string[];
}

/** The live recipient count of a list being edited (nothing is saved). */
export function useListCount(draft: ListDraft | null) {
  return useQuery({
    queryKey: ["distribution", "count", draft],
    queryFn: () => api<ContactListCount>("/contact-lists/preview", { method: "POST", body: draft }),
    enabled: !!draft?.organizationId,
    placeholderData: keepPreviousData,
  });
}

function useFeatureMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["distribution"] }) });
}

export const useCreateList = () =>
  useFeatureMutation((body: ListDraft & { name: string; description?: string }) =>
    api<ContactListView>("/contact-lists", { method: "POST", body }),
  );
export const useUpdateList = (id: string) =>
  useFeatureMutation((body: { name?: string; description?: string; filters?: ContactListFilters; journalistIds?: string[] }) =>
    api<ContactListView>(`/contact-lists/${id}`, { method: "PATCH", body }),
  );
export const useDeleteList = () => useFeatureMutation((id: string) => api<null>(`/contact-lists/${id}`, { method: "DELETE" }));

export interface SendInput {
  contentId: string;
  listIds: string[];
  subject?: string;
  replyTo?: string | null;
  attachPhotos: boolean;
}

export const usePreviewSend = () =>
  useMutation({ mutationFn: (body: SendInput) => api<DistributionPreview>("/distributions/preview", { method: "POST", body }) });
export const useSend = () => useFeatureMutation((body: SendInput) => api<DistributionView>("/distributions", { method: "POST", body }));

/** Sends of one item; polled while one is still under way so progress moves on screen. */
export function useDistributions(contentId: string) {
  return useQuery({
    queryKey: ["distribution", "sends", contentId],
    queryFn: () => api<Paged<DistributionView>>("/distributions", { query: { contentId, pageSize: 20 } }),
    refetchInterval: (q) => (q.state.data?.items.some((d) => !d.done) ? 3000 : false),
  });
}

export function useRecipients(distributionId: string, filters: Record<string, QueryValue>, live: boolean) {
  return useQuery({
    queryKey: ["distribution", "recipients", distributionId, filters],
    queryFn: () => api<Paged<RecipientView>>(`/distributions/${distributionId}/recipients`, { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3000 : false,
  });
}

export const recipientsCsvUrl = (distributionId: string, filters: Record<string, QueryValue>) =>
  `${API_BASE}/distributions/${distributionId}/recipients.csv${toQueryString(filters)}`;

export function useWhatsappText(contentId: string) {
  return useQuery({
    queryKey: ["distribution", "whatsapp", contentId],
    queryFn: () => api<WhatsappText>(`/distribution/whatsapp/${contentId}`),
  });
}

export interface DistributionSettings {
  organizationId: string;
  ratePerMinute: number;
  replyTo: string | null;
  openTracking: boolean;
  maxAttachmentMb: number;
  inheritedFrom: string | null;
  can: Record<string, boolean>;
}

export function useDistributionSettings(organizationId: string | null) {
  return useQuery({
    queryKey: ["distribution", "settings", organizationId],
    queryFn: () => api<DistributionSettings>("/distribution-settings", { query: { organizationId } }),
    enabled: !!organizationId,
  });
}

export const useSaveDistributionSettings = () =>
  useFeatureMutation((body: Omit<DistributionSettings, "inheritedFrom" | "can">) =>
    api<DistributionSettings>("/distribution-settings", { method: "PUT", body }),
  );
