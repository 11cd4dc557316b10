/** Queries and mutations for channel accounts and publications; every cache key starts with "channels". */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChannelAccountView,
  ChannelPreview,
  ChannelPreviewBody,
  CreateChannelBody,
  channelAccountList,
  channelPublicationView,
  UpdateChannelBody,
} from "../../../common/schemas/channels";
import { api } from "../../api/client";

export type { ChannelAccountView, ChannelPreview, ChannelPreviewBody, CreateChannelBody, UpdateChannelBody };
export type ChannelAccountList = z.infer<typeof channelAccountList>;
export type ChannelPublicationView = z.infer<typeof channelPublicationView>;

export interface ChannelFilters {
  organizationId?: string;
  /** Active accounts an item of this organization may post to (its own and its ancestors'). */
  usableBy?: string;
  includeInactive?: boolean;
}

export function useChannels(filters: ChannelFilters = {}, enabled = true) {
  return useQuery({
    queryKey: ["channels", "list", filters],
    queryFn: () =>
      api<ChannelAccountList>("/channels", {
        query: { ...filters, includeInactive: filters.includeInactive ? "true" : undefined },
      }),
    enabled,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["channels"] });
}

export function useCreateChannel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateChannelBody) => api<ChannelAccountView>("/channels", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateChannel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChannelBody }) =>
      api<ChannelAccountView>(`/channels/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useDeactivateChannel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<ChannelAccountView>(`/channels/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useCheckChannel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<ChannelAccountView>(`/channels/${id}/check`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

/** Live preview for the chosen accounts; disabled until there is something to check. */
export function useChannelPreview(body: ChannelPreviewBody | null) {
  return useQuery({
    queryKey: ["channels", "preview", body],
    queryFn: () => api<ChannelPreview>("/channels/preview", { method: "POST", body }),
    enabled: body !== null && body.channelAccountIds.length > 0,
    staleTime: 30_000,
  });
}

/** A person's explicit "send again" for a failed post; the content views refresh afterwards. */
export function useRetryPublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ChannelPublicationView>(`/channels/publications/${id}/retry`, { method: "POST" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["channels"] });
      void queryClient.invalidateQueries({ queryKey: ["content"] });
    },
  });
}
