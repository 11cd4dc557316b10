/** Articles, tone corrections and watchlists of media monitoring; cache keys start with "monitoringArticles". */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { TONES } from "../../../common/monitoring-article-enums";
import type {
  articlePage,
  articleSummary,
  articleView,
  watchlistBody,
  watchlistEntry,
  watchlistView,
} from "../../../common/schemas/monitoring-articles";
import { API_BASE, api, type QueryValue, toQueryString } from "../../api/client";

export type ArticleSummary = z.infer<typeof articleSummary>;
export type ArticleView = z.infer<typeof articleView>;
export type ArticlePage = z.infer<typeof articlePage>;
export type Tone = (typeof TONES)[number];
export type WatchlistView = z.infer<typeof watchlistView>;
export type WatchlistEntry = z.infer<typeof watchlistEntry>;
export type WatchlistInput = z.input<typeof watchlistBody>;

export interface WatchlistPreview {
  query: string;
  days: number;
  total: number;
  scanned: number;
  truncated: boolean;
  perDay: { date: string; count: number }[];
  toneCounts: Record<Tone, number>;
  items: { id: string; title: string; url: string; outletName: string | null; publishedAt: string; tone: Tone; snippet: string }[];
}

export const PAGE_SIZE = 25;

/** Keyset pages: "load more" appends the next page after the last one. */
export function useArticles(filters: Record<string, QueryValue>) {
  return useInfiniteQuery({
    queryKey: ["monitoringArticles", "list", filters],
    queryFn: ({ pageParam }) => api<ArticlePage>("/monitoring/articles", { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useArticle(id: string | null) {
  return useQuery({
    queryKey: ["monitoringArticles", "article", id],
    queryFn: () => api<ArticleView>(`/monitoring/articles/${id}`),
    enabled: !!id,
  });
}

export function useCorrectTone(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ watchlistId, tone }: { watchlistId: string; tone: Tone }) =>
      api<ArticleView>(`/monitoring/articles/${articleId}/mentions/${watchlistId}/tone`, { method: "PUT", body: { tone } }),
    onSuccess: (view) => {
      qc.setQueryData(["monitoringArticles", "article", articleId], view);
      void qc.invalidateQueries({ queryKey: ["monitoringArticles", "list"] });
    },
  });
}

export const articleExportUrl = (format: "csv" | "xlsx", filters: Record<string, QueryValue>) =>
  `${API_BASE}/monitoring/articles/export${toQueryString({ ...filters, format })}`;

export function useWatchlists(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["monitoringArticles", "watchlists", filters],
    queryFn: () => api<{ items: WatchlistView[] }>("/monitoring/watchlists", { query: filters }),
    placeholderData: keepPreviousData,
  });
}

function useWatchlistMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["monitoringArticles"] }) });
}

export const useCreateWatchlist = () =>
  useWatchlistMutation((body: WatchlistInput) => api<WatchlistView>("/monitoring/watchlists", { method: "POST", body }));
export const useUpdateWatchlist = () =>
  useWatchlistMutation(({ id, ...body }: Partial<WatchlistInput> & { id: string }) => {
    const { organizationId: _o, ...rest } = body;
    return api<WatchlistView>(`/monitoring/watchlists/${id}`, { method: "PATCH", body: rest });
  });
export const useDeleteWatchlist = () =>
  useWatchlistMutation((id: string) => api<void>(`/monitoring/watchlists/${id}`, { method: "DELETE" }));

export const checkWatchlist = (entries: WatchlistEntry[]) =>
  api<{ query: string; toneTerms: string[] }>("/monitoring/watchlists/check", { method: "POST", body: { entries } });
export const previewWatchlist = (body: { organizationId: string; entries: WatchlistEntry[]; days: number }) =>
  api<WatchlistPreview>("/monitoring/watchlists/preview", { method: "POST", body });
