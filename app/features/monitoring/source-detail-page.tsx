/** One source: health, items per day over 7 days, the fetch log, "fetch now" with progress, edit and delete. */
import { Anchor, Badge, Button, Card, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconDownload, IconPencil, IconTrash } from "@tabler/icons-react";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FEED_SOURCE_KINDS } from "../../../common/monitoring-source-enums";
import { useConfirm } from "../../components/confirm-provider";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { SourceFormModal } from "./source-form-modal";
import { SourceHealthBadge } from "./source-health-badge";
import { type FetchLogEntry, fetchErrorText, type SourceView, useDeleteSource, useFetchLog, useFetchNow, useSource } from "./sources-api";

const route = getRouteApi("/_authed/monitoring/sources/$sourceId");

export function SourceDetailPage() {
  const { sourceId } = route.useParams();
  const { t } = useTranslation();
  const query = useSource(sourceId);
  return (
    <RecordState query={query} notFoundTitle={t("monitoringSources.notFound")} notFoundBody={t("monitoringSources.notFoundBody")}>
      {(source) => <SourceDetail source={source} />}
    </RecordState>
  );
}

const STATUS_COLORS: Record<FetchLogEntry["status"], string> = {
  running: "blue",
  ok: "teal",
  partial: "yellow",
  not_modified: "gray",
  error: "red",
};

function useDateTime() {
  const { i18n } = useTranslation();
  return (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID") : "—");
}

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value === null || value === undefined || value === "" ? "—" : value}</Text>
    </div>
  );
}

