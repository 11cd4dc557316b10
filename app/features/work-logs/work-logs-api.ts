/** Queries and mutations for work logs (catatan hasil kerja); every cache key starts with "work-logs". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { officerList } from "../../../common/schemas/officers";
import type {
  addLinkEvidenceBody,
  batchResult,
  createWorkLogBody,
  queueCount,
  updateWorkLogBody,
  WorkLogStatus,
  WorkLogView,
  workLogList,
} from "../../../common/schemas/work-logs";
import { api } from "../../api/client";
import { useSession } from "../auth/session";

export type { WorkLogStatus, WorkLogView };
export type WorkLogList = z.infer<typeof workLogList>;
export type WorkLogSummary = WorkLogList["items"][number];
export type Evidence = WorkLogView["evidence"][number];
export type WorkLogEvent = WorkLogView["events"][number];
export type CreateWorkLogBody = z.input<typeof createWorkLogBody>;
export type UpdateWorkLogBody = z.input<typeof updateWorkLogBody>;
export type LinkEvidenceBody = z.input<typeof addLinkEvidenceBody>;
export type BatchResult = z.infer<typeof batchResult>;
type OfficerSummary = z.infer<typeof officerList>["items"][number];

export const WORK_LOGS_PAGE_SIZE = 20;
export const QUEUE_PAGE_SIZE = 25;

export interface WorkLogFilters {
  officerId?: string;
  status?: WorkLogStatus;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
}

export function useWorkLogs(filters: WorkLogFilters, enabled = true) {
  return useQuery({
    queryKey: ["work-logs", "list", filters],
    queryFn: () => api<WorkLogList>("/work-logs", { query: { pageSize: WORK_LOGS_PAGE_SIZE, ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWorkLog(id: string | null) {
  return useQuery({
    queryKey: ["work-logs", "detail", id],
    queryFn: () => api<WorkLogView>(`/work-logs/${id}`),
    enabled: id !== null,
  });
}

export function useVerificationQueue(page: number) {
  return useQuery({
    queryKey: ["work-logs", "queue", page],
    queryFn: () => api<WorkLogList>("/work-logs/queue", { query: { page, pageSize: QUEUE_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Polled every minute so the navigation badge follows new submissions. */
export function useQueueCount(enabled = true) {
  return useQuery({
    queryKey: ["work-logs", "queue-count"],
    queryFn: () => api<z.infer<typeof queueCount>>("/work-logs/queue/count"),
    refetchInterval: 60_000,
    staleTime: 30_000,
    enabled,
  });
}

/**
 * The signed-in user's own officer record: an officer sees only their own record, a supervisor
 * also their team, so the one whose userId is the session user is picked.
 */
export function useMyOfficer() {
  const session = useSession();
  return useQuery({
    queryKey: ["work-logs", "my-officer", session.user.id],
    queryFn: async (): Promise<OfficerSummary | null> => {
      const list = await api<{ items: OfficerSummary[] }>("/officers", { query: { mine: "true", active: "all" } });
      return list.items[0] ?? null;
    },
    staleTime: 5 * 60_000,
  });
}

/** Mutations answering a fresh WorkLogView: cache it, refresh lists and the queue. */
function useViewMutation<TInput>(request: (input: TInput) => Promise<WorkLogView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (log) => {
      queryClient.setQueryData(["work-logs", "detail", log.id], log);
      void queryClient.invalidateQueries({ queryKey: ["work-logs"], predicate: (q) => q.queryKey[1] !== "detail" });
    },
  });
}

export function useCreateWorkLog() {
  return useViewMutation((body: CreateWorkLogBody) => api<WorkLogView>("/work-logs", { method: "POST", body }));
}

export function useUpdateWorkLog() {
  return useViewMutation(({ id, body }: { id: string; body: UpdateWorkLogBody }) =>
    api<WorkLogView>(`/work-logs/${id}`, { method: "PATCH", body }),
  );
}

export function useUploadEvidence() {
  return useViewMutation(({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api<WorkLogView>(`/work-logs/${id}/evidence`, { method: "POST", body: form });
  });
}

export function useAddLinkEvidence() {
  return useViewMutation(({ id, body }: { id: string; body: LinkEvidenceBody }) =>
    api<WorkLogView>(`/work-logs/${id}/evidence`, { method: "POST", body }),
  );
}

export function useRemoveEvidence() {
  return useViewMutation(({ id, evidenceId }: { id: string; evidenceId: string }) =>
    api<WorkLogView>(`/work-logs/${id}/evidence/${evidenceId}`, { method: "DELETE" }),
  );
}

export function useReopenWorkLog() {
  return useViewMutation(({ id, reason }: { id: string; reason: string }) =>
    api<WorkLogView>(`/work-logs/${id}/reopen`, { method: "POST", body: { reason } }),
  );
}

/** Batch steps answer per-entry results; every work-log query is refreshed afterwards. */
function useBatchMutation<TInput>(request: (input: TInput) => Promise<BatchResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["work-logs"] }),
  });
}

export function useSubmitWorkLogs() {
  return useBatchMutation((ids: string[]) => api<BatchResult>("/work-logs/submit", { method: "POST", body: { ids } }));
}

export function useDecideWorkLogs() {
  return useBatchMutation((input: { ids: string[]; decision: "approve" | "return"; note?: string }) =>
    api<BatchResult>("/work-logs/decisions", { method: "POST", body: input }),
  );
}

export function evidenceFileUrl(workLogId: string, evidenceId: string): string {
  return `/api/v1/work-logs/${workLogId}/evidence/${evidenceId}/file`;
}
