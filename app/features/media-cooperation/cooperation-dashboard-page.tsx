/** Budget used (paid terms) against quota delivered, per outlet, for one fiscal year. */
import { Anchor, Button, Card, Group, Progress, Select, Table, Text } from "@mantine/core";
import { IconArrowLeft, IconFileTypePdf, IconFileTypeXls } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { yearOptions } from "./contracts-page";
import { currentYear, rupiah, spjUrl, useDashboard } from "./media-cooperation-api";

const route = getRouteApi("/_authed/media-cooperation/dashboard");
export type CooperationDashboardSearch = { fiscalYear?: number; organizationId?: string };

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

function Bar({ label, part, whole, color }: { label: string; part: number; whole: number; color: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label} · {percent(part, whole)}%
      </Text>
      <Progress value={percent(part, whole)} color={color} size="md" aria-label={label} />
    </div>
  );
}

export function CooperationDashboardPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const fiscalYear = search.fiscalYear ?? currentYear();
  const board = useDashboard({ fiscalYear, organizationId: search.organizationId });
  const setFilters = (patch: Partial<CooperationDashboardSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const rows = board.data?.rows ?? [];
  const totals = board.data?.totals;
  const spjQuery = { fiscalYear, organizationId: search.organizationId };

  return (
    <>
      <PageHeader
        title={t("mediaCooperation.dashboardTitle")}
        description={t("mediaCooperation.dashboardDescription")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/media-contracts" leftSection={<IconArrowLeft size={16} />}>
              {t("mediaCooperation.title")}
            </Button>
            <Button variant="default" component="a" href={spjUrl("pdf", spjQuery)} leftSection={<IconFileTypePdf size={16} />}>
              {t("mediaCooperation.spjPdf")}
            </Button>
            <Button variant="default" component="a" href={spjUrl("xlsx", spjQuery)} leftSection={<IconFileTypeXls size={16} />}>
              {t("mediaCooperation.spjXlsx")}
            </Button>
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm">
        <Select
          label={t("mediaCooperation.fiscalYear")}
          data={yearOptions()}
          allowDeselect={false}
          value={String(fiscalYear)}
          onChange={(v) => setFilters({ fiscalYear: v ? Number(v) : undefined })}
          w={130}
        />
        <OrganizationSelect
          label={t("mediaCooperation.organization")}
          placeholder={t("common.all")}
          value={search.organizationId ?? null}
          onChange={(v) => setFilters({ organizationId: v ?? undefined })}
          w={320}
        />
      </Group>
      {board.isLoading ? (
        <LoadingState />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("mediaCooperation.dashboardEmpty", { year: fiscalYear })} />
      ) : (
        <Card withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("mediaCooperation.outlet")}</Table.Th>
                  <Table.Th>{t("mediaCooperation.contracts")}</Table.Th>
                  <Table.Th>{t("mediaCooperation.value")}</Table.Th>
                  <Table.Th>{t("mediaCooperation.paid")}</Table.Th>
                  <Table.Th>{t("mediaCooperation.quotaDelivered")}</Table.Th>
                  <Table.Th w={240} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.outletId}>
                    <Table.Td>
                      <Link to="/media-contracts" search={{ outletId: r.outletId, fiscalYear }}>
                        {r.outletName}
                      </Link>
                    </Table.Td>
                    <Table.Td>{r.contracts}</Table.Td>
                    <Table.Td>{rupiah(r.valueRupiah)}</Table.Td>
                    <Table.Td>{rupiah(r.paidRupiah)}</Table.Td>
                    <Table.Td>
                      {r.delivered} / {r.quota}
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={spjUrl("pdf", { ...spjQuery, outletId: r.outletId })} size="xs">
                        {t("mediaCooperation.spjPdf")}
                      </Anchor>
                      <Bar label={t("mediaCooperation.budgetUsed")} part={r.paidRupiah} whole={r.valueRupiah} color="blue" />
                      <Bar label={t("mediaCooperation.quotaDelivered")} part={r.delivered} whole={r.quota} color="teal" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {totals && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t("mediaCooperation.total")}</Table.Th>
                    <Table.Th>{rows.reduce((s, r) => s + r.contracts, 0)}</Table.Th>
                    <Table.Th>{rupiah(totals.valueRupiah)}</Table.Th>
                    <Table.Th>{rupiah(totals.paidRupiah)}</Table.Th>
                    <Table.Th>
                      {totals.delivered} / {totals.quota}
                    </Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
