/** "Sumber": the monitoring sources of the user's scope with health badges, filters and paging. */
import { Button, Card, Group, Select, Stack, Text } from "@mantine/core";
import { IconLink, IconPlus, IconRss } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MONITORING_SOURCE_KINDS, SOURCE_HEALTH } from "../../../common/monitoring-source-enums";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { ClippingModal } from "./clipping-modal";
import { SourceFormModal } from "./source-form-modal";
import { SourceHealthBadge } from "./source-health-badge";
import { fetchErrorText, PAGE_SIZE, type SourceSummary, useSources } from "./sources-api";

const route = getRouteApi("/_authed/monitoring/sources");
export type SourcesSearch = {
  q?: string;
  kind?: (typeof MONITORING_SOURCE_KINDS)[number];
  health?: (typeof SOURCE_HEALTH)[number];
  page?: number;
};

export function SourcesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const [clipping, setClipping] = useState(false);
  const list = useSources(search);
  const setFilters = (patch: Partial<SourcesSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const canManage = hasAbility(session, "monitoringSources.manage");
  const canClip = hasAbility(session, "monitoringSources.clip");
  const filtered = !!(search.q || search.kind || search.health);

  return (
    <>
      <PageHeader
        title={t("monitoringSources.title")}
        description={t("monitoringSources.description")}
        actions={
          <Group gap="xs">
            {hasAbility(session, "monitoringIntake.enter") && (
              <Button component={Link} to="/monitoring/intake" variant="default">
                {t("monitoringIntake.nav")}
              </Button>
            )}
            {canClip && (
              <Button variant="default" leftSection={<IconLink size={16} />} onClick={() => setClipping(true)}>
                {t("monitoringSources.clipUrl")}
              </Button>
            )}
            {canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t("monitoringSources.add")}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("monitoringSources.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("monitoringSources.kind")}
          data={MONITORING_SOURCE_KINDS.map((v) => ({ value: v, label: t(`monitoringSources.kinds.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as SourcesSearch["kind"]) ?? undefined })}
          w={180}
        />
        <Select
          label={t("monitoringSources.healthLabel")}
          data={SOURCE_HEALTH.map((v) => ({ value: v, label: t(`monitoringSources.health.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.health ?? null}
          onChange={(v) => setFilters({ health: (v as SourcesSearch["health"]) ?? undefined })}
          w={180}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("monitoringSources.noMatches") : t("monitoringSources.empty")}
          description={filtered ? t("common.tryOtherSearch") : t("monitoringSources.emptyHint")}
          action={
            !filtered && canManage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t("monitoringSources.add")}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((s) => (
              <SourceCard key={s.id} source={s} />
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
      {creating && <SourceFormModal opened onClose={() => setCreating(false)} />}
      {clipping && <ClippingModal opened onClose={() => setClipping(false)} />}
    </>
  );
}

function SourceCard({ source: s }: { source: SourceSummary }) {
  const { t, i18n } = useTranslation();
  const when = s.lastFetchedAt ? new Date(s.lastFetchedAt).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID") : null;
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/monitoring/sources/${s.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <IconRss size={22} stroke={1.5} aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>{s.name}</Text>
            <Text size="sm" c="dimmed" truncate>
              {[t(`monitoringSources.kinds.${s.kind}`), s.outletName, s.organizationName, s.url].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </Group>
        <Stack gap={4} align="flex-end">
          <SourceHealthBadge health={s.health} detail={fetchErrorText(s.lastErrorCode, s.lastErrorMessage)} />
          <Text size="xs" c="dimmed">
            {when ? t("monitoringSources.lastFetched", { when }) : t("monitoringSources.neverFetched")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("monitoringSources.perDay", { count: s.itemsPerDay })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
