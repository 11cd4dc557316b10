/** "Media": the outlets of the user's scope with filters, status badges and likely duplicates. */
import { Button, Card, Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { IconNews, IconPlus } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DEWAN_PERS_STATUSES, OUTLET_TYPES } from "../../../common/media-relations-enums";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { DuplicatePanel } from "./duplicate-panel";
import { type OutletSummary, PAGE_SIZE, useOutlets } from "./media-relations-api";
import { OutletBadges } from "./outlet-badges";
import { OutletFormModal } from "./outlet-form-modal";

const route = getRouteApi("/_authed/media-outlets");
export type OutletsSearch = {
  q?: string;
  type?: (typeof OUTLET_TYPES)[number];
  dewanPersStatus?: (typeof DEWAN_PERS_STATUSES)[number];
  grade?: string;
  expiringSoon?: "true";
  page?: number;
};

export function OutletsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useOutlets(search);
  const setFilters = (patch: Partial<OutletsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const canCreate = hasAbility(session, "mediaRelations.manage");
  const filtered = !!(search.q || search.type || search.dewanPersStatus || search.grade || search.expiringSoon);

  return (
    <>
      <PageHeader
        title={t("mediaRelations.outletsTitle")}
        description={t("mediaRelations.outletsDescription")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/journalists">
              {t("mediaRelations.journalistsTitle")}
            </Button>
            {canCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t("mediaRelations.addOutlet")}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("mediaRelations.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("mediaRelations.type")}
          data={OUTLET_TYPES.map((v) => ({ value: v, label: t(`mediaRelations.types.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.type ?? null}
          onChange={(v) => setFilters({ type: (v as OutletsSearch["type"]) ?? undefined })}
          w={150}
        />
        <Select
          label={t("mediaRelations.dewanPersStatus")}
          data={DEWAN_PERS_STATUSES.map((v) => ({ value: v, label: t(`mediaRelations.dewanPers.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.dewanPersStatus ?? null}
          onChange={(v) => setFilters({ dewanPersStatus: (v as OutletsSearch["dewanPersStatus"]) ?? undefined })}
          w={230}
        />
        <Select
          label={t("mediaRelations.grade")}
          data={["A", "B", "C"]}
          clearable
          placeholder={t("common.all")}
          value={search.grade ?? null}
          onChange={(v) => setFilters({ grade: v ?? undefined })}
          w={100}
        />
        <Checkbox
          mb={8}
          label={t("mediaRelations.expiringSoonFilter")}
          checked={search.expiringSoon === "true"}
          onChange={(e) => setFilters({ expiringSoon: e.currentTarget.checked ? "true" : undefined })}
        />
      </Group>
      {canCreate && <DuplicatePanel />}
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("mediaRelations.noMatches") : t("mediaRelations.noOutlets")}
          description={filtered ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((o) => (
              <OutletCard key={o.id} outlet={o} />
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {creating && <OutletFormModal opened onClose={() => setCreating(false)} />}
    </>
  );
}

function OutletCard({ outlet: o }: { outlet: OutletSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/media-outlets/${o.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconNews size={22} stroke={1.5} aria-hidden />
          <Stack gap={2}>
            <Text fw={600}>{o.name}</Text>
            <Text size="sm" c="dimmed">
              {[t(`mediaRelations.types.${o.type}`), o.regionName, o.organizationName].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </Group>
        <Stack gap={4} align="flex-end">
          <OutletBadges outlet={o} />
          <Text size="xs" c="dimmed">
            {t("mediaRelations.journalistCount", { count: o.journalistCount })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
