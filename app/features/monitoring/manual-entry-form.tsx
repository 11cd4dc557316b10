/**
 * "Entri manual": a print, TV or radio item typed by an officer, or read from an uploaded
 * newspaper scan by OCR (a background job; its progress is polled). The OCR text is only a
 * suggestion: it lands in the text box to be corrected before the item is saved.
 */
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconScan, IconUpload } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { MANUAL_ITEM_KINDS, OCR_SCAN_ACCEPT } from "../../../common/monitoring-intake-enums";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { OutletSelect } from "../media-relations/outlet-select";
import { type ManualEntryInput, scanFileUrl, useSaveManualEntry, useScan, useUploadScan } from "./intake-api";

type Values = Omit<ManualEntryInput, "scanId" | "publishedTime" | "page" | "author"> & {
  publishedTime: string;
  page: string;
  author: string;
};

const today = () => new Date().toISOString().slice(0, 10);
const blank = (organizationId: string | null): Values => ({
  organizationId: organizationId ?? "",
  kind: "print",
  outletId: null,
  outletName: "",
  publishedOn: today(),
  publishedTime: "",
  page: "",
  title: "",
  text: "",
  author: "",
});

export function ManualEntryForm() {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: blank(null),
    validate: {
      organizationId: (v) => (v ? null : t("validation.required")),
      outletName: (v) => (v.trim() ? null : t("validation.required")),
      publishedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.required")),
      title: (v) => (v.trim() ? null : t("validation.required")),
      text: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const upload = useUploadScan();
  const save = useSaveManualEntry();
  const [scanId, setScanId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const scan = useScan(scanId);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);

  // When OCR finishes, its text fills the box once (the officer's edits are never overwritten).
  useEffect(() => {
    const s = scan.data;
    if (s?.status === "done" && s.text && filledFrom !== s.id) {
      setFilledFrom(s.id);
      if (!form.values.text.trim()) form.setFieldValue("text", s.text);
    }
  }, [scan.data, filledFrom, form]);

  const pick = (file: File | null) => {
    setUploadError(null);
    if (!file) return;
    if (!form.values.organizationId) {
      form.setFieldError("organizationId", t("validation.required"));
      return;
    }
    upload.mutate(
      { organizationId: form.values.organizationId, file },
      {
        onSuccess: (s) => setScanId(s.id),
        // A refused file and "OCR tidak tersedia" (503) stay next to the upload button.
        onError: (e) => (isApiError(e) && (e.status < 500 || e.status === 503) ? setUploadError(e.message) : handleApiError(e)),
      },
    );
  };

  const submit = form.onSubmit((values) => {
    const body: ManualEntryInput = {
      ...values,
      outletId: values.outletId || null,
      publishedTime: values.publishedTime || null,
      page: values.page.trim() || null,
      author: values.author.trim() || null,
      scanId: scan.data?.status === "done" ? scanId : null,
    };
    save.mutate(body, {
      onSuccess: (res) => {
        notifySuccess(res.duplicate ? t("monitoringIntake.manual.savedDuplicate") : t("monitoringIntake.manual.saved"));
        form.setValues(blank(values.organizationId));
        setScanId(null);
        setFilledFrom(null);
      },
      onError: (e) => handleApiError(e, form),
    });
  });

  const s = scan.data;
  const running = Boolean(scanId) && (!s || s.status === "queued" || s.status === "running");
  const pageLabel = form.values.kind === "print" ? t("monitoringIntake.manual.page") : t("monitoringIntake.manual.programme");

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrganizationSelect label={t("monitoringIntake.organization")} required {...form.getInputProps("organizationId")} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("monitoringIntake.manual.kind")}
            </Text>
            <SegmentedControl
              data={MANUAL_ITEM_KINDS.map((k) => ({ value: k, label: t(`monitoringIntake.kinds.${k}`) }))}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue("kind", v as Values["kind"])}
            />
          </Stack>
          <OutletSelect
            label={t("monitoringIntake.manual.outletRecord")}
            description={t("monitoringIntake.manual.outletRecordHelp")}
            value={form.values.outletId}
            onChange={(id, option) => {
              form.setFieldValue("outletId", id);
              if (option) form.setFieldValue("outletName", option.label);
            }}
          />
          <TextInput label={t("monitoringIntake.manual.outletName")} required {...form.getInputProps("outletName")} />
          <Group grow>
            <TextInput type="date" label={t("monitoringIntake.manual.date")} required {...form.getInputProps("publishedOn")} />
            <TextInput type="time" label={t("monitoringIntake.manual.time")} {...form.getInputProps("publishedTime")} />
          </Group>
          <TextInput label={pageLabel} {...form.getInputProps("page")} />
        </SimpleGrid>
        <TextInput label={t("monitoringIntake.manual.title")} required {...form.getInputProps("title")} />
        <TextInput label={t("monitoringIntake.manual.author")} {...form.getInputProps("author")} />

        <Paper withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t("monitoringIntake.manual.scan")}
              </Text>
              <FileButton onChange={pick} accept={OCR_SCAN_ACCEPT}>
                {(props) => (
                  <Button
                    {...props}
                    size="xs"
                    variant="light"
                    leftSection={<IconUpload size={14} />}
                    loading={upload.isPending}
                    disabled={running}
                  >
                    {t("monitoringIntake.manual.uploadScan")}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t("monitoringIntake.manual.scanHelp")}
            </Text>
            {uploadError && (
              <Alert color="red" role="alert">
                {uploadError}
              </Alert>
            )}
            {scanId && running && (
              <Stack gap={4} role="status" aria-live="polite">
                <Group gap="xs">
                  <IconScan size={16} />
                  <Text size="sm">
                    {s?.pagesTotal
                      ? t("monitoringIntake.manual.ocrProgress", { done: s.pagesDone, total: s.pagesTotal })
                      : t("monitoringIntake.manual.ocrQueued")}
                  </Text>
                </Group>
                <Progress value={s?.pagesTotal ? (100 * s.pagesDone) / s.pagesTotal : 5} animated />
              </Stack>
            )}
            {s?.status === "failed" && s.error && (
              <Alert color="orange" role="alert" title={t("monitoringIntake.manual.ocrFailed")}>
                {s.error.message}
              </Alert>
            )}
            {s?.status === "done" && (
              <Group gap="xs">
                <Text size="sm" c="teal">
                  {s.confidence !== null
                    ? t("monitoringIntake.manual.ocrDone", { pages: s.pagesTotal, confidence: s.confidence })
                    : t("monitoringIntake.manual.ocrDoneLayer", { pages: s.pagesTotal })}
                </Text>
                <Anchor size="sm" href={scanFileUrl(s.id)} target="_blank" rel="noopener">
                  {t("monitoringIntake.manual.viewScan")}
                </Anchor>
                {form.values.text.trim() && s.text && form.values.text !== s.text && (
                  <Anchor size="sm" component="button" type="button" onClick={() => form.setFieldValue("text", s.text ?? "")}>
                    {t("monitoringIntake.manual.useOcrText")}
                  </Anchor>
                )}
              </Group>
            )}
          </Stack>
        </Paper>

        <Textarea
          label={t("monitoringIntake.manual.text")}
          description={t("monitoringIntake.manual.textHelp")}
          required
          autosize
          minRows={8}
          maxRows={24}
          {...form.getInputProps("text")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={running}>
            {t("monitoringIntake.manual.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
