/**
 * Drop files here or pick them (several at once); each shows a progress bar. A plain file
 * input behind a real button keeps it keyboard- and screen-reader-friendly, and on a phone it
 * offers the camera and the gallery.
 */
import { ActionIcon, Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { IconCheck, IconCloudUpload, IconRefresh, IconX } from "@tabler/icons-react";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEDIA_ACCEPT, MEDIA_RESUMABLE_FROM_BYTES, type MediaAssetView } from "../../../common/schemas/media";
import { formatBytes } from "./media-format";
import { type UploadItem, useUploads } from "./use-uploads";

export function UploadZone({
  organizationId,
  onUploaded,
  compact = false,
}: {
  /** Where the files go; null disables the zone until one is chosen. */
  organizationId: string | null;
  onUploaded?: (asset: MediaAssetView) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const uploads = useUploads(onUploaded);
  const disabled = organizationId === null;

  const addFiles = (list: FileList | null) => {
    if (!list || list.length === 0 || !organizationId) return;
    uploads.add([...list], organizationId);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    addFiles(e.dataTransfer.files);
  };
  const finished = uploads.items.some((i) => i.status === "done");

  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p={compact ? "sm" : "lg"}
        radius="md"
        role="group"
        aria-label={t("media.upload.zone")}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          borderStyle: "dashed",
          borderWidth: 2,
          borderColor: over ? "var(--mantine-color-blue-5)" : undefined,
          background: over ? "var(--mantine-color-blue-0)" : undefined,
          opacity: disabled ? 0.6 : 1,
        }}
      >
        <Group justify="center" gap="sm" wrap={compact ? "nowrap" : "wrap"}>
          <IconCloudUpload size={compact ? 24 : 36} stroke={1.4} color="var(--mantine-color-gray-6)" aria-hidden />
          <Stack gap={0} align={compact ? "flex-start" : "center"}>
            <Text size="sm" fw={500}>
              {disabled ? t("media.upload.chooseOrganization") : t("media.upload.drop")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("media.upload.hint", { mb: Math.round(MEDIA_RESUMABLE_FROM_BYTES / 1024 / 1024) })}
            </Text>
          </Stack>
          <Button variant="light" onClick={() => input.current?.click()} disabled={disabled}>
            {t("media.upload.choose")}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={MEDIA_ACCEPT.join(",")}
          onChange={(e) => {
            addFiles(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </Paper>
      {uploads.items.length > 0 && (
        <Stack gap={6} aria-live="polite">
          {uploads.items.map((item) => (
            <UploadRow key={item.key} item={item} onCancel={() => uploads.cancel(item.key)} onRetry={() => uploads.retry(item.key)} />
          ))}
          {finished && (
            <Group justify="flex-end">
              <Button size="compact-xs" variant="subtle" onClick={uploads.clearFinished}>
                {t("media.upload.clearFinished")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function UploadRow({ item, onCancel, onRetry }: { item: UploadItem; onCancel: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  const percent = item.file.size ? Math.min(100, Math.round((item.sent / item.file.size) * 100)) : 0;
  const color = item.status === "failed" ? "red" : item.status === "done" ? "teal" : "blue";
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {item.file.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {item.status === "done"
                ? t("media.upload.done")
                : item.status === "failed"
                  ? t("media.upload.failed")
                  : item.status === "waiting"
                    ? t("media.upload.waiting")
                    : `${percent}% · ${formatBytes(item.file.size)}`}
            </Text>
          </Group>
          <Progress
            value={item.status === "done" ? 100 : percent}
            color={color}
            size="sm"
            animated={item.status === "uploading"}
            aria-label={t("media.upload.progressOf", { name: item.file.name })}
          />
          {item.error && (
            <Text size="xs" c="red" role="alert">
              {item.error}
            </Text>
          )}
        </Stack>
        {item.status === "done" ? (
          <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
        ) : (
          <Group gap={2} wrap="nowrap">
            {item.status === "failed" && item.retryable && (
              <ActionIcon variant="subtle" onClick={onRetry} aria-label={t("media.upload.retry", { name: item.file.name })}>
                <IconRefresh size={16} />
              </ActionIcon>
            )}
            <ActionIcon variant="subtle" color="gray" onClick={onCancel} aria-label={t("media.upload.cancel", { name: item.file.name })}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
