/** The sends of an item: progress of each, and its per-recipient status table with filters and CSV export. */
import { Accordion, Badge, Button, Group, Progress, Select, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RECIPIENT_STATUSES, type RecipientStatus } from "../../../common/distribution-enums";
import type { TimeZoneCode } from "../../../common/roles";
import { ListPagination } from "../../components/list-pagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { formatZoned } from "../../lib/format-date";
import { type DistributionView, PAGE_SIZE, recipientsCsvUrl, useDistributions, useRecipients } from "./distribution-api";

const COLORS: Record<RecipientStatus, string> = { queued: "gray", accepted: "teal", deferred: "yellow", bounced: "red", skipped: "grape" };

export function StatusBadge({ status }: { status: RecipientStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`distribution.status.${status}`)}
    </Badge>
  );
}

function Recipients({ send, zone }: { send: DistributionView; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RecipientStatus | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const filters = { status, q, page };
  const list = useRecipients(send.id, filters, !send.done);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label={t("distribution.history.search")}
          value={q}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          label={t("distribution.history.status")}
          data={RECIPIENT_STATUSES.map((s) => ({ value: s, label: t(`distribution.status.${s}`) }))}
          clearable
          placeholder={t("common.all")}
          value={status ?? null}
          onChange={(v) => {
            setStatus((v as RecipientStatus) ?? undefined);
            setPage(1);
          }}
          w={180}
        />
        <Button
          variant="default"
          component="a"
          href={recipientsCsvUrl(send.id, { status, q })}
          download
          leftSection={<IconDownload size={16} />}
        >
          {t("distribution.history.exportCsv")}
        </Button>
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("distribution.history.noRecipients")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("distribution.history.name")}</Table.Th>
                  <Table.Th>{t("distribution.history.email")}</Table.Th>
                  <Table.Th>{t("distribution.history.status")}</Table.Th>
                  <Table.Th>{t("distribution.history.response")}</Table.Th>
                  <Table.Th>{t("distribution.history.sentAt")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.email}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {r.smtpResponse ?? "—"}
                        {r.attempts > 1 ? ` · ${t("distribution.history.attempts", { count: r.attempts })}` : ""}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatZoned(r.sentAt, zone, { short: true })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function Progression({ send }: { send: DistributionView }) {
  const { t } = useTranslation();
  const c = send.counts;
  const pct = (n: number) => (send.total ? (n / send.total) * 100 : 0);
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" aria-label={t("distribution.history.progress")}>
        <Progress.Section value={pct(c.accepted)} color="teal" />
        <Progress.Section value={pct(c.deferred)} color="yellow" />
        <Progress.Section value={pct(c.bounced)} color="red" />
        <Progress.Section value={pct(c.skipped)} color="grape" />
      </Progress.Root>
      <Group gap="xs">
        {RECIPIENT_STATUSES.map((s) => (
          <Text key={s} size="xs" c="dimmed">
            {t(`distribution.status.${s}`)}: {c[s]}
          </Text>
        ))}
        {send.openTracking && (
          <Text size="xs" c="dimmed">
            {t("distribution.history.opened")}: {c.opened}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function DistributionHistory({ contentId, zone }: { contentId: string; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const sends = useDistributions(contentId);
  if (sends.isLoading) return <LoadingState />;
  if (sends.isError) return <ErrorState error={sends.error} onRetry={() => void sends.refetch()} />;
  const items = sends.data?.items ?? [];
  if (items.length === 0) return <EmptyState title={t("distribution.history.empty")} description={t("distribution.history.emptyHint")} />;
  return (
    <Accordion variant="separated" defaultValue={items[0].id}>
      {items.map((d) => (
        <Accordion.Item key={d.id} value={d.id}>
          <Accordion.Control>
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{formatZoned(d.createdAt, zone, { short: true })}</Text>
                <Badge variant="light" color={d.done ? "teal" : "blue"}>
                  {d.done ? t("distribution.history.done") : t("distribution.history.sending")}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {d.listNames.join(", ")} · {t("distribution.lists.recipients", { count: d.total })}
                {d.createdByName ? ` · ${d.createdByName}` : ""}
              </Text>
              <Progression send={d} />
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            <Recipients send={d} zone={zone} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
