/**
 * "Catat hasil kerja": a phone-first form. The entry is saved as a draft first, then each piece
 * of evidence is uploaded on its own (so one refused file never loses the rest). Unsaved values
 * are kept in localStorage per user until the server has them.
 */
import { Alert, Anchor, Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import {
  IconArrowLeft,
  IconCurrentLocation,
  IconDeviceFloppy,
  IconInfoCircle,
  IconMapPinOff,
  IconRestore,
  IconSend,
} from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createWorkLogBody, updateWorkLogBody } from "../../../common/schemas/work-logs";
import { isApiError } from "../../api/client";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session";
import { useHasilKerjaTypes } from "../catalogue/catalogue-api";
import { clearDraft, draftKey, readDraft, writeDraft } from "./draft-storage";
import { EvidenceGallery } from "./evidence-gallery";
import { EvidencePicker, type PendingEvidence } from "./evidence-picker";
import { useGeolocation } from "./use-geolocation";
import { ReturnNote } from "./work-log-badges";
import { emptyValues, sameValues, toCreateBody, toUpdateBody, viewToValues, type WorkLogFormValues } from "./work-log-form-values";
import {
  useAddLinkEvidence,
  useCreateWorkLog,
  useMyOfficer,
  useRemoveEvidence,
  useSubmitWorkLogs,
  useUpdateWorkLog,
  useUploadEvidence,
  useWorkLog,
  type WorkLogView,
} from "./work-logs-api";

export function WorkLogFormPage({ workLogId = null }: { workLogId?: string | null }) {
  const { t } = useTranslation();
  const me = useMyOfficer();
  const types = useHasilKerjaTypes();
  const existing = useWorkLog(workLogId);

  const back = (
    <Anchor component={Link} to={workLogId ? `/work-logs/${workLogId}` : "/work-logs"} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {workLogId ? t("workLogs.backToEntry") : t("workLogs.backToList")}
      </Group>
    </Anchor>
  );

  let body: ReactNode;
  if (me.isLoading || types.isLoading || existing.isLoading) body = <LoadingState />;
  else if (me.isError || types.isError || existing.isError)
    body = (
      <ErrorState error={me.error ?? types.error ?? existing.error} onRetry={() => void Promise.all([me.refetch(), types.refetch()])} />
    );
  else if (!me.data) body = <Alert color="blue">{t("workLogs.noOfficer")}</Alert>;
  else if (existing.data && !existing.data.can.edit) body = <Alert color="yellow">{t("workLogs.notEditable")}</Alert>;
  else
    body = <WorkLogForm key={workLogId ?? "new"} officerId={me.data.id} existing={existing.data ?? null} types={types.data?.items ?? []} />;

  return (
    <Stack gap="sm" maw={720}>
      {back}
      <Title order={2}>{workLogId ? t("workLogs.editTitle") : t("workLogs.createTitle")}</Title>
      {body}
    </Stack>
  );
}

type HasilKerjaType = NonNullable<ReturnType<typeof useHasilKerjaTypes>["data"]>["items"][number];

