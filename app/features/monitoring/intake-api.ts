/** API hooks of manual entry (scan + OCR), CSV import and social sources (server: monitoring/manual, csv-import, social). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SocialSourceKind } from "../../../common/monitoring-intake-enums";
import type { TimeZoneCode } from "../../../common/roles";
import type { CsvImportPreview, OcrScan } from "../../../common/schemas/monitoring-intake";
import { api } from "../../api/client";

export type { CsvImportPreview, OcrScan };

export interface ManualEntryInput {
  organizationId: string;
  kind: "print" | "tv" | "radio";
  outletId: string | null;
  outletName: string;
  publishedOn: string;
  publishedTime: string | null;
  page: string | null;
  title: string;
  text: string;
  author: string | null;
  scanId: string | null;
}
export interface IngestSummary {
  inserted: number;
  updated: number;
  duplicates: number;
  nearDuplicates: number;
}
export interface SocialSourceView {
  id: string;
  organizationId: string;
  kind: SocialSourceKind;
  name: string;
  target: string;
  enabled: boolean;
  scheduleMinutes: number;
  tokenSet: boolean;
  backoffUntil: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  itemsTotal: number;
  timeZone: TimeZoneCode;
  can: Record<string, boolean>;
}
export interface SocialSourceInput {
  organizationId: string;
  kind: SocialSourceKind;
  name: string;
  target: string;
  accessToken: string;
  scheduleMinutes: number;
}
export type SocialSourcePatch = Partial<Omit<SocialSourceInput, "organizationId" | "kind">> & { enabled?: boolean };

const KEY = ["monitoringIntake"] as const;

export const useUploadScan = () =>
  useMutation({
    mutationFn: ({ organizationId, file }: { organizationId: string; file: File }) => {
      // The organization goes before the file: the server reads fields preceding the file part.
      const form = new FormData();
      form.append("organizationId", organizationId);
      form.append("file", file);
      return api<OcrScan>("/monitoring/manual/scans", { method: "POST", body: form });
    },
  });

/** A scan's OCR state, polled every 1.5 s while the job runs. */
export const useScan = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, "scan", id],
    queryFn: () => api<OcrScan>(`/monitoring/manual/scans/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "done" || q.state.data.status === "failed") ? false : 1500),
  });

export const scanFileUrl = (id: string) => `/api/v1/monitoring/manual/scans/${id}/file`;

export const useSaveManualEntry = () =>
  useMutation({
    mutationFn: (body: ManualEntryInput) =>
      api<{ articleId: string | null; duplicate: boolean; result: IngestSummary }>("/monitoring/manual/entries", { method: "POST", body }),
  });

export const usePreviewCsvImport = () =>
  useMutation({
    mutationFn: ({ organizationId, file }: { organizationId: string; file: File }) => {
      const form = new FormData();
      form.append("organizationId", organizationId);
      form.append("file", file);
      return api<CsvImportPreview>("/monitoring/csv-import/preview", { method: "POST", body: form });
    },
  });
export const useCommitCsvImport = () =>
  useMutation({
    mutationFn: (token: string) =>
      api<IngestSummary & { rejected: { row: number; message: string }[] }>("/monitoring/csv-import/commit", {
        method: "POST",
        body: { token },
      }),
  });
export const CSV_TEMPLATE_URL = "/api/v1/monitoring/csv-import/template.csv";

export const useSocialSources = (organizationId?: string | null) =>
  useQuery({
    queryKey: [...KEY, "social", organizationId ?? ""],
    queryFn: () => api<{ items: SocialSourceView[] }>("/monitoring/social-sources", { query: { organizationId } }),
    placeholderData: keepPreviousData,
  });

function useSocialMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, "social"] }) });
}
export const useCreateSocialSource = () =>
  useSocialMutation((body: SocialSourceInput) => api<SocialSourceView>("/monitoring/social-sources", { method: "POST", body }));
export const useUpdateSocialSource = () =>
  useSocialMutation(({ id, ...body }: SocialSourcePatch & { id: string }) =>
    api<SocialSourceView>(`/monitoring/social-sources/${id}`, { method: "PATCH", body }),
  );
export const useFetchSocialSource = () =>
  useSocialMutation((id: string) =>
    api<{ fetched: number; inserted: number; duplicates: number; backoffUntil: string | null; error: string | null }>(
      `/monitoring/social-sources/${id}/fetch`,
      { method: "POST" },
    ),
  );
