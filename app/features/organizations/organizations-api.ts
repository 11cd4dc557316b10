/** Queries and mutations for organizations; every cache key starts with "organizations". */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createOrganizationBody,
  OrganizationView,
  organizationList,
  regionView,
  updateOrganizationBody,
} from "../../../common/schemas/organizations";
import { api } from "../../api/client";

export type { OrganizationView };
export type OrganizationList = z.infer<typeof organizationList>;
export type CreateOrganizationBody = z.input<typeof createOrganizationBody>;
export type UpdateOrganizationBody = z.input<typeof updateOrganizationBody>;
export type Region = z.infer<typeof regionView>;

export function useOrganizations(params: { q?: string; includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: ["organizations", "list", params.q ?? "", params.includeInactive ?? false],
    queryFn: () =>
      api<OrganizationList>("/organizations", {
        query: { q: params.q, includeInactive: params.includeInactive ? "true" : undefined },
      }),
    placeholderData: (previous) => previous, // keep the tree on screen while a search runs
  });
}

export function useRegions(province?: string | null, enabled = true) {
  return useQuery({
    queryKey: ["regions", province ?? ""],
    queryFn: () => api<Region[]>("/regions", { query: { province: province ?? undefined } }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY, // the Kemendagri list does not change while the app runs
  });
}

function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["organizations"] });
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => api<OrganizationView>("/organizations", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: async (input: { id: string; body: UpdateOrganizationBody; moveTo?: string }) => {
      let view = await api<OrganizationView>(`/organizations/${input.id}`, { method: "PATCH", body: input.body });
      // Moving is its own endpoint (it re-checks rights on both parents); run it after the edit.
      if (input.moveTo) {
        view = await api<OrganizationView>(`/organizations/${input.id}/move`, {
          method: "POST",
          body: { parentId: input.moveTo },
        });
      }
      return view;
    },
    onSettled: invalidate,
  });
}

export function useSetOrganizationActive() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api<OrganizationView>(`/organizations/${id}/${active ? "reactivate" : "deactivate"}`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useUploadLogo() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append("file", file);
      return api<OrganizationView>(`/organizations/${id}/logo`, { method: "PUT", body: form });
    },
    onSuccess: invalidate,
  });
}

/** Logo URL with a cache-buster so a fresh upload shows without a hard reload. */
export function logoUrl(id: string, version?: number): string {
  return `/api/v1/organizations/${id}/logo${version ? `?v=${version}` : ""}`;
}