function WorkLogForm({ officerId, existing, types }: { officerId: string; existing: WorkLogView | null; types: HasilKerjaType[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const create = useCreateWorkLog();
  const update = useUpdateWorkLog();
  const upload = useUploadEvidence();
  const addLink = useAddLinkEvidence();
  const removeEvidence = useRemoveEvidence();
  const submit = useSubmitWorkLogs();

  const [savedId, setSavedId] = useState<string | null>(existing?.id ?? null);
  const saved = useWorkLog(savedId);
  const [pending, setPending] = useState<PendingEvidence[]>([]);
  const [busy, setBusy] = useState<null | "draft" | "submit">(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  const initial = useMemo(() => (existing ? viewToValues(existing) : emptyValues()), [existing]);
  const key = draftKey(session.user.id, savedId);
  const keyRef = useRef(key);
  keyRef.current = key;

  const form = useForm<WorkLogFormValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = savedId
        ? zodErrors(updateWorkLogBody, toUpdateBody(values))
        : zodErrors(createWorkLogBody, toCreateBody(officerId, values));
      if (!values.hasilKerjaTypeId) errors.hasilKerjaTypeId = t("validation.required");
      if (!values.occurredAt) errors.occurredAt = t("validation.required");
      return errors;
    },
    // Every change lands in localStorage at once: a dropped connection loses nothing.
    onValuesChange: (values) => {
      if (sameValues(values, initial)) clearDraft(keyRef.current);
      else writeDraft(keyRef.current, values);
    },
  });

  // Restore what was typed last time (once, on opening the form).
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const draft = readDraft<WorkLogFormValues>(keyRef.current);
    if (draft && !sameValues({ ...initial, ...draft.values }, initial)) {
      form.setValues({ ...initial, ...draft.values });
      setRestoredAt(draft.savedAt);
    }
  }, [form, initial]);

  const discardRestored = () => {
    clearDraft(keyRef.current);
    form.setValues(initial);
    setRestoredAt(null);
  };

  const geo = useGeolocation(
    useCallback(
      (latitude: number, longitude: number) => {
        form.setFieldValue("latitude", latitude);
        form.setFieldValue("longitude", longitude);
      },
      [form],
    ),
  );

  const values = form.getValues();
  const selectedType = types.find((type) => type.id === values.hasilKerjaTypeId);
  const typeOptions = useMemo(
    () =>
      types
        .filter((type) => type.active || type.id === existing?.hasilKerjaTypeId)
        .map((type) => ({ value: type.id, label: `${type.code} — ${type.name}` })),
    [types, existing],
  );

  const setItem = (itemKey: string, patch: Partial<PendingEvidence>) =>
    setPending((prev) => prev.map((p) => (p.key === itemKey ? ({ ...p, ...patch } as PendingEvidence) : p)));

  /** Uploads the waiting (or failed) items one by one; answers how many are still not stored. */
  const uploadPending = async (id: string, items: PendingEvidence[]): Promise<number> => {
    let failed = 0;
    for (const item of items) {
      if (item.status === "uploading") continue;
      setItem(item.key, { status: "uploading", error: undefined });
      try {
        if (item.kind === "file") await upload.mutateAsync({ id, file: item.file });
        else await addLink.mutateAsync({ id, body: { kind: "link", url: item.url, label: item.label || undefined } });
        setPending((prev) => prev.filter((p) => p.key !== item.key));
      } catch (error) {
        failed++;
        setItem(item.key, { status: "failed", error: isApiError(error) ? error.message : t("errors.unexpected") });
      }
    }
    return failed;
  };

  const save = async (andSubmit: boolean) => {
    if (form.validate().hasErrors) return;
    const v = form.getValues();
    setBusy(andSubmit ? "submit" : "draft");
    try {
      let id = savedId;
      try {
        if (id) await update.mutateAsync({ id, body: toUpdateBody(v) });
        else {
          const created = await create.mutateAsync(toCreateBody(officerId, v));
          id = created.id;
          clearDraft(draftKey(session.user.id, null));
          setSavedId(id);
        }
      } catch (error) {
        handleApiError(error, form);
        return;
      }
      clearDraft(draftKey(session.user.id, id));
      setRestoredAt(null);

      const failed = await uploadPending(id, pending);
      if (failed > 0) {
        notifications.show({
          color: "red",
          title: t("workLogs.savedWithFailures"),
          message: t("workLogs.uploadFailed", { count: failed }),
        });
        return;
      }
      if (andSubmit) {
        const result = await submit.mutateAsync([id]);
        const outcome = result.results[0];
        if (!outcome?.ok) {
          notifications.show({ color: "red", title: t("errors.title"), message: t("workLogs.submitFailed") });
          return;
        }
        notifySuccess(t("workLogs.savedAndSubmitted"));
      } else {
        notifySuccess(t("workLogs.savedDraft"));
      }
      void navigate({ to: "/work-logs/$workLogId", params: { workLogId: id } });
    } catch (error) {
      handleApiError(error);
    } finally {
      setBusy(null);
    }
  };

  const retryItem = (itemKey: string) => {
    const item = pending.find((p) => p.key === itemKey);
    if (!savedId || !item) return;
    setBusy("draft");
    void uploadPending(savedId, [item]).finally(() => setBusy(null));
  };

  const stored = saved.data ?? existing;
  const geoError = geo.error && t(`workLogs.geo.${geo.error}`);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
    >
      <Stack gap="md">
        {restoredAt && (
          <Alert color="blue" icon={<IconRestore size={18} />} title={t("workLogs.draftRestored")} data-testid="draft-restored">
            <Text size="sm">{t("workLogs.draftRestoredHint", { time: formatDateTime(restoredAt) })}</Text>
            <Button size="xs" variant="subtle" px={0} mt={4} onClick={discardRestored}>
              {t("workLogs.discardDraft")}
            </Button>
          </Alert>
        )}
        {existing?.status === "returned" && <ReturnNote note={existing.decisionNote} />}

        <Select
          label={t("workLogs.type")}
          placeholder={t("workLogs.typePlaceholder")}
          data={typeOptions}
          searchable
          nothingFoundMessage={t("workLogs.typeNotFound")}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={280}
          {...form.getInputProps("hasilKerjaTypeId")}
        />
        {selectedType && (
          <Paper bg="gray.0" p="sm" radius="sm" data-testid="type-help">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconInfoCircle size={16} style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-blue-6)" />
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                  {selectedType.definition}
                </Text>
                {selectedType.evidence && (
                  <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                    <Text span fw={600} size="xs">
                      {t("workLogs.expectedEvidence")}:
                    </Text>{" "}
                    {selectedType.evidence}
                  </Text>
                )}
              </Stack>
            </Group>
          </Paper>
        )}

        <TextInput type="datetime-local" label={t("workLogs.occurredAt")} {...form.getInputProps("occurredAt")} />
        <TextInput label={t("workLogs.titleField")} maxLength={300} {...form.getInputProps("title")} />
        <Textarea
          label={t("workLogs.descriptionField")}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={10_000}
          {...form.getInputProps("description")}
        />
        <TextInput label={t("workLogs.place")} maxLength={300} {...form.getInputProps("place")} />

        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <Button
              variant="light"
              leftSection={<IconCurrentLocation size={16} />}
              loading={geo.locating}
              onClick={geo.locate}
              disabled={!geo.supported}
            >
              {t("workLogs.useMyLocation")}
            </Button>
            {values.latitude !== null && values.longitude !== null && (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconMapPinOff size={16} />}
                onClick={() => {
                  form.setFieldValue("latitude", null);
                  form.setFieldValue("longitude", null);
                }}
              >
                {t("workLogs.clearLocation")}
              </Button>
            )}
          </Group>
          {values.latitude !== null && values.longitude !== null ? (
            <Text size="sm" data-testid="coordinates">
              {t("workLogs.coordinates")}: {values.latitude.toFixed(6)}, {values.longitude.toFixed(6)}
            </Text>
          ) : (
            <Text size="xs" c={geoError ? "orange.8" : "dimmed"} role={geoError ? "alert" : undefined}>
              {geoError || t("workLogs.locationOptional")}
            </Text>
          )}
        </Stack>

        <Divider label={t("workLogs.evidence")} labelPosition="left" />
        {stored && stored.evidence.length > 0 && (
          <EvidenceGallery
            workLogId={stored.id}
            evidence={stored.evidence}
            removingId={removeEvidence.isPending ? removeEvidence.variables?.evidenceId : null}
            onRemove={(e) => removeEvidence.mutate({ id: stored.id, evidenceId: e.id }, { onError: (error) => handleApiError(error) })}
          />
        )}
        <EvidencePicker
          items={pending}
          busy={busy !== null}
          onAdd={(items) => setPending((prev) => [...prev, ...items])}
          onRemove={(itemKey) => setPending((prev) => prev.filter((p) => p.key !== itemKey))}
          onRetry={savedId ? retryItem : undefined}
        />
        {pending.length > 0 && !savedId && (
          <Text size="xs" c="dimmed">
            {t("workLogs.uploadAfterSave")}
          </Text>
        )}

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="sm">
          <Button
            type="submit"
            variant="default"
            leftSection={<IconDeviceFloppy size={16} />}
            loading={busy === "draft"}
            disabled={busy === "submit"}
          >
            {t("workLogs.saveDraft")}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            loading={busy === "submit"}
            disabled={busy === "draft"}
            onClick={() => void save(true)}
          >
            {t("workLogs.saveAndSubmit")}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}
