/**
 * "Pustaka Media": the organization's photos, videos, PDFs and audio. Filters and the open
 * asset live in the URL; uploads run in the zone at the top; a selection exports as CSV.
 */
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { MEDIA_PAGE_SIZE, type MediaFilters, mediaExportUrl, useMediaList } from "./media-api";
import { MediaDetailDrawer } from "./media-detail-drawer";
import { MediaFiltersBar } from "./media-filters";
import { MediaGrid } from "./media-grid";
import { useUploadOrganizations } from "./upload-organizations";
import { UploadZone } from "./upload-zone";

const route = getRouteApi("/_authed/media");

export function MediaPage() {
  const { t } = useTranslation();
  const { asset: openId, ...filters } = route.useSearch();
  const navigate = route.useNavigate();
  const list = useMediaList(filters);
  const writable = useUploadOrganizations();
  const [target, setTarget] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const uploadTo = target ?? writable.defaultId;

  const setFilters = (patch: Partial<MediaFilters>) => {
    setSelected(new Set());
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  };
  const open = (id: string | undefined) => void navigate({ search: (prev) => ({ ...prev, asset: id }) });
  const toggle = (id: string, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const items = list.data?.items ?? [];
  const filtered = !!(filters.q || filters.kind || filters.tag || filters.organizationId || filters.rights);
  const exportLabel = selected.size > 0 ? t("media.exportSelected", { count: selected.size }) : t("media.exportAll");

  return (
    <>
      <PageHeader
        title={t("media.title")}
        description={t("media.description")}
        actions={
          <Button
            component="a"
            href={mediaExportUrl(filters, [...selected])}
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            {exportLabel}
          </Button>
        }
      />
      {writable.canUpload && (
        <Paper withBorder p="sm" radius="md" mb="md">
          <Stack gap="xs">
            <OrganizationSelect
              label={t("media.upload.target")}
              include={writable.include}
              clearable={false}
              maw={360}
              value={uploadTo}
              onChange={setTarget}
            />
            <UploadZone organizationId={uploadTo} />
          </Stack>
        </Paper>
      )}
      <MediaFiltersBar filters={filters} onChange={setFilters} />
      {selected.size > 0 && (
        <Group gap="xs" mb="sm">
          <Text size="sm">{t("media.selectedCount", { count: selected.size })}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())}>
            {t("media.clearSelection")}
          </Button>
        </Group>
      )}
      {items.length > 0 && selected.size === 0 && (
        <Group mb="sm">
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set(items.map((a) => a.id)))}>
            {t("media.selectPage")}
          </Button>
        </Group>
      )}
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("media.noMatches") : t("media.empty")}
          description={filtered ? t("common.tryOtherSearch") : writable.canUpload ? t("media.emptyHint") : undefined}
        />
      ) : (
        <>
          <MediaGrid items={items} selected={selected} onToggle={(a, checked) => toggle(a.id, checked)} onOpen={(a) => open(a.id)} />
          <ListPagination
            page={list.data?.page ?? 1}
            pageSize={list.data?.pageSize || MEDIA_PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      <MediaDetailDrawer assetId={openId ?? null} onClose={() => open(undefined)} />
    </>
  );
}
