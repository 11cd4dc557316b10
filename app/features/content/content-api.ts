/** Queries and mutations of the content studio; every cache key starts with "content". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { z } from "zod";
import type { TimeZoneCode } from "../../../common/roles";
import type { campaignList } from "../../../common/schemas/campaigns";
import type {
  ContentStatus,
  ContentType,
  commentBody,
  commentList,
  contentList,
  contentView,
  createContentBody,
  scheduleBody,
  updateContentBody,
  versionDiff,
  versionList,
} from "../../../common/schemas/content";
import { api } from "../../api/client";
import { type OrganizationView, useOrganizations } from "../organizations/organizations-api";

export type { ContentStatus, ContentType };
export type ContentView = z.infer<typeof contentView>;
export type ContentList = z.infer<typeof contentList>;
export type ContentSummary = ContentList["items"][number];
export type ContentEvent = ContentView["events"][number];
export type ReviewStep = ContentView["review"][number];
export type Publication = ContentView["publications"][number];
export type CreateContentBody = z.input<typeof createContentBody>;
export type UpdateContentBody = z.input<typeof updateContentBody>;
export type ScheduleBody = z.input<typeof scheduleBody>;
export type CommentBody = z.input<typeof commentBody>;
export type ContentComment = z.infer<typeof commentList>["items"][number];
export type VersionList = z.infer<typeof versionList>;
export type VersionDiff = z.infer<typeof versionDiff>;

export const CONTENT_SORTS = ["-updated", "updated", "title", "-title", "-published", "published"] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];
export const CONTENT_PAGE_SIZE = 20;

export interface ContentFilters {
  q?: string;
  status?: ContentStatus;
  type?: ContentType;
  organizationId?: string;
  mine?: boolean;
  sort?: ContentSort;
  page?: number;
}

export function useContentList(filters: ContentFilters, enabled = true) {
  return useQuery({
    queryKey: ["content", "list", filters],
    queryFn: () =>
      api<ContentList>("/content", {
        query: { ...filters, mine: filters.mine ? "true" : undefined, pageSize: CONTENT_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Items waiting for the signed-in user's approval ("Menunggu saya"). */
export function useContentQueue(page: number, enabled = true) {
  return useQuery({
    queryKey: ["content", "queue", page],
    queryFn: () => api<ContentList>("/content/queue", { query: { page, pageSize: CONTENT_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Polled so the navigation badge follows new submissions; only the total is needed. */
export function useContentQueueCount(enabled = true) {
  return useQuery({
    queryKey: ["content", "queue-count"],
    queryFn: async () => (await api<ContentList>("/content/queue", { query: { pageSize: 1 } })).total,
    refetchInterval: (query) => (query.state.status === "error" ? false : 60_000),
    staleTime: 30_000,
    retry: false,
    enabled,
  });
}

export function useContent(id: string | null) {
  return useQuery({
    queryKey: ["content", "detail", id],
    queryFn: () => api<ContentView>(`/content/${id}`),
    enabled: id !== null,
  });
}

export function useVersions(id: string) {
  return useQuery({ queryKey: ["content", "versions", id], queryFn: () => api<VersionList>(`/content/${id}/versions`) });
}

export function useVersionDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ["content", "diff", id, from, to],
    queryFn: () => api<VersionDiff>(`/content/${id}/diff`, { query: { from, to } }),
    enabled: from !== null && to !== null && from !== to,
    placeholderData: keepPreviousData,
  });
}

export function useComments(id: string) {
  return useQuery({
    queryKey: ["content", "comments", id],
    queryFn: () => api<{ items: ContentComment[] }>(`/content/${id}/comments`),
  });
}

/**
 * Times are shown in the zone of the organization that owns the item (DESIGN: the UI shows
 * local time). The zone is on the organization record, read from the cached organization list.
 */
export function useZoneLookup(): (organizationId: string) => TimeZoneCode {
  const organizations = useOrganizations();
  const zones = useMemo(() => new Map((organizations.data?.items ?? []).map((o) => [o.id, o.timeZone])), [organizations.data]);
  return useCallback((organizationId: string) => zones.get(organizationId) ?? "WIB", [zones]);
}

/** One organization's zone: from the list, else its own record (GET /organizations/:id). */
export function useOrganizationTimeZone(organizationId: string | null | undefined): TimeZoneCode {
  const organizations = useOrganizations();
  const listed = organizations.data?.items.find((o) => o.id === organizationId)?.timeZone;
  const org = useQuery({
    queryKey: ["organizations", "detail", organizationId],
    queryFn: () => api<OrganizationView>(`/organizations/${organizationId}`),
    enabled: !!organizationId && organizations.isFetched && !listed,
    staleTime: 10 * 60_000,
  });
  return listed ?? org.data?.timeZone ?? "WIB";
}

/** Campaigns the organization may use; the picker shows only when the list answers (and has any). */
export function useCampaignOptions(organizationId: string | null) {
  return useQuery({
    queryKey: ["campaigns", "picker", organizationId],
    queryFn: async () => {
      const list = await api<z.infer<typeof campaignList>>("/campaigns", { query: { organizationId, pageSize: 100 } });
      return list.items.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (${c.endsOn})` }));
    },
    enabled: !!organizationId,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** Mutations that answer a fresh ContentView: cache it and refresh lists, queue and history. */
function useViewMutation<TInput>(request: (input: TInput) => Promise<ContentView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (item) => {
      queryClient.setQueryData(["content", "detail", item.id], item);
      void queryClient.invalidateQueries({ queryKey: ["content"], predicate: (q) => q.queryKey[1] !== "detail" });
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
}

export function useCreateContent() {
  return useViewMutation((body: CreateContentBody) => api<ContentView>("/content", { method: "POST", body }));
}

export function useUpdateContent() {
  return useViewMutation(({ id, body }: { id: string; body: UpdateContentBody }) =>
    api<ContentView>(`/content/${id}`, { method: "PATCH", body }),
  );
}

export type WorkflowAction = "submit" | "approve" | "return" | "unschedule" | "archive";

export function useWorkflowAction() {
  return useViewMutation(({ id, action, note }: { id: string; action: WorkflowAction; note?: string }) =>
    api<ContentView>(`/content/${id}/${action}`, { method: "POST", body: note ? { note } : {} }),
  );
}

export function useScheduleContent() {
  return useViewMutation(({ id, body }: { id: string; body: ScheduleBody }) =>
    api<ContentView>(`/content/${id}/schedule`, { method: "POST", body }),
  );
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The answer is the whole thread, so the list is replaced at once.
    mutationFn: (body: CommentBody) => api<{ items: ContentComment[] }>(`/content/${id}/comments`, { method: "POST", body }),
    onSuccess: (thread) => queryClient.setQueryData(["content", "comments", id], thread),
  });
}
