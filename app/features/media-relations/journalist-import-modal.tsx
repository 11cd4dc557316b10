/**
 * Journalist import in two steps, like the officer import: choose the organization and the
 * XLSX/CSV, read the preview with every row's problems (nothing is saved), then confirm to save
 * all valid rows together; invalid rows are skipped.
 */
import { Alert, Badge, Button, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconFileSpreadsheet, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { JOURNALIST_IMPORT_MAX_BYTES, JOURNALIST_SHEET_COLUMNS } from "../../../common/media-relations-enums";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type JournalistImportPreview, useCommitJournalistImport, usePreviewJournalistImport } from "./media-relations-api";

const HEADER_OF = new Map<string, string>(JOURNALIST_SHEET_COLUMNS.map((c) => [c.key, c.header]));
const MAX_MB = JOURNALIST_IMPORT_MAX_BYTES / 1_048_576;

export function JournalistImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const previewImport = usePreviewJournalistImport();
  const commitImport = useCommitJournalistImport();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [preview, setPreview] = useState<JournalistImportPreview | null>(null);
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
    if (file.size > JOURNALIST_IMPORT_MAX_BYTES) return setNotice(t("mediaRelations.import.tooLarge", { mb: MAX_MB }));
    previewImport.mutate(
      { organizationId, file },
      { onSuccess: setPreview, onError: (e) => (isApiError(e) ? setNotice(e.message) : handleApiError(e)) },
    );
  };

  const confirm = () => {
    if (!preview) return;
    commitImport.mutate(preview.token, {
      onSuccess: ({ created }) => {
        notifySuccess(t("mediaRelations.import.done", { count: created }));
        close();
      },
      onError: (e) => {
        // Data changed since the preview: show the fresh one, to be confirmed again.
        const fresh = isApiError(e) && e.code === "import_changed" ? (e.data as { preview?: JournalistImportPreview }).preview : undefined;
        if (fresh) {
          setPreview(fresh);
          setNotice(e instanceof Error ? e.message : null);
        } else if (isApiError(e) && e.status < 500) setNotice(e.message);
        else handleApiError(e);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t("mediaRelations.import.title")} size={preview ? "xl" : "lg"}>
      <Stack>
        {!preview && (
          <>
            <Text size="sm">{t("mediaRelations.import.help", { mb: MAX_MB })}</Text>
            <Text size="sm" c="dimmed">
              {t("mediaRelations.import.columns", { columns: JOURNALIST_SHEET_COLUMNS.map((c) => c.header).join(", ") })}
            </Text>
            <OrganizationSelect label={t("mediaRelations.organization")} required value={organizationId} onChange={setOrganizationId} />
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
                disabled={!organizationId}
                variant={preview ? "default" : "filled"}
                leftSection={<IconFileSpreadsheet size={16} />}
                loading={previewImport.isPending}
              >
                {preview ? t("mediaRelations.import.pickAnother") : t("mediaRelations.import.pick")}
              </Button>
            )}
          </FileButton>
          {preview && (
            <Button onClick={confirm} disabled={preview.valid === 0} loading={commitImport.isPending}>
              {t("mediaRelations.import.confirm", { count: preview.valid })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewTable({ preview }: { preview: JournalistImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color="teal" variant="light">
          {t("mediaRelations.import.valid", { count: preview.valid })}
        </Badge>
        <Badge color={preview.invalid ? "red" : "gray"} variant="light">
          {t("mediaRelations.import.invalid", { count: preview.invalid })}
        </Badge>
        {preview.invalid > 0 && (
          <Text size="xs" c="dimmed">
            {t("mediaRelations.import.invalidSkipped")}
          </Text>
        )}
      </Group>
      <ScrollArea.Autosize mah={420}>
        <Table striped stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mediaRelations.import.row")}</Table.Th>
              <Table.Th>{t("mediaRelations.journalistName")}</Table.Th>
              <Table.Th>{t("mediaRelations.outlet")}</Table.Th>
              <Table.Th>{t("mediaRelations.import.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.name || "—"}</Table.Td>
                <Table.Td>{r.outletName ?? "—"}</Table.Td>
                <Table.Td>
                  {r.ok ? (
                    <Group gap={4}>
                      <ThemeIcon color="teal" variant="light" size="sm" radius="xl">
                        <IconCheck size={12} />
                      </ThemeIcon>
                      <Text size="sm">{t("mediaRelations.import.ok")}</Text>
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
