import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { auditList } from "../../../common/schemas/audit";
import { API_BASE, api, toQueryString } from "../../api/client";

export type AuditList = z.infer<typeof auditList>;
export type AuditEntry = AuditList["items"][number];

export interface AuditFilters {
  userId?: string;
  organizationId?: string;
  entityType?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ["audit", filters],
    queryFn: () => api<AuditList>("/audit", { query: { ...filters, pageSize: AUDIT_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Plain link for the CSV download: same filters, no paging (the cookie authenticates it). */
export function auditExportUrl(filters: AuditFilters): string {
  const { page: _page, ...rest } = filters;
  return `${API_BASE}/audit/export.csv${toQueryString({ ...rest })}`;
}

/** Entity types offered as suggestions; the field still accepts any value the server logs. */
export const KNOWN_ENTITY_TYPES = ["organization", "user", "grant", "invitation", "session", "api_token", "email"];
