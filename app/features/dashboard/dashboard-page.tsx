/**
 * Dasbor Pranata Humas: officers by jenjang and unit, work logs by status, type and month, and
 * the verification backlog, for one organization's subtree and year.
 */
import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/query-state";
import { formatMonth, formatNumber } from "../../lib/format";
import { jenjangName } from "../officers/labels";
import { BarList } from "./bar-list";
import { useDashboard } from "./dashboard-api";

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`stat-${label}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear);
  const query = useDashboard(organizationId, year);
  const d = query.data;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  return (
    <Stack>
      <PageHeader title={t("dashboard.title")} description={d ? `${d.organizationName} · ${d.year}` : t("dashboard.description")} />
      <Group align="flex-end" wrap="wrap">
        <OrganizationSelect
          label={t("dashboard.organization")}
          value={organizationId ?? d?.organizationId ?? null}
          onChange={(v) => setOrganizationId(v)}
          style={{ minWidth: 260, flex: 1 }}
        />
        <Select
          label={t("dashboard.year")}
          data={years}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
      </Group>
      {query.isLoading && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat
              label={t("dashboard.officers")}
              value={formatNumber(d.officers.active, 0)}
              hint={t("dashboard.ofTotal", { total: formatNumber(d.officers.total, 0) })}
            />
            <Stat
              label={t("dashboard.workLogs")}
              value={formatNumber(d.workLogs.total, 0)}
              hint={t("dashboard.inYear", { year: d.year })}
            />
            <Stat label={t("dashboard.approved")} value={formatNumber(d.workLogs.byStatus.approved, 0)} />
            <Stat
              label={t("dashboard.waiting")}
              value={formatNumber(d.backlog.submitted, 0)}
              hint={d.backlog.oldestDays === null ? undefined : t("dashboard.oldest", { days: d.backlog.oldestDays })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card title={t("dashboard.byJenjang")}>
              <BarList
                bars={d.officers.byJenjang.map((j) => ({ label: jenjangName(j.jenjang), value: j.count }))}
                empty={t("dashboard.none")}
              />
            </Card>
            <Card title={t("dashboard.byStatus")}>
              <BarList
                bars={(["approved", "submitted", "returned", "draft"] as const).map((s) => ({
                  label: t(`dashboard.status.${s}`),
                  value: d.workLogs.byStatus[s],
                  color: { approved: "teal.6", submitted: "blue.6", returned: "orange.6", draft: "gray.5" }[s],
                }))}
                empty={t("dashboard.none")}
              />
            </Card>
            <Card title={t("dashboard.byMonth")}>
              <BarList
                bars={d.workLogs.byMonth.map((m) => ({ label: formatMonth(m.month), value: m.approved, extra: m.other, color: "teal.6" }))}
                empty={t("dashboard.none")}
              />
            </Card>
            <Card title={t("dashboard.byType")}>
              <BarList
                bars={d.workLogs.byType.map((ty) => ({ label: `${ty.code} · ${ty.name}`, value: ty.count }))}
                empty={t("dashboard.none")}
              />
            </Card>
            <Card title={t("dashboard.byOrganization")}>
              <BarList bars={d.officers.byOrganization.map((o) => ({ label: o.name, value: o.count }))} empty={t("dashboard.none")} />
            </Card>
            <Card title={t("dashboard.backlog")}>
              <BarList
                bars={d.backlog.byOrganization.map((o) => ({
                  label: `${o.name} · ${t("dashboard.oldest", { days: o.oldestDays })}`,
                  value: o.submitted,
                  color: "orange.6",
                }))}
                empty={t("dashboard.noBacklog")}
              />
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
