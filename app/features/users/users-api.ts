/** Queries and mutations for users; every cache key starts with "users". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role, UserStatus } from "../../../common/roles";
import type { inviteUserBody, UserView, userList } from "../../../common/schemas/users";
import { api } from "../../api/client";

export type { UserView };
export type UserList = z.infer<typeof userList>;
export type InviteUserBody = z.input<typeof inviteUserBody>;

export const USER_SORTS = ["name", "-name", "email", "-email", "createdAt", "-createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USERS_PAGE_SIZE = 25;

export interface UserFilters {
  q?: string;
  organizationId?: string;
  role?: Role;
  status?: UserStatus;
  sort?: UserSort;
  page?: number;
  pageSize?: number;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ["users", "list", filters],
    queryFn: () => api<UserList>("/users", { query: { pageSize: USERS_PAGE_SIZE, ...filters } }),
    placeholderData: keepPreviousData, // no flashing while paging or filtering
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: ["users", "detail", id], queryFn: () => api<UserView>(`/users/${id}`) });
}

/** Every user mutation answers the fresh UserView: put it in the detail cache, refresh lists. */
function useUserMutation<TInput>(request: (input: TInput) => Promise<UserView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (user) => {
      queryClient.setQueryData(["users", "detail", user.id], user);
      void queryClient.invalidateQueries({ queryKey: ["users", "list"] });
    },
  });
}

export function useInviteUser() {
  return useUserMutation((body: InviteUserBody) => api<UserView>("/users/invitations", { method: "POST", body }));
}

export function useAddGrant(userId: string) {
  return useUserMutation((body: { organizationId: string; role: Role }) =>
    api<UserView>(`/users/${userId}/grants`, { method: "POST", body }),
  );
}

export function useRemoveGrant(userId: string) {
  return useUserMutation((grantId: string) => api<UserView>(`/users/${userId}/grants/${grantId}`, { method: "DELETE" }));
}

export type UserAction = "deactivate" | "reactivate" | "resend-invitation";

export function useUserAction(userId: string) {
  return useUserMutation((action: UserAction) => api<UserView>(`/users/${userId}/${action}`, { method: "POST" }));
}
