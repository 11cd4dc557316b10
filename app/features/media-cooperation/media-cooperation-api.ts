/** Queries and mutations of paid media cooperation; cache keys start with "mediaCooperation". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ContractSummary,
  ContractView,
  CooperationSettingsView,
  createContractBody,
  DashboardView,
  EligibilityView,
  UpdateContractInput,
} from "../../../common/schemas/media-cooperation";
import { API_BASE, api, type QueryValue, toQueryString } from "../../api/client";

export type { ContractSummary, ContractView, CooperationSettingsView, DashboardView, EligibilityView, UpdateContractInput };
export type CreateContractInput = z.input<typeof createContractBody>;
export type EligibilityPreview = EligibilityView & { canOverride: boolean };

export const PAGE_SIZE = 25;

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useContracts(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["mediaCooperation", "contracts", filters],
    queryFn: () => api<Paged<ContractSummary>>("/media-contracts", { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string) {
  return useQuery({ queryKey: ["mediaCooperation", "contract", id], queryFn: () => api<ContractView>(`/media-contracts/${id}`) });
}

export function useCooperationSettings(organizationId: string | null) {
  return useQuery({
    queryKey: ["mediaCooperation", "settings", organizationId],
    queryFn: () => api<CooperationSettingsView>(`/media-cooperation/settings/${organizationId}`),
    enabled: !!organizationId,
  });
}

/** The live check of the create form; refetched whenever the outlet or the journalists change. */
export function useEligibilityPreview(input: { organizationId: string | null; outletId: string | null; journalistIds: string[] }) {
  return useQuery({
    queryKey: ["mediaCooperation", "eligibility", input],
    queryFn: () => api<EligibilityPreview>("/media-contracts/eligibility-check", { method: "POST", body: input }),
    enabled: !!input.organizationId && !!input.outletId,
    retry: false,
  });
}

export function useDashboard(filters: { fiscalYear: number; organizationId?: string }) {
  return useQuery({
    queryKey: ["mediaCooperation", "dashboard", filters],
    queryFn: () => api<DashboardView>("/media-cooperation/dashboard", { query: filters }),
    placeholderData: keepPreviousData,
  });
}

/** Every write invalidates the feature cache: lists, the contract page and the dashboard move together. */
function useFeatureMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["mediaCooperation"] }) });
}

export const useCreateContract = () =>
  useFeatureMutation((body: CreateContractInput) => api<ContractView>("/media-contracts", { method: "POST", body }));
export const useSetContractStatus = (id: string) =>
  useFeatureMutation((status: ContractView["status"]) =>
    api<ContractView>(`/media-contracts/${id}`, { method: "PATCH", body: { status } }),
  );
export const useUpdateContract = (id: string) =>
  useFeatureMutation((body: UpdateContractInput) => api<ContractView>(`/media-contracts/${id}`, { method: "PATCH", body }));
export const useSubmitTerm = (id: string) =>
  useFeatureMutation((termId: string) => api<ContractView>(`/media-contracts/${id}/terms/${termId}/submit`, { method: "POST", body: {} }));
export const usePayTerm = (id: string) =>
  useFeatureMutation(({ termId, ...body }: { termId: string; paidOn: string; overrideReason?: string }) =>
    api<ContractView>(`/media-contracts/${id}/terms/${termId}/pay`, { method: "POST", body }),
  );
export const useAddDeliverable = (id: string) =>
  useFeatureMutation((form: FormData) => api<ContractView>(`/media-contracts/${id}/deliverables`, { method: "POST", body: form }));
export const useRemoveDeliverable = (id: string) =>
  useFeatureMutation((deliverableId: string) =>
    api<ContractView>(`/media-contracts/${id}/deliverables/${deliverableId}`, { method: "DELETE" }),
  );
export const useUploadContractDocument = (id: string) =>
  useFeatureMutation((form: FormData) => api<ContractView>(`/media-contracts/${id}/documents`, { method: "POST", body: form }));
export const useRemoveContractDocument = (id: string) =>
  useFeatureMutation((documentId: string) => api<ContractView>(`/media-contracts/${id}/documents/${documentId}`, { method: "DELETE" }));
export const useSaveCooperationSettings = (organizationId: string) =>
  useFeatureMutation((body: { forms: CooperationSettingsView["forms"]; rules: CooperationSettingsView["rules"] }) =>
    api<CooperationSettingsView>(`/media-cooperation/settings/${organizationId}`, { method: "PUT", body }),
  );

export const contractExportUrl = (format: "csv" | "xlsx", filters: Record<string, QueryValue>) => {
  const { page: _p, ...rest } = filters;
  return `${API_BASE}/media-contracts/export.${format}${toQueryString(rest)}`;
};
export const spjUrl = (format: "pdf" | "xlsx", query: { fiscalYear: number; outletId?: string; organizationId?: string }) =>
  `${API_BASE}/media-cooperation/spj.${format}${toQueryString(query)}`;
export const deliverableFileUrl = (contractId: string, deliverableId: string, which: "clipping" | "screenshot") =>
  `${API_BASE}/media-contracts/${contractId}/deliverables/${deliverableId}/${which}`;
export const contractDocumentUrl = (contractId: string, documentId: string) =>
  `${API_BASE}/media-contracts/${contractId}/documents/${documentId}/file`;

export const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;
export const currentYear = () => new Date().getFullYear();
