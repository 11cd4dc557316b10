/** Queries and mutations for the hasil kerja catalogue and the angka kredit rules. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  akRulesView,
  createHasilKerjaTypeBody,
  createJenjangRuleBody,
  createPredikatRuleBody,
  hasilKerjaTypeList,
  hasilKerjaTypeView,
  updateHasilKerjaTypeBody,
} from "../../../common/schemas/officers";
import { api } from "../../api/client";

export type HasilKerjaType = z.infer<typeof hasilKerjaTypeView>;
export type HasilKerjaTypeList = z.infer<typeof hasilKerjaTypeList>;
export type CreateHasilKerjaTypeBody = z.input<typeof createHasilKerjaTypeBody>;
export type UpdateHasilKerjaTypeBody = z.input<typeof updateHasilKerjaTypeBody>;
export type AkRules = z.infer<typeof akRulesView>;
export type JenjangRule = AkRules["jenjang"][number];
export type PredikatRule = AkRules["predikat"][number];
export type CreateJenjangRuleBody = z.input<typeof createJenjangRuleBody>;
export type CreatePredikatRuleBody = z.input<typeof createPredikatRuleBody>;

export const HK_KATEGORI = ["keahlian", "keterampilan", "semua"] as const;

export function useHasilKerjaTypes() {
  return useQuery({ queryKey: ["hasil-kerja", "list"], queryFn: () => api<HasilKerjaTypeList>("/hasil-kerja-types") });
}

function useInvalidate(key: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [key] });
}

export function useCreateHasilKerjaType() {
  const invalidate = useInvalidate("hasil-kerja");
  return useMutation({
    mutationFn: (body: CreateHasilKerjaTypeBody) => api<HasilKerjaType>("/hasil-kerja-types", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateHasilKerjaType() {
  const invalidate = useInvalidate("hasil-kerja");
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateHasilKerjaTypeBody }) =>
      api<HasilKerjaType>(`/hasil-kerja-types/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useAkRules() {
  return useQuery({ queryKey: ["ak-rules"], queryFn: () => api<AkRules>("/ak-rules") });
}

/** Both rule endpoints answer the whole fresh rule set. */
function useRuleMutation<TInput>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TInput) => api<AkRules>(path, { method: "POST", body }),
    onSuccess: (rules) => {
      queryClient.setQueryData(["ak-rules"], rules);
      // AK figures of officers depend on the rules.
      void queryClient.invalidateQueries({ queryKey: ["officers"] });
    },
  });
}

export function useCreateJenjangRule() {
  return useRuleMutation<CreateJenjangRuleBody>("/ak-rules/jenjang");
}

export function useCreatePredikatRule() {
  return useRuleMutation<CreatePredikatRuleBody>("/ak-rules/predikat");
}
