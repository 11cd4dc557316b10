/** The approval chain of an organization (1–3 steps); inherited from the nearest ancestor when unset. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { approvalChainBody, approvalChainView } from "../../../common/schemas/content";
import { api } from "../../api/client";

export type ApprovalChainView = z.infer<typeof approvalChainView>;
export type ApprovalChainBody = z.input<typeof approvalChainBody>;

export function useApprovalChain(organizationId: string | null) {
  return useQuery({
    queryKey: ["content", "approval-chain", organizationId],
    queryFn: () => api<ApprovalChainView>(`/organizations/${organizationId}/approval-chain`),
    enabled: !!organizationId,
  });
}

export function useSaveApprovalChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, body }: { organizationId: string; body: ApprovalChainBody }) =>
      api<ApprovalChainView>(`/organizations/${organizationId}/approval-chain`, { method: "PUT", body }),
    onSuccess: (view) => {
      queryClient.setQueryData(["content", "approval-chain", view.organizationId], view);
      // Descendants that inherit this chain change too.
      void queryClient.invalidateQueries({ queryKey: ["content", "approval-chain"] });
    },
  });
}
