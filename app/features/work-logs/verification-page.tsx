/**
 * "Verifikasi": submitted entries the user may decide, oldest first. Rows expand to show the
 * description and evidence inline; several can be approved or returned at once.
 */
import { Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconChevronDown, IconChevronUp, IconClock } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { type BatchAction, notifyBatch } from "./batch-summary";
import { EvidenceGallery } from "./evidence-gallery";
import { NoteModal } from "./note-modal";
import { WorkLogRow } from "./work-log-list";
import { QUEUE_PAGE_SIZE, useDecideWorkLogs, useVerificationQueue, useWorkLog, type WorkLogSummary } from "./work-logs-api";

dayjs.extend(relativeTime);

const route = getRouteApi("/_authed/verification");

export function VerificationPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const queue = useVerificationQueue(page);
  const decide = useDecideWorkLogs();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);
  // The ids a "Kembalikan" modal is about: the selection, or one row.
  const [returning, setReturning] = useState<string[] | null>(null);

  const items = queue.data?.items ?? [];
  const decidable = items.filter((l) => l.can.decide);
  const chosen = decidable.filter((l) => selected.has(l.id)).map((l) => l.id);

  const run = (action: Exclude<BatchAction, "submit">, ids: string[], note?: string) =>
    decide.mutate(
      { ids, decision: action, note },
      {
        onSuccess: (result) => {
          notifyBatch(action, result);
          setReturning(null);
          setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
        },
        onError: (error) => handleApiError(error),
      },
    );

  const toggle = (id: string, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const pendingFor = (ids: string[], decision: "approve" | "return") =>
    decide.isPending && decide.variables?.decision === decision && decide.variables.ids.join() === ids.join();

  return (
    <>
      <PageHeader title={t("workLogs.queueTitle")} description={t("workLogs.queueDescription")} />
      {queue.isLoading ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("workLogs.queueEmpty")} description={t("workLogs.queueEmptyHint")} />
      ) : (
        <>
          <Paper withBorder p="xs" mb="sm" radius="md" pos="sticky" top={60} style={{ zIndex: 2 }}>
            <Group justify="space-between" gap="xs">
              <Checkbox
                label={t("workLogs.selectAll")}
                checked={decidable.length > 0 && chosen.length === decidable.length}
                indeterminate={chosen.length > 0 && chosen.length < decidable.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(decidable.map((l) => l.id)) : new Set())}
              />
              <Group gap="xs">
                <Button
                  size="sm"
                  color="teal"
                  leftSection={<IconCheck size={16} />}
                  disabled={chosen.length === 0 || decide.isPending}
                  loading={pendingFor(chosen, "approve")}
                  onClick={() => run("approve", chosen)}
                >
                  {t("workLogs.approve")}
                  {chosen.length > 0 && ` (${chosen.length})`}
                </Button>
                <Button
                  size="sm"
                  color="orange"
                  variant="light"
                  leftSection={<IconArrowBackUp size={16} />}
                  disabled={chosen.length === 0 || decide.isPending}
                  onClick={() => setReturning(chosen)}
                >
                  {t("workLogs.return")}
                  {chosen.length > 0 && ` (${chosen.length})`}
                </Button>
              </Group>
            </Group>
          </Paper>
          <Stack gap="xs">
            {items.map((log) => (
              <WorkLogRow
                key={log.id}
                log={log}
                showOfficer
                testId="queue-row"
                selectable={log.can.decide}
                selected={selected.has(log.id)}
                onSelect={(checked) => toggle(log.id, checked)}
                meta={<SubmittedAgo log={log} />}
                actions={
                  <>
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        px={4}
                        rightSection={expanded === log.id ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
                        onClick={() => setExpanded(expanded === log.id ? null : log.id)}
                        aria-expanded={expanded === log.id}
                      >
                        {expanded === log.id ? t("workLogs.hideEvidence") : t("workLogs.showEvidence")}
                      </Button>
                      <Group gap="xs" ml="auto">
                        <Button
                          size="xs"
                          color="teal"
                          leftSection={<IconCheck size={14} />}
                          disabled={!log.can.decide || (decide.isPending && !pendingFor([log.id], "approve"))}
                          loading={pendingFor([log.id], "approve")}
                          onClick={() => run("approve", [log.id])}
                        >
                          {t("workLogs.approve")}
                        </Button>
                        <Button
                          size="xs"
                          color="orange"
                          variant="light"
                          leftSection={<IconArrowBackUp size={14} />}
                          disabled={!log.can.decide || decide.isPending}
                          onClick={() => setReturning([log.id])}
                        >
                          {t("workLogs.return")}
                        </Button>
                      </Group>
                    </Group>
                    {expanded === log.id && <QueueEntryDetail id={log.id} />}
                  </>
                }
              />
            ))}
          </Stack>
          <ListPagination
            page={queue.data?.page ?? 1}
            pageSize={queue.data?.pageSize || QUEUE_PAGE_SIZE}
            total={queue.data?.total ?? 0}
            onChange={(next) => {
              setSelected(new Set());
              void navigate({ search: { page: next > 1 ? next : undefined } });
            }}
          />
        </>
      )}
      <NoteModal
        opened={returning !== null}
        title={t("workLogs.returnTitle")}
        label={t("workLogs.returnNoteLabel")}
        description={
          returning && returning.length > 1 ? t("workLogs.returnManyHint", { count: returning.length }) : t("workLogs.returnHint")
        }
        confirmLabel={t("workLogs.return")}
        loading={decide.isPending}
        onClose={() => setReturning(null)}
        onConfirm={(note) => returning && run("return", returning, note)}
      />
    </>
  );
}

function SubmittedAgo({ log }: { log: WorkLogSummary }) {
  const { t, i18n } = useTranslation();
  if (!log.submittedAt) return null;
  // Re-render on language change: dayjs' locale follows i18n.
  void i18n.language;
  return (
    <Group gap={4} wrap="nowrap" title={formatDateTime(log.submittedAt)}>
      <IconClock size={14} color="var(--mantine-color-dimmed)" aria-hidden />
      <Text size="xs" c="dimmed">
        {t("workLogs.submittedAgo", { ago: dayjs(log.submittedAt).fromNow() })}
      </Text>
    </Group>
  );
}

function QueueEntryDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const log = useWorkLog(id);
  if (log.isLoading) return <LoadingState />;
  if (log.isError || !log.data) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  return (
    <Stack gap="sm" pt="sm" data-testid="queue-evidence">
      {log.data.description && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {log.data.description}
        </Text>
      )}
      {log.data.place && (
        <Text size="xs" c="dimmed">
          {t("workLogs.place")}: {log.data.place}
        </Text>
      )}
      <EvidenceGallery workLogId={id} evidence={log.data.evidence} />
    </Stack>
  );
}
