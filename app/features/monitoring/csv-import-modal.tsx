/**
 * "Impor CSV": an export of another monitoring tool (Meltwater/Talkwalker-like columns,
 * recognised by header aliases) is previewed with every row's problems by line number, nothing
 * saved; confirming sends the valid rows through the monitoring pipeline.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from "@mantine/core";
import { IconCheck, IconFileSpreadsheet, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MONITORING_CSV_MAX_BYTES } from "../../../common/monitoring-intake-enums";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { CSV_TEMPLATE_URL, type CsvImportPreview, useCommitCsvImport, usePreviewCsvImport } from "./intake-api";

const MAX_MB = MONITORING_CSV_MAX_BYTES / 1_048_576;

export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const previewImport = usePreviewCsvImport();
  const commitImport = useCommitCsvImport();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvImportPreview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setNotice(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const pick = (file: File | null) => {
    reset();
    if (!file || !organizationId) return;
    if (file.size > MONITORING_CSV_MAX_BYTES) return setNotice(t("monitoringIntake.csv.tooLarge", { mb: MAX_MB }));
    previewImport.mutate(
      { organizationId, file },
      { onSuccess: setPreview, onError: (e) => (isApiError(e) && e.status < 500 ? setNotice(e.message) : handleApiError(e)) },
    );
  };
  const confirm = () => {
    if (!preview) return;
    commitImport.mutate(preview.token, {
      onSuccess: (r) => {
        notifySuccess(t("monitoringIntake.csv.done", { inserted: r.inserted, duplicates: r.duplicates + r.updated }));
        if (r.rejected.length) setNotice(r.rejected.map((x) => `${t("monitoringIntake.csv.row")} ${x.row}: ${x.message}`).join("\n"));
        else close();
        setPreview(null);
      },
      onError: (e) => (isApiError(e) && e.status < 500 ? setNotice(e.message) : handleApiError(e)),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t("monitoringIntake.csv.title")} size={preview ? "xl" : "lg"}>
      <Stack>
        {!preview && (
          <>
            <Text size="sm">{t("monitoringIntake.csv.help", { mb: MAX_MB })}</Text>
            <Text size="sm" c="dimmed">
              {t("monitoringIntake.csv.columns")} <Code>url, title, date, outlet, text, author</Code> ·{" "}
              <Anchor href={CSV_TEMPLATE_URL} size="sm">
                {t("monitoringIntake.csv.template")}
              </Anchor>
            </Text>
            <OrganizationSelect label={t("monitoringIntake.organization")} required value={organizationId} onChange={setOrganizationId} />
          </>
        )}
        {notice && (
          <Alert color={preview ? "yellow" : "red"} role="alert" style={{ whiteSpace: "pre-line" }}>
            {notice}
          </Alert>
        )}
        {preview && <PreviewTable preview={preview} />}
        <Group justify="flex-end">
          <FileButton
            onChange={pick}
            accept=".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button
                {...props}
                disabled={!organizationId}
                variant={preview ? "default" : "filled"}
                leftSection={<IconFileSpreadsheet size={16} />}
                loading={previewImport.isPending}
              >
                {preview ? t("monitoringIntake.csv.pickAnother") : t("monitoringIntake.csv.pick")}
              </Button>
            )}
          </FileButton>
          {preview && (
            <Button onClick={confirm} disabled={preview.valid === 0} loading={commitImport.isPending}>
              {t("monitoringIntake.csv.confirm", { count: preview.valid })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewTable({ preview }: { preview: CsvImportPreview }) {
  const { t } = useTranslation();
  const mapped = Object.entries(preview.columns).map(([header, key]) => `${header} → ${t(`monitoringIntake.csv.fields.${key}`)}`);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color="teal" variant="light">
          {t("monitoringIntake.csv.valid", { count: preview.valid })}
        </Badge>
        <Badge color={preview.invalid ? "red" : "gray"} variant="light">
          {t("monitoringIntake.csv.invalid", { count: preview.invalid })}
        </Badge>
        {preview.invalid > 0 && (
          <Text size="xs" c="dimmed">
            {t("monitoringIntake.csv.invalidSkipped")}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("monitoringIntake.csv.mapped")}: {mapped.join(", ")}
        {preview.ignoredColumns.length > 0 && ` · ${t("monitoringIntake.csv.ignored")}: ${preview.ignoredColumns.join(", ")}`}
      </Text>
      <ScrollArea.Autosize mah={420}>
        <Table striped stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("monitoringIntake.csv.row")}</Table.Th>
              <Table.Th>{t("monitoringIntake.csv.fields.title")}</Table.Th>
              <Table.Th>{t("monitoringIntake.csv.fields.outlet")}</Table.Th>
              <Table.Th>{t("monitoringIntake.csv.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {r.title || "—"}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {r.url}
                  </Text>
                </Table.Td>
                <Table.Td>{r.outlet ?? "—"}</Table.Td>
                <Table.Td>
                  {r.ok ? (
                    <Group gap={4}>
                      <ThemeIcon color="teal" variant="light" size="sm" radius="xl">
                        <IconCheck size={12} />
                      </ThemeIcon>
                      <Text size="sm">{t("monitoringIntake.csv.ok")}</Text>
                    </Group>
                  ) : (
                    <List size="xs" spacing={2} icon={<IconX size={12} color="var(--mantine-color-red-6)" />}>
                      {r.errors.map((e) => (
                        <List.Item key={`${e.field}-${e.message}`}>{e.message}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
