/** "Kerja Sama Media": contracts of the user's scope with filters, progress and a CSV/XLSX export. */
import { Badge, Button, Card, Group, Progress, Select, Stack, Text } from "@mantine/core";
import { IconChartBar, IconFileText, IconPlus, IconSettings } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CONTRACT_STATUSES } from "../../../common/media-cooperation-enums";
import { ExportMenu } from "../../components/export-menu";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { OutletSelect } from "../media-relations/outlet-select";
import { type ContractSummary, contractExportUrl, currentYear, PAGE_SIZE, rupiah, useContracts } from "./media-cooperation-api";

const route = getRouteApi("/_authed/media-contracts");
export type ContractsSearch = {
  q?: string;
  fiscalYear?: number;
  status?: (typeof CONTRACT_STATUSES)[number];
  outletId?: string;
  page?: number;
};

export const yearOptions = () => {
  const now = currentYear();
  return [now + 1, now, now - 1, now - 2, now - 3].map((y) => ({ value: String(y), label: String(y) }));
};

export function ContractsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useContracts(search);
  const setFilters = (patch: Partial<ContractsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const filtered = !!(search.q || search.fiscalYear || search.status || search.outletId);

  return (
    <>
      <PageHeader
        title={t("mediaCooperation.title")}
        description={t("mediaCooperation.description")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/media-cooperation/dashboard" leftSection={<IconChartBar size={16} />}>
              {t("mediaCooperation.dashboard")}
            </Button>
            {hasAbility(session, "mediaCooperation.settings") && (
              <Button variant="default" component={Link} to="/media-cooperation/settings" leftSection={<IconSettings size={16} />}>
                {t("mediaCooperation.settings")}
              </Button>
            )}
            <ExportMenu
              label={t("mediaCooperation.export")}
              formats={[
                { label: "Excel (XLSX)", href: contractExportUrl("xlsx", search) },
                { label: "CSV", href: contractExportUrl("csv", search) },
              ]}
            />
            {hasAbility(session, "mediaCooperation.manage") && (
              <Button component={Link} to="/media-contracts/new" leftSection={<IconPlus size={16} />}>
                {t("mediaCooperation.newContract")}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("mediaCooperation.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("mediaCooperation.fiscalYear")}
          data={yearOptions()}
          clearable
          placeholder={t("common.all")}
          value={search.fiscalYear ? String(search.fiscalYear) : null}
          onChange={(v) => setFilters({ fiscalYear: v ? Number(v) : undefined })}
          w={130}
        />
        <Select
          label={t("mediaCooperation.status")}
          data={CONTRACT_STATUSES.map((v) => ({ value: v, label: t(`mediaCooperation.statuses.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.status ?? null}
          onChange={(v) => setFilters({ status: (v as ContractsSearch["status"]) ?? undefined })}
          w={160}
        />
        <OutletSelect
          label={t("mediaCooperation.outlet")}
          placeholder={t("common.all")}
          value={search.outletId ?? null}
          onChange={(v) => setFilters({ outletId: v ?? undefined })}
          w={240}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("mediaCooperation.noMatches") : t("mediaCooperation.noContracts")}
          description={filtered ? t("common.tryOtherSearch") : t("mediaCooperation.noContractsHint")}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((c) => (
              <ContractCard key={c.id} contract={c} />
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
    </>
  );
}

export function EligibilityBadge({ eligible, overridden }: { eligible: boolean; overridden: boolean }) {
  const { t } = useTranslation();
  if (eligible) return <Badge color="teal">{t("mediaCooperation.eligible")}</Badge>;
  return (
    <Badge color={overridden ? "orange" : "red"}>{overridden ? t("mediaCooperation.overridden") : t("mediaCooperation.ineligible")}</Badge>
  );
}

function ContractCard({ contract: c }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/media-contracts/${c.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconFileText size={22} stroke={1.5} aria-hidden />
          <Stack gap={2}>
            <Text fw={600}>
              {c.outletName} · {c.number}
            </Text>
            <Text size="sm">{c.title}</Text>
            <Text size="sm" c="dimmed">
              {[c.fiscalYear, c.formLabel, c.organizationName].join(" · ")}
            </Text>
          </Stack>
        </Group>
        <Stack gap={4} align="flex-end" miw={200}>
          <Group gap={4}>
            <Badge variant="light">{t(`mediaCooperation.statuses.${c.status}`)}</Badge>
            <EligibilityBadge eligible={c.eligible} overridden={c.overridden} />
          </Group>
          <Text size="sm">
            {rupiah(c.paidRupiah)} / {rupiah(c.valueRupiah)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("mediaCooperation.deliveredOf", { delivered: c.delivered, quota: c.quota })}
          </Text>
          <Progress value={c.quota ? (100 * c.delivered) / c.quota : 0} w={180} size="sm" aria-hidden />
        </Stack>
      </Group>
    </Card>
  );
}
