/** Queries and mutations of the media library; every cache key starts with "media". */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { MediaAssetView, MediaKind, MediaList, MediaRights, MediaSort, UpdateMediaBody } from "../../../common/schemas/media";
import { API_BASE, api, toQueryString } from "../../api/client";

export type { MediaAssetView, MediaKind, MediaRights, MediaSort };

export const MEDIA_PAGE_SIZE = 24;

export interface MediaFilters {
  q?: string;
  kind?: MediaKind;
  tag?: string;
  organizationId?: string;
  rights?: MediaRights;
  sort?: MediaSort;
  page?: number;
}

export function useMediaList(filters: MediaFilters, pageSize = MEDIA_PAGE_SIZE, enabled = true) {
  return useQuery({
    queryKey: ["media", "list", filters, pageSize],
    queryFn: () => api<MediaList>("/media", { query: { pageSize, ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One asset with where it is used; null id waits. */
export function useMediaAsset(id: string | null | undefined) {
  return useQuery({
    queryKey: ["media", "detail", id],
    queryFn: () => api<MediaAssetView>(`/media/${id}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}

/** After any change: the fresh view goes to its cache entry, lists refetch. */
export function useMediaChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (asset?: MediaAssetView) => {
      if (asset) queryClient.setQueryData(["media", "detail", asset.id], asset);
      void queryClient.invalidateQueries({ queryKey: ["media", "list"] });
    },
    [queryClient],
  );
}

export function useUpdateMedia() {
  const changed = useMediaChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMediaBody }) => api<MediaAssetView>(`/media/${id}`, { method: "PATCH", body }),
    onSuccess: (asset) => changed(asset),
  });
}

export function useDeleteMedia() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/media/${id}`, { method: "DELETE" }),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: ["media", "detail", id] });
      void queryClient.invalidateQueries({ queryKey: ["media", "list"] });
    },
  });
}

/** The CSV of a selection, or of everything the filters match when nothing is selected. */
export function mediaExportUrl(filters: MediaFilters, ids: string[]): string {
  const { page: _page, ...rest } = filters;
  return `${API_BASE}/media/export.csv${toQueryString(ids.length ? { ids: ids.join(","), sort: rest.sort } : rest)}`;
}
