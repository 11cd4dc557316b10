/** Queries and mutations of monitoring sources (Sumber); cache keys start with "monitoringSources". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ErrorCode } from "../../../common/i18n/errors";
import { errorMessage } from "../../../common/i18n/errors";
import type {
  ClippingAnswer,
  clippingBody,
  createSourceBody,
  FetchLogEntry,
  SourceSummary,
  SourceView,
  updateSourceBody,
} from "../../../common/schemas/monitoring-sources";
import { api, type QueryValue } from "../../api/client";
import i18n from "../../i18n";

export type { ClippingAnswer, FetchLogEntry, SourceSummary, SourceView };
export type CreateSourceInput = z.input<typeof createSourceBody>;
export type UpdateSourceInput = z.input<typeof updateSourceBody>;
export type ClippingInput = z.input<typeof clippingBody>;

export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useSources(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["monitoringSources", "list", filters],
    queryFn: () => api<Paged<SourceSummary>>("/monitoring/sources", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** A source; while a fetch runs it is polled every 2 s so the page shows the progress. */
export function useSource(id: string) {
  return useQuery({
    queryKey: ["monitoringSources", "source", id],
    queryFn: () => api<SourceView>(`/monitoring/sources/${id}`),
    refetchInterval: (q) => (q.state.data?.running ? 2000 : false),
  });
}

export function useFetchLog(id: string, page: number, running: boolean) {
  return useQuery({
    queryKey: ["monitoringSources", "fetches", id, page],
    queryFn: () => api<Paged<FetchLogEntry>>(`/monitoring/sources/${id}/fetches`, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    refetchInterval: running ? 2000 : false,
  });
}

function useFeatureMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["monitoringSources"] }) });
}

export const useCreateSource = () =>
  useFeatureMutation((body: CreateSourceInput) => api<SourceView>("/monitoring/sources", { method: "POST", body }));
export const useUpdateSource = (id: string) =>
  useFeatureMutation((body: UpdateSourceInput) => api<SourceView>(`/monitoring/sources/${id}`, { method: "PATCH", body }));
export const useDeleteSource = () => useFeatureMutation((id: string) => api<null>(`/monitoring/sources/${id}`, { method: "DELETE" }));
export const useFetchNow = () =>
  useFeatureMutation((id: string) => api<{ queued: boolean; source: SourceView }>(`/monitoring/sources/${id}/fetch`, { method: "POST" }));
export const useClip = () =>
  useFeatureMutation((body: ClippingInput) => api<ClippingAnswer>("/monitoring/clippings", { method: "POST", body }));

/** The localized text of an error code stored on a source or in its log (falls back to the raw text). */
export function fetchErrorText(code: string | null, raw: string | null): string | null {
  if (!code) return raw;
  const params = { status: /HTTP (\d+)/.exec(raw ?? "")?.[1] ?? "", reason: raw ?? "" };
  try {
    return errorMessage(i18n.language === "en" ? "en" : "id", code as ErrorCode, params);
  } catch {
    return raw ?? code;
  }
}
