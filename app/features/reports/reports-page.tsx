/** Agency recap: pick an organization and a year, build it in the background, download when done. */
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconFileSpreadsheet } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { exportFileUrl, type ReportExportView, useCreateRecap, useReportExport, useReportExports } from "./reports-api";

const STATUS_COLOR: Record<ReportExportView["status"], string> = { queued: "gray", running: "blue", done: "green", failed: "red" };

export function ReportsPage() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [year, setYear] = useState<number>(dayjs().year());
  const [exportId, setExportId] = useState<string | null>(null);
  const create = useCreateRecap();
  const current = useReportExport(exportId);

  const start = () => {
    if (!organizationId) return;
    create.mutate({ organizationId, year }, { onSuccess: (res) => setExportId(res.id), onError: (error) => handleApiError(error) });
  };

  return (
    <Stack>
      <PageHeader title={t("reports.title")} description={t("reports.description")} />
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={3} size="h4">
            {t("reports.recapTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("reports.recapHint")}
          </Text>
          <Group align="flex-end">
            <OrganizationSelect
              label={t("reports.organization")}
              value={organizationId}
              onChange={setOrganizationId}
              w={{ base: "100%", sm: 420 }}
              data-testid="recap-organization"
            />
            <NumberInput
              label={t("reports.year")}
              value={year}
              onChange={(v) => setYear(Number(v) || dayjs().year())}
              min={2000}
              max={2100}
              w={120}
            />
            <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={start} loading={create.isPending} disabled={!organizationId}>
              {t("reports.create")}
            </Button>
          </Group>
          {current.data && <ExportProgress view={current.data} />}
        </Stack>
      </Paper>
      <RecentExports />
    </Stack>
  );
}

function ExportProgress({ view }: { view: ReportExportView }) {
  const { t } = useTranslation();
  if (view.status === "failed") {
    return (
      <Alert color="red" title={t("reports.failed")}>
        {view.error}
      </Alert>
    );
  }
  return (
    <Stack gap={6} data-testid="recap-progress">
      <Group justify="space-between">
        <Text size="sm">{t(`reports.status.${view.status}`)}</Text>
        <Text size="sm" c="dimmed">
          {view.progress}%
        </Text>
      </Group>
      <Progress value={view.progress} animated={view.status !== "done"} aria-label={t("reports.progress")} />
      {view.status === "done" && (
        <Group>
          <Button component="a" href={exportFileUrl(view.id)} leftSection={<IconDownload size={16} />} data-testid="recap-download">
            {t("reports.download")} {view.fileName}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RecentExports() {
  const { t } = useTranslation();
  const list = useReportExports();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t("reports.recent")}
      </Title>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError || !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t("reports.noExports")} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reports.requestedAt")}</Table.Th>
                <Table.Th>{t("reports.organization")}</Table.Th>
                <Table.Th>{t("reports.year")}</Table.Th>
                <Table.Th>{t("reports.statusLabel")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>{e.organizationName}</Table.Td>
                  <Table.Td>{String(e.params.year ?? "—")}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[e.status]} variant="light">
                      {e.status === "running" ? `${t(`reports.status.${e.status}`)} ${e.progress}%` : t(`reports.status.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {e.status === "done" && (
                      <Anchor href={exportFileUrl(e.id)} size="sm">
                        {t("reports.download")}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
