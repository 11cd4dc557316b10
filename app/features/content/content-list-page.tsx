/** "Konten": every item in scope ("Semua") or the ones waiting for my approval ("Menunggu saya"). */
import { Badge, Button, Group, SegmentedControl, Stack } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { hasAbility, useSession } from "../auth/session";
import {
  CONTENT_PAGE_SIZE,
  type ContentFilters,
  useContentList,
  useContentQueue,
  useContentQueueCount,
  useZoneLookup,
} from "./content-api";
import { ContentFiltersBar } from "./content-filters";
import { ContentRow } from "./content-row";
import { TypeChooserModal } from "./type-chooser";

const route = getRouteApi("/_authed/content");

export function ContentListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [choosing, setChoosing] = useState(false);
  const queueView = search.view === "queue";
  const { view: _view, ...filters } = search;
  const list = useContentList(filters, !queueView);
  const queue = useContentQueue(search.page ?? 1, queueView);
  const queueCount = useContentQueueCount();
  const zoneOf = useZoneLookup();
  const current = queueView ? queue : list;

  const setFilters = (patch: Partial<ContentFilters>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const filtered = !!(search.q || search.status || search.type || search.organizationId || search.mine);
  const items = current.data?.items ?? [];
  const waiting = queueCount.data ?? 0;

  return (
    <>
      <PageHeader
        title={t("content.title")}
        description={t("content.description")}
        actions={
          hasAbility(session, "content.create") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setChoosing(true)}>
              {t("content.create")}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group>
          <SegmentedControl
            aria-label={t("content.viewLabel")}
            value={queueView ? "queue" : "all"}
            onChange={(value) => void navigate({ search: value === "queue" ? { view: "queue" } : {} })}
            data={[
              { value: "all", label: t("content.viewAll") },
              {
                value: "queue",
                label: (
                  <Group gap={6} wrap="nowrap" justify="center">
                    {t("content.viewQueue")}
                    {waiting > 0 && (
                      <Badge size="xs" circle={waiting < 10} color="red" data-testid="content-queue-tab-count">
                        {waiting}
                      </Badge>
                    )}
                  </Group>
                ),
              },
            ]}
          />
        </Group>
        {!queueView && <ContentFiltersBar filters={filters} onChange={setFilters} />}
        {current.isLoading ? (
          <LoadingState />
        ) : current.isError ? (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            title={queueView ? t("content.queueEmpty") : filtered ? t("content.noMatches") : t("content.empty")}
            description={queueView ? t("content.queueEmptyHint") : filtered ? t("common.tryOtherSearch") : t("content.emptyHint")}
            action={
              !queueView &&
              !filtered &&
              hasAbility(session, "content.create") && (
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setChoosing(true)}>
                  {t("content.create")}
                </Button>
              )
            }
          />
        ) : (
          <>
            <Stack gap="xs">
              {items.map((item) => (
                <ContentRow key={item.id} item={item} zone={zoneOf(item.organization.id)} />
              ))}
            </Stack>
            <ListPagination
              page={current.data?.page ?? 1}
              pageSize={current.data?.pageSize || CONTENT_PAGE_SIZE}
              total={current.data?.total ?? 0}
              onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
            />
          </>
        )}
      </Stack>
      <TypeChooserModal opened={choosing} onClose={() => setChoosing(false)} />
    </>
  );
}
