/** Issues (isu): board, detail, changes, notes, content links, SLA; cache keys start with "issues". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateIssueInput,
  IssueDetailView,
  IssueOptionsView,
  IssueSuggestionView,
  IssueView,
  UpdateIssueInput,
} from "../../../common/schemas/media-issues";
import { api, type QueryValue } from "../../api/client";

export type { IssueDetailView, IssueView };
export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useIssues(filters: Record<string, QueryValue>, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ["issues", "list", filters, pageSize],
    queryFn: () => api<Paged<IssueView>>("/media-issues", { query: { ...filters, pageSize } }),
    placeholderData: keepPreviousData,
    // The SLA countdown and escalations move with time: refresh the board every minute.
    refetchInterval: 60_000,
  });
}

export function useIssue(id: string) {
  return useQuery({ queryKey: ["issues", "detail", id], queryFn: () => api<IssueDetailView>(`/media-issues/${id}`) });
}

export function useIssueOptions(id: string, q: string | undefined) {
  return useQuery({
    queryKey: ["issues", "options", id, q ?? ""],
    queryFn: () => api<IssueOptionsView>(`/media-issues/${id}/options`, { query: { q } }),
    placeholderData: keepPreviousData,
  });
}

export function useIssueSuggestion(source: { articleId?: string; clusterId?: string; alertId?: string } | null) {
  return useQuery({
    queryKey: ["issues", "suggest", source],
    queryFn: () => api<IssueSuggestionView>("/media-issues/suggest", { query: source ?? {} }),
    enabled: !!source,
    retry: false,
  });
}

function useIssueMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["issues"] }) });
}

export const useCreateIssue = () =>
  useIssueMutation((body: CreateIssueInput) => api<IssueDetailView>("/media-issues", { method: "POST", body }));
export const useUpdateIssue = (id: string) =>
  useIssueMutation((body: UpdateIssueInput) => api<IssueDetailView>(`/media-issues/${id}`, { method: "PATCH", body }));
export const useAddNote = (id: string) =>
  useIssueMutation((text: string) => api<IssueDetailView>(`/media-issues/${id}/notes`, { method: "POST", body: { text } }));
export const useLinkContent = (id: string) =>
  useIssueMutation((body: { contentItemId: string; role: "klarifikasi" | "siaran_pers" }) =>
    api<IssueDetailView>(`/media-issues/${id}/content`, { method: "POST", body }),
  );
export const useUnlinkContent = (id: string) =>
  useIssueMutation((contentItemId: string) => api<IssueDetailView>(`/media-issues/${id}/content/${contentItemId}`, { method: "DELETE" }));
