/** "Catatan kerja": the signed-in officer's entries, filters in the URL, batch "Ajukan terpilih". */
import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { IconPlus, IconSend } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError } from "../../lib/form-errors";
import { notifyBatch } from "./batch-summary";
import { WorkLogFiltersBar } from "./work-log-filters";
import { WorkLogRow } from "./work-log-list";
import { useMyOfficer, useSubmitWorkLogs, useWorkLogs, WORK_LOGS_PAGE_SIZE, type WorkLogFilters } from "./work-logs-api";

const route = getRouteApi("/_authed/work-logs");

export function WorkLogsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMyOfficer();
  // With an officer record the page shows one's own entries; others see what they may read.
  const officerId = me.data?.id;
  const list = useWorkLogs({ ...search, officerId }, !me.isLoading);
  const submit = useSubmitWorkLogs();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const setFilters = (patch: Partial<WorkLogFilters>) => {
    setSelected(new Set());
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  };
  const filtered = !!(search.q || search.status || search.from || search.to);
  const items = list.data?.items ?? [];
  const submittable = items.filter((l) => l.can.submit && (l.status === "draft" || l.status === "returned"));
  const chosen = submittable.filter((l) => selected.has(l.id));

  const toggle = (id: string, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const submitSelected = () =>
    submit.mutate(
      chosen.map((l) => l.id),
      {
        onSuccess: (result) => {
          notifyBatch("submit", result);
          setSelected(new Set());
        },
        onError: (error) => handleApiError(error),
      },
    );

  return (
    <>
      <PageHeader
        title={t("workLogs.title")}
        description={t("workLogs.description")}
        actions={
          officerId && (
            <Button component={Link} to="/work-logs/new" leftSection={<IconPlus size={16} />}>
              {t("workLogs.create")}
            </Button>
          )
        }
      />
      {me.data === null && (
        <Alert color="blue" mb="md">
          {t("workLogs.noOfficer")}
        </Alert>
      )}
      <WorkLogFiltersBar filters={search} onChange={setFilters} />
      {submittable.length > 0 && (
        <Paper withBorder p="xs" mb="sm" radius="md" pos="sticky" top={60} style={{ zIndex: 2 }}>
          <Group justify="space-between" gap="xs">
            <Checkbox
              label={t("workLogs.selectAll")}
              checked={chosen.length === submittable.length}
              indeterminate={chosen.length > 0 && chosen.length < submittable.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(submittable.map((l) => l.id)) : new Set())}
            />
            <Button
              size="sm"
              leftSection={<IconSend size={16} />}
              disabled={chosen.length === 0}
              loading={submit.isPending}
              onClick={submitSelected}
            >
              {t("workLogs.submitSelected")}
              {chosen.length > 0 && ` (${chosen.length})`}
            </Button>
          </Group>
        </Paper>
      )}
      {me.isLoading || list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("workLogs.noMatches") : t("workLogs.empty")}
          description={filtered ? t("common.tryOtherSearch") : officerId ? t("workLogs.emptyHint") : undefined}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((log) => (
              <WorkLogRow
                key={log.id}
                log={log}
                showOfficer={!officerId}
                selectable={submittable.includes(log)}
                selected={selected.has(log.id)}
                onSelect={submittable.length > 0 ? (checked) => toggle(log.id, checked) : undefined}
              />
            ))}
          </Stack>
          <ListPagination
            page={list.data?.page ?? 1}
            pageSize={list.data?.pageSize || WORK_LOGS_PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => {
              setSelected(new Set());
              void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) });
            }}
          />
          <Text size="xs" c="dimmed" mt="xs">
            {t("workLogs.submitHint")}
          </Text>
        </>
      )}
    </>
  );
}