function SourceDetail({ source: s }: { source: SourceView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const at = useDateTime();
  const [editing, setEditing] = useState(false);
  const fetchNow = useFetchNow();
  const remove = useDeleteSource();
  const editable = (FEED_SOURCE_KINDS as readonly string[]).includes(s.kind);
  const running = s.running || fetchNow.isPending;
  const max = Math.max(1, ...s.itemsByDay.map((d) => d.items));

  const onFetch = async () => {
    try {
      await fetchNow.mutateAsync(s.id);
      notifySuccess(t("monitoringSources.fetchQueued"));
    } catch (err) {
      handleApiError(err);
    }
  };
  const onDelete = async () => {
    const ok = await confirm({
      title: t("monitoringSources.deleteTitle"),
      message: t("monitoringSources.deleteMessage", { name: s.name }),
      confirmLabel: t("monitoringSources.delete"),
      danger: true,
    });
    if (!ok) return;
    try {
      await remove.mutateAsync(s.id);
      notifySuccess(t("monitoringSources.deleted"));
      void navigate({ to: "/monitoring/sources" });
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={s.name}
        description={s.organizationName}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/monitoring/sources" leftSection={<IconArrowLeft size={16} />}>
              {t("monitoringSources.title")}
            </Button>
            {s.can.manage && editable && (
              <>
                <Button
                  variant="default"
                  leftSection={running ? <Loader size={14} /> : <IconDownload size={16} />}
                  disabled={running || !s.enabled}
                  onClick={() => void onFetch()}
                >
                  {running ? t("monitoringSources.fetching") : t("monitoringSources.fetchNow")}
                </Button>
                <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                  {t("monitoringSources.edit")}
                </Button>
              </>
            )}
            {s.can.manage && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                onClick={() => void onDelete()}
                loading={remove.isPending}
              >
                {t("monitoringSources.delete")}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <Card withBorder radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t("monitoringSources.healthTitle")}</Title>
            <SourceHealthBadge health={s.health} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field label={t("monitoringSources.kind")} value={t(`monitoringSources.kinds.${s.kind}`)} />
            <Field label={t("monitoringSources.outlet")} value={s.outletName} />
            <Field label={t("monitoringSources.schedule")} value={t("monitoringSources.everyMinutes", { count: s.scheduleMinutes })} />
            <Field label={t("monitoringSources.lastFetchedLabel")} value={at(s.lastFetchedAt)} />
            <Field label={t("monitoringSources.lastSuccess")} value={at(s.lastSuccessAt)} />
            <Field
              label={t("monitoringSources.nextFetch")}
              value={s.enabled ? at(s.nextFetchAt) : t("monitoringSources.health.disabled")}
            />
            <Field label={t("monitoringSources.failures")} value={s.consecutiveFailures} />
            <Field label={t("monitoringSources.itemsTotal")} value={s.itemsTotal} />
            <Field label={t("monitoringSources.itemsPerDayLabel")} value={s.itemsPerDay} />
          </SimpleGrid>
          {s.url && (
            <Text size="sm" mt="sm">
              <Anchor href={s.url} target="_blank" rel="noreferrer">
                {s.url}
              </Anchor>
            </Text>
          )}
          {s.lastErrorCode && (
            <Text size="sm" c="red" mt="sm">
              {fetchErrorText(s.lastErrorCode, s.lastErrorMessage)}
              {s.lastErrorMessage ? ` (${s.lastErrorMessage})` : ""}
            </Text>
          )}
        </Card>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            {t("monitoringSources.itemsByDay")}
          </Title>
          <Group gap="xs" align="flex-end" wrap="nowrap" h={120} role="img" aria-label={t("monitoringSources.itemsByDay")}>
            {s.itemsByDay.map((d) => (
              <Stack key={d.day} gap={2} align="center" style={{ flex: 1 }}>
                <Text size="xs">{d.items}</Text>
                <div
                  style={{ width: "100%", height: `${(d.items / max) * 80}px`, minHeight: 2, background: "var(--mantine-color-teal-5)" }}
                />
                <Text size="xs" c="dimmed">
                  {d.day.slice(5)}
                </Text>
              </Stack>
            ))}
          </Group>
        </Card>
        <FetchLog sourceId={s.id} running={running} />
      </Stack>
      {editing && <SourceFormModal opened onClose={() => setEditing(false)} source={s} />}
    </>
  );
}

function FetchLog({ sourceId, running }: { sourceId: string; running: boolean }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const [page, setPage] = useState(1);
  const log = useFetchLog(sourceId, page, running);
  const items = log.data?.items ?? [];
  return (
    <Card withBorder radius="md">
      <Title order={4} mb="sm">
        {t("monitoringSources.fetchLog")}
      </Title>
      {items.length === 0 ? (
        <EmptyState title={t("monitoringSources.noFetches")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("monitoringSources.at")}</Table.Th>
                  <Table.Th>{t("monitoringSources.status")}</Table.Th>
                  <Table.Th>{t("monitoringSources.entries")}</Table.Th>
                  <Table.Th>{t("monitoringSources.items")}</Table.Th>
                  <Table.Th>{t("monitoringSources.duplicates")}</Table.Th>
                  <Table.Th>{t("monitoringSources.problems")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Text size="sm">{at(l.at)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`monitoringSources.trigger.${l.trigger === "manual" ? "manual" : "schedule"}`)}
                        {l.httpStatus ? ` · HTTP ${l.httpStatus}` : ""}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[l.status]} variant="light">
                        {t(`monitoringSources.fetchStatus.${l.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{l.entries}</Table.Td>
                    <Table.Td>{l.items}</Table.Td>
                    <Table.Td>{l.duplicates}</Table.Td>
                    <Table.Td>
                      {l.status === "error" && <Text size="sm">{fetchErrorText(l.errorCode, l.error)}</Text>}
                      {l.details.length > 0 && (
                        <List size="xs" spacing={2}>
                          {l.details.map((d) => (
                            <List.Item key={`${d.url}-${d.code}`}>
                              <Anchor href={d.url} target="_blank" rel="noreferrer" size="xs">
                                {d.url}
                              </Anchor>
                              {": "}
                              {fetchErrorText(d.code, d.message)}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination page={page} pageSize={20} total={log.data?.total ?? 0} onChange={setPage} />
        </>
      )}
    </Card>
  );
}
