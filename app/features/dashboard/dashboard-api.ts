/** The Pranata Humas dashboard figures of one organization's subtree and year. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PranataHumasDashboard } from "../../../common/schemas/dashboard";
import { api } from "../../api/client";

export function useDashboard(organizationId: string | null, year: number) {
  return useQuery({
    queryKey: ["dashboard", "pranata-humas", organizationId, year],
    queryFn: () =>
      api<PranataHumasDashboard>("/dashboard/pranata-humas", { query: { year, ...(organizationId ? { organizationId } : {}) } }),
    placeholderData: keepPreviousData,
  });
}
