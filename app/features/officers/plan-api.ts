/** The yearly plan (rencana hasil kerja) of an officer, with what was realized. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { planView, putPlanBody } from "../../../common/schemas/officers";
import { api } from "../../api/client";

export type PlanView = z.infer<typeof planView>;
export type PutPlanBody = z.infer<typeof putPlanBody>;

export function usePlan(officerId: string, year: number) {
  return useQuery({
    queryKey: ["officers", "plan", officerId, year],
    queryFn: () => api<PlanView>(`/officers/${officerId}/plan`, { query: { year } }),
  });
}

export function useSavePlan(officerId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPlanBody) => api<PlanView>(`/officers/${officerId}/plan`, { method: "PUT", query: { year }, body }),
    onSuccess: (plan) => queryClient.setQueryData(["officers", "plan", officerId, year], plan),
  });
}
