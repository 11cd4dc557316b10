/**
 * Import from XLSX/CSV in two steps: the upload answers a preview with every row's problems
 * (nothing is saved), then one confirmation saves all valid rows together.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconDownload, IconFileSpreadsheet, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OFFICER_IMPORT_MAX_BYTES, OFFICER_SHEET_COLUMNS } from "../../../common/schemas/officer-import";
import { isApiError } from "../../api/client";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type OfficerImportPreview, officerImportTemplateUrl, useCommitOfficerImport, usePreviewOfficerImport } from "./officers-api";

const HEADER_OF = new Map<string, string>(OFFICER_SHEET_COLUMNS.map((c) => [c.key, c.header]));
const MAX_MB = OFFICER_IMPORT_MAX_BYTES / 1_048_576;

export function OfficerImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const previewImport = usePreviewOfficerImport();
  const commitImport = useCommitOfficerImport();
  const [preview, setPreview] = useState<OfficerImportPreview | null>(null);
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
    if (!file) return;
    if (file.size > OFFICER_IMPORT_MAX_BYTES) return setNotice(t("officers.import.tooLarge", { mb: MAX_MB }));
    previewImport.mutate(file, { onSuccess: setPreview, onError: (e) => (isApiError(e) ? setNotice(e.message) : handleApiError(e)) });
  };

  const confirm = () => {
    if (!preview) return;
    commitImport.mutate(preview.token, {
      onSuccess: ({ created }) => {
        notifySuccess(t("officers.import.done", { count: created }));
        close();
      },
      onError: (e) => {
        // Data changed since the preview: show the fresh one, to be confirmed again.
        const fresh = isApiError(e) && e.code === "import_changed" ? (e.data as { preview?: OfficerImportPreview }).preview : undefined;
        if (fresh) {
          setPreview(fresh);
          setNotice(e instanceof Error ? e.message : null);
        } else if (isApiError(e) && e.status < 500) setNotice(e.message);
        else handleApiError(e);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t("officers.import.title")} size={preview ? "xl" : "lg"}>
      <Stack>
        {!preview && (
          <>
            <Text size="sm">{t("officers.import.help", { mb: MAX_MB })}</Text>
            <Text size="sm" c="dimmed">
              {t("officers.import.columns", {
                required: OFFICER_SHEET_COLUMNS.filter((c) => c.required)
                  .map((c) => c.header)
                  .join(", "),
                optional: OFFICER_SHEET_COLUMNS.filter((c) => !c.required)
                  .map((c) => c.header)
                  .join(", "),
              })}
            </Text>
            <Anchor href={officerImportTemplateUrl} download size="sm">
              <Group gap={4} component="span">
                <IconDownload size={14} />
                {t("officers.import.template")}
              </Group>
            </Anchor>
          </>
        )}
        {notice && (
          <Alert color={preview ? "yellow" : "red"} role="alert">
            {notice}
          </Alert>
        )}
        {preview && <PreviewTable preview={preview} />}
        <Group justify="flex-end">
          <FileButton onChange={pick} accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button
                {...props}
                variant={preview ? "default" : "filled"}
                leftSection={<IconFileSpreadsheet size={16} />}
                loading={previewImport.isPending}
              >
                {preview ? t("officers.import.pickAnother") : t("officers.import.pick")}
              </Button>
            )}
          </FileButton>
          {preview && (
            <Button onClick={confirm} disabled={preview.valid === 0} loading={commitImport.isPending}>
              {t("officers.import.confirm", { count: preview.valid })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewTable({ preview }: { preview: OfficerImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color="teal" variant="light">
          {t("officers.import.valid", { count: preview.valid })}
        </Badge>
        <Badge color={preview.invalid ? "red" : "gray"} variant="light">
          {t("officers.import.invalid", { count: preview.invalid })}
        </Badge>
        {preview.invalid > 0 && (
          <Text size="xs" c="dimmed">
            {t("officers.import.invalidSkipped")}
          </Text>
        )}
      </Group>
      <ScrollArea.Autosize mah={420}>
        <Table striped stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("officers.import.row")}</Table.Th>
              <Table.Th>{t("officers.nameAndNip")}</Table.Th>
              <Table.Th>{t("officers.organization")}</Table.Th>
              <Table.Th>{t("officers.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.name || "—"}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {r.nip || "—"}
                  </Text>
                </Table.Td>
                <Table.Td>{r.organizationName ?? "—"}</Table.Td>
                <Table.Td>
                  {r.ok ? (
                    <Group gap={4}>
                      <ThemeIcon color="teal" variant="light" size="sm" radius="xl">
                        <IconCheck size={12} />
                      </ThemeIcon>
                      <Text size="sm">{t("officers.import.ok")}</Text>
                    </Group>
                  ) : (
                    <List size="xs" spacing={2} icon={<IconX size={12} color="var(--mantine-color-red-6)" />}>
                      {r.errors.map((e) => (
                        <List.Item key={`${e.field}-${e.message}`}>
                          <b>{HEADER_OF.get(e.field) ?? e.field}:</b> {e.message}
                        </List.Item>
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
