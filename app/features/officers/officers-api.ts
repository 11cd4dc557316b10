/** Queries and mutations for the Pranata Humas registry; every cache key starts with "officers". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Jenjang } from "../../../common/pranata-humas";
import type { OfficerImportPreview } from "../../../common/schemas/officer-import";
import type { createOfficerBody, createRatingBody, OfficerView, officerList, updateOfficerBody } from "../../../common/schemas/officers";
import { API_BASE, api, toQueryString } from "../../api/client";

export type { OfficerView };
export type OfficerList = z.infer<typeof officerList>;
export type OfficerSummary = OfficerList["items"][number];
export type CreateOfficerBody = z.input<typeof createOfficerBody>;
export type UpdateOfficerBody = z.input<typeof updateOfficerBody>;
export type CreateRatingBody = z.input<typeof createRatingBody>;
export type AkProgress = OfficerView["ak"]["nextPangkat"];

export const OFFICER_SORTS = ["name", "-name", "nip", "jenjang"] as const;
export type OfficerSort = (typeof OFFICER_SORTS)[number];
export const OFFICER_STATUSES = ["true", "false", "all"] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICERS_PAGE_SIZE = 25;

export interface OfficerFilters {
  q?: string;
  organizationId?: string;
  jenjang?: Jenjang;
  active?: OfficerStatus;
  sort?: OfficerSort;
  page?: number;
}

export function useOfficers(filters: OfficerFilters) {
  return useQuery({
    queryKey: ["officers", "list", filters],
    queryFn: () => api<OfficerList>("/officers", { query: { pageSize: OFFICERS_PAGE_SIZE, ...filters } }),
    placeholderData: keepPreviousData, // no flashing while paging or filtering
  });
}

export function useOfficer(id: string) {
  return useQuery({ queryKey: ["officers", "detail", id], queryFn: () => api<OfficerView>(`/officers/${id}`) });
}

/** Every officer mutation answers the fresh OfficerView: put it in the detail cache, refresh lists. */
function useOfficerMutation<TInput>(request: (input: TInput) => Promise<OfficerView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (officer) => {
      queryClient.setQueryData(["officers", "detail", officer.id], officer);
      void queryClient.invalidateQueries({ queryKey: ["officers", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["officers", "picker"] });
    },
  });
}

export function useCreateOfficer() {
  return useOfficerMutation((body: CreateOfficerBody) => api<OfficerView>("/officers", { method: "POST", body }));
}

export function useUpdateOfficer(id: string) {
  return useOfficerMutation((body: UpdateOfficerBody) => api<OfficerView>(`/officers/${id}`, { method: "PATCH", body }));
}

export type OfficerAction = "deactivate" | "reactivate";

export function useOfficerAction(id: string) {
  return useOfficerMutation((action: OfficerAction) => api<OfficerView>(`/officers/${id}/${action}`, { method: "POST" }));
}

export function useRateOfficer(id: string) {
  return useOfficerMutation((body: CreateRatingBody) => api<OfficerView>(`/officers/${id}/ratings`, { method: "POST", body }));
}

export function useDeleteRating(id: string) {
  return useOfficerMutation((ratingId: string) => api<OfficerView>(`/officers/${id}/ratings/${ratingId}`, { method: "DELETE" }));
}

export type { OfficerImportPreview };

/** Checks an uploaded XLSX/CSV; nothing is written until the preview's token is committed. */
export function usePreviewOfficerImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return api<OfficerImportPreview>("/officers/import/preview", { method: "POST", body });
    },
  });
}

export function useCommitOfficerImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api<{ created: number }>("/officers/import/commit", { method: "POST", body: { token } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["officers", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["officers", "picker"] });
    },
  });
}

export const officerImportTemplateUrl = `${API_BASE}/officers/import/template.xlsx`;

/** The list's current filters (not its page) applied to the spreadsheet export. */
export function officerExportUrl(format: "xlsx" | "csv", filters: OfficerFilters): string {
  const { page: _page, ...rest } = filters;
  return `${API_BASE}/officers/export.${format}${toQueryString({ ...rest })}`;
}
