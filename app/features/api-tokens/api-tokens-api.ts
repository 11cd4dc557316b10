import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { apiTokenList, createApiTokenBody, createdApiToken } from "../../../common/schemas/tokens";
import { api } from "../../api/client";

export type ApiTokenList = z.infer<typeof apiTokenList>;
export type ApiTokenView = ApiTokenList["items"][number];
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

const KEY = ["api-tokens"];

export function useApiTokens() {
  return useQuery({ queryKey: KEY, queryFn: () => api<ApiTokenList>("/api-tokens") });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api<CreatedApiToken>("/api-tokens", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api-tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
