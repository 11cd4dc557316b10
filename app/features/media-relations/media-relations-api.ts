/** Queries and mutations of media outlets and journalists; cache keys start with "mediaRelations". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createJournalistBody,
  createOutletBody,
  JournalistImportPreview,
  JournalistSummary,
  JournalistView,
  OutletSummary,
  OutletView,
  updateJournalistBody,
  updateOutletBody,
} from "../../../common/schemas/media-relations";
import { API_BASE, api, type QueryValue, toQueryString } from "../../api/client";

export type { JournalistSummary, JournalistView, OutletSummary, OutletView };
export type CreateOutletInput = z.input<typeof createOutletBody>;
export type UpdateOutletInput = z.input<typeof updateOutletBody>;
export type CreateJournalistInput = z.input<typeof createJournalistBody>;
export type UpdateJournalistInput = z.input<typeof updateJournalistBody>;

export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DuplicatePair {
  reason: "name" | "website";
  a: { id: string; name: string; website: string | null; organizationName: string };
  b: { id: string; name: string; website: string | null; organizationName: string };
}

export function useOutlets(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["mediaRelations", "outlets", filters],
    queryFn: () => api<Paged<OutletSummary>>("/media-outlets", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Outlets for pickers (memberships, merge target): one page of 100 matching the search. */
export function useOutletChoices(q: string | undefined) {
  return useQuery({
    queryKey: ["mediaRelations", "outletChoices", q ?? ""],
    queryFn: () => api<Paged<OutletSummary>>("/media-outlets", { query: { q, pageSize: 100 } }),
    placeholderData: keepPreviousData,
  });
}

export function useOutlet(id: string) {
  return useQuery({ queryKey: ["mediaRelations", "outlet", id], queryFn: () => api<OutletView>(`/media-outlets/${id}`) });
}

export function useDuplicatePairs(enabled: boolean) {
  return useQuery({
    queryKey: ["mediaRelations", "duplicates"],
    queryFn: () => api<{ items: DuplicatePair[] }>("/media-outlets/duplicates"),
    enabled,
  });
}

export function useJournalists(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["mediaRelations", "journalists", filters],
    queryFn: () => api<Paged<JournalistSummary> & { totalCapped: boolean }>("/journalists", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One outlet's journalists for a picker: a single page at the server's maximum (100), asked only
 * once an outlet is chosen. No placeholder data, so another outlet's staff never shows meanwhile.
 */
export function useOutletJournalists(outletId: string | null) {
  return useQuery({
    queryKey: ["mediaRelations", "journalists", { outletId, pageSize: 100 }],
    queryFn: () => api<Paged<JournalistSummary>>("/journalists", { query: { outletId, pageSize: 100 } }),
    enabled: !!outletId,
  });
}

export function useJournalist(id: string) {
  return useQuery({ queryKey: ["mediaRelations", "journalist", id], queryFn: () => api<JournalistView>(`/journalists/${id}`) });
}

/** Every write invalidates the whole feature cache: lists, details and duplicate pairs move together. */
function useFeatureMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["mediaRelations"] }) });
}

export const useCreateOutlet = () =>
  useFeatureMutation((body: CreateOutletInput) => api<OutletView>("/media-outlets", { method: "POST", body }));
export const useUpdateOutlet = (id: string) =>
  useFeatureMutation((body: UpdateOutletInput) => api<OutletView>(`/media-outlets/${id}`, { method: "PATCH", body }));
export const useMergeOutlet = () =>
  useFeatureMutation(({ id, intoId }: { id: string; intoId: string }) =>
    api<OutletView>(`/media-outlets/${id}/merge`, { method: "POST", body: { intoId } }),
  );
export const useUploadDocument = (id: string) =>
  useFeatureMutation((form: FormData) => api<OutletView>(`/media-outlets/${id}/documents`, { method: "POST", body: form }));
export const useRemoveDocument = (id: string) =>
  useFeatureMutation((documentId: string) => api<OutletView>(`/media-outlets/${id}/documents/${documentId}`, { method: "DELETE" }));

export const useCreateJournalist = () =>
  useFeatureMutation((body: CreateJournalistInput) => api<JournalistView>("/journalists", { method: "POST", body }));
export const useUpdateJournalist = (id: string) =>
  useFeatureMutation((body: UpdateJournalistInput) => api<JournalistView>(`/journalists/${id}`, { method: "PATCH", body }));
export const useAddNote = (id: string) =>
  useFeatureMutation((body: { text: string; occurredOn?: string }) =>
    api<JournalistView>(`/journalists/${id}/notes`, { method: "POST", body }),
  );
export const useEraseJournalist = (id: string) =>
  useFeatureMutation((reason: string) => api<JournalistView>(`/journalists/${id}/erase`, { method: "POST", body: { reason } }));

/** The PDP export as a file the user saves and hands to the person. */
export async function downloadPersonalData(id: string, name: string) {
  const data = await api<unknown>(`/journalists/${id}/personal-data`);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `data-pribadi-${name.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

export type { JournalistImportPreview };

export const usePreviewJournalistImport = () =>
  useMutation({
    mutationFn: ({ organizationId, file }: { organizationId: string; file: File }) => {
      // The organization goes before the file: the server reads fields preceding the file part.
      const form = new FormData();
      form.append("organizationId", organizationId);
      form.append("file", file);
      return api<JournalistImportPreview>("/journalists/import/preview", {
        method: "POST",
        body: form,
      });
    },
  });
export const useCommitJournalistImport = () =>
  useFeatureMutation((token: string) => api<{ created: number }>("/journalists/import/commit", { method: "POST", body: { token } }));

export const journalistExportUrl = (format: "xlsx" | "csv", filters: Record<string, QueryValue>) => {
  const { page: _p, ...rest } = filters;
  return `${API_BASE}/journalists/export.${format}${toQueryString(rest)}`;
};
