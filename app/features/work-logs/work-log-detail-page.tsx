/** One entry: its fields, evidence, history, and the steps the server allows (`can`). */
import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconEdit, IconLockOpen, IconMapPin, IconSend } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { type BatchAction, notifyBatch } from "./batch-summary";
import { EventTimeline } from "./event-timeline";
import { EvidenceGallery } from "./evidence-gallery";
import { NoteModal } from "./note-modal";
import { ReturnNote, WorkLogStatusBadge } from "./work-log-badges";
import { type BatchResult, useDecideWorkLogs, useReopenWorkLog, useSubmitWorkLogs, useWorkLog, type WorkLogView } from "./work-logs-api";

const route = getRouteApi("/_authed/work-logs/$workLogId");

export function WorkLogDetailPage() {
  const { t } = useTranslation();
  const { workLogId } = route.useParams();
  const log = useWorkLog(workLogId);

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/work-logs" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t("workLogs.backToList")}
        </Group>
      </Anchor>
      {log.isLoading ? (
        <LoadingState />
      ) : log.isError || !log.data ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <WorkLogDetail log={log.data} />
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div style={{ overflowWrap: "anywhere" }}>{children}</div>
    </Stack>
  );
}

function WorkLogDetail({ log }: { log: WorkLogView }) {
  const { t } = useTranslation();
  const submit = useSubmitWorkLogs();
  const decide = useDecideWorkLogs();
  const reopen = useReopenWorkLog();
  const [modal, setModal] = useState<null | "return" | "reopen">(null);

  const onBatch = (action: BatchAction) => ({
    onSuccess: (result: BatchResult) => {
      notifyBatch(action, result);
      setModal(null);
    },
    onError: (error: unknown) => handleApiError(error),
  });

  const hasCoordinates = log.latitude !== null && log.longitude !== null;

  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: "1 1 260px" }}>
          <Group gap="xs" wrap="wrap">
            <WorkLogStatusBadge status={log.status} />
            <Badge variant="outline" style={{ textTransform: "none" }}>
              {log.hasilKerjaCode}
            </Badge>
          </Group>
          <Title order={2} style={{ overflowWrap: "anywhere" }}>
            {log.title}
          </Title>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {log.can.edit && (
            <Button component={Link} to={`/work-logs/${log.id}/edit`} variant="default" leftSection={<IconEdit size={16} />}>
              {t("workLogs.edit")}
            </Button>
          )}
          {log.can.submit && (
            <Button
              leftSection={<IconSend size={16} />}
              loading={submit.isPending}
              onClick={() => submit.mutate([log.id], onBatch("submit"))}
            >
              {log.status === "returned" ? t("workLogs.resubmit") : t("workLogs.submit")}
            </Button>
          )}
          {log.can.decide && (
            <>
              <Button
                color="teal"
                leftSection={<IconCheck size={16} />}
                loading={decide.isPending && decide.variables?.decision === "approve"}
                onClick={() => decide.mutate({ ids: [log.id], decision: "approve" }, onBatch("approve"))}
              >
                {t("workLogs.approve")}
              </Button>
              <Button color="orange" variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setModal("return")}>
                {t("workLogs.return")}
              </Button>
            </>
          )}
          {log.can.reopen && (
            <Button variant="default" leftSection={<IconLockOpen size={16} />} onClick={() => setModal("reopen")}>
              {t("workLogs.reopen")}
            </Button>
          )}
        </Group>
      </Group>

      {log.status === "returned" && <ReturnNote note={log.decisionNote} />}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Stack gap="sm">
                <Field label={t("workLogs.type")}>
                  <Text size="sm">
                    {log.hasilKerjaCode} — {log.hasilKerjaName}
                  </Text>
                </Field>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="sm">
                  <Field label={t("workLogs.officer")}>
                    <Text size="sm">{log.officerName}</Text>
                    <Text size="xs" c="dimmed">
                      {log.organizationName}
                    </Text>
                  </Field>
                  <Field label={t("workLogs.occurredAt")}>
                    <Text size="sm">{formatDateTime(log.occurredAt)}</Text>
                  </Field>
                  {log.submittedAt && (
                    <Field label={t("workLogs.submittedAt")}>
                      <Text size="sm">{formatDateTime(log.submittedAt)}</Text>
                    </Field>
                  )}
                </SimpleGrid>
                {(log.place || hasCoordinates) && (
                  <Field label={t("workLogs.place")}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <IconMapPin size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
                      <Stack gap={0}>
                        {log.place && <Text size="sm">{log.place}</Text>}
                        {hasCoordinates && (
                          <Anchor
                            size="xs"
                            href={`https://www.openstreetmap.org/?mlat=${log.latitude}&mlon=${log.longitude}#map=17/${log.latitude}/${log.longitude}`}
                            target="_blank"
                            rel="noopener noreferrer"
                          >
                            {log.latitude?.toFixed(6)}, {log.longitude?.toFixed(6)}
                          </Anchor>
                        )}
                      </Stack>
                    </Group>
                  </Field>
                )}
                <Field label={t("workLogs.descriptionField")}>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {log.description || "—"}
                  </Text>
                </Field>
              </Stack>
            </Card>
            <Card withBorder radius="md">
              <Title order={4} mb="sm">
                {t("workLogs.evidence")} ({log.evidence.length})
              </Title>
              <EvidenceGallery workLogId={log.id} evidence={log.evidence} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md">
            <Title order={4} mb="sm">
              {t("workLogs.history")}
            </Title>
            <EventTimeline events={log.events} />
          </Card>
        </Grid.Col>
      </Grid>

      <NoteModal
        opened={modal === "return"}
        title={t("workLogs.returnTitle")}
        label={t("workLogs.returnNoteLabel")}
        description={t("workLogs.returnHint")}
        confirmLabel={t("workLogs.return")}
        loading={decide.isPending}
        onClose={() => setModal(null)}
        onConfirm={(note) => decide.mutate({ ids: [log.id], decision: "return", note }, onBatch("return"))}
      />
      <NoteModal
        opened={modal === "reopen"}
        title={t("workLogs.reopenTitle")}
        label={t("workLogs.reopenReason")}
        description={t("workLogs.reopenHint")}
        confirmLabel={t("workLogs.reopen")}
        minLength={5}
        loading={reopen.isPending}
        onClose={() => setModal(null)}
        onConfirm={(reason) =>
          reopen.mutate(
            { id: log.id, reason },
            {
              onSuccess: () => {
                notifySuccess(t("workLogs.reopened"));
                setModal(null);
              },
              onError: (error) => handleApiError(error),
            },
          )
        }
      />
    </>
  );
}
