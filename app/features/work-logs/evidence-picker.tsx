/**
 * Evidence chosen in the form before it is uploaded: a camera photo (capture="environment"),
 * any file, or a web link. Each item shows its own state: waiting, uploading, or the server's
 * reason for refusing it (415 type, 413 size).
 */
import { ActionIcon, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconCamera, IconClock, IconLink, IconPaperclip, IconPlus, IconRefresh, IconX } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { addLinkEvidenceBody } from "../../../common/schemas/work-logs";
import { formatBytes } from "./evidence-gallery";

export type PendingStatus = "waiting" | "uploading" | "failed";
export type PendingEvidence =
  | { key: string; kind: "file"; file: File; status: PendingStatus; error?: string }
  | { key: string; kind: "link"; url: string; label: string; status: PendingStatus; error?: string };

/** What the server accepts (see the evidence route); the picker suggests, the server decides. */
const ACCEPT = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
  ".docx",
  ".xlsx",
  ".pptx",
  "video/mp4",
  "video/webm",
  "video/quicktime",
].join(",");

export function EvidencePicker({
  items,
  busy,
  onAdd,
  onRemove,
  onRetry,
}: {
  items: PendingEvidence[];
  busy: boolean;
  onAdd: (items: PendingEvidence[]) => void;
  onRemove: (key: string) => void;
  onRetry?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [label, setLabel] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);

  const addFiles = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    onAdd([...list].map((file) => ({ key: crypto.randomUUID(), kind: "file", file, status: "waiting" })));
  };

  const addLink = () => {
    const body = { kind: "link" as const, url: url.trim(), label: label.trim() || undefined };
    if (!addLinkEvidenceBody.safeParse(body).success) {
      setUrlError(body.url ? t("validation.url") : t("validation.required"));
      return;
    }
    onAdd([{ key: crypto.randomUUID(), kind: "link", url: body.url, label: body.label ?? "", status: "waiting" }]);
    setUrl("");
    setLabel("");
    setUrlError(null);
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xs">
        <Button variant="light" leftSection={<IconCamera size={18} />} onClick={() => camera.current?.click()} disabled={busy}>
          {t("workLogs.takePhoto")}
        </Button>
        <Button variant="default" leftSection={<IconPaperclip size={18} />} onClick={() => picker.current?.click()} disabled={busy}>
          {t("workLogs.chooseFile")}
        </Button>
      </SimpleGrid>
      {/* Native inputs: on a phone the first one opens the rear camera directly. */}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t("workLogs.takePhoto")}
        data-testid="photo-input"
        onChange={(e) => {
          addFiles(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <input
        ref={picker}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label={t("workLogs.chooseFile")}
        data-testid="file-input"
        onChange={(e) => {
          addFiles(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <Text size="xs" c="dimmed">
        {t("workLogs.acceptedFiles")}
      </Text>

      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("workLogs.linkUrl")}
            placeholder="https://"
            type="url"
            inputMode="url"
            value={url}
            error={urlError}
            style={{ flex: 1, minWidth: 0 }}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setUrlError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addLink();
              }
            }}
          />
        </Group>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("workLogs.linkLabel")}
            value={label}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            onChange={(e) => setLabel(e.currentTarget.value)}
          />
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={addLink} disabled={busy}>
            {t("workLogs.addLink")}
          </Button>
        </Group>
      </Stack>

      {items.length > 0 && (
        <Stack gap={6} aria-live="polite">
          {items.map((item) => (
            <PendingRow key={item.key} item={item} busy={busy} onRemove={onRemove} onRetry={onRetry} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function PendingRow({
  item,
  busy,
  onRemove,
  onRetry,
}: {
  item: PendingEvidence;
  busy: boolean;
  onRemove: (key: string) => void;
  onRetry?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const name = item.kind === "file" ? item.file.name : item.label || item.url;
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="pending-evidence"
      data-state={item.status}
      bg={item.status === "failed" ? "red.0" : undefined}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {item.status === "uploading" ? (
            <Loader size={16} />
          ) : item.status === "failed" ? (
            <IconAlertCircle size={18} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
          ) : item.kind === "link" ? (
            <IconLink size={18} style={{ flexShrink: 0 }} />
          ) : (
            <IconClock size={18} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          )}
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {name}
            </Text>
            <Text size="xs" c={item.status === "failed" ? "red.8" : "dimmed"} style={{ overflowWrap: "anywhere" }}>
              {item.status === "failed"
                ? item.error
                : item.status === "uploading"
                  ? t("workLogs.uploading")
                  : [item.kind === "file" ? formatBytes(item.file.size) : null, t("workLogs.waitingUpload")].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </Group>
        <Group gap={2} wrap="nowrap">
          {item.status === "failed" && onRetry && (
            <ActionIcon variant="subtle" aria-label={t("common.retry")} onClick={() => onRetry(item.key)} disabled={busy}>
              <IconRefresh size={16} />
            </ActionIcon>
          )}
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t("workLogs.removeEvidence", { name })}
            onClick={() => onRemove(item.key)}
            disabled={item.status === "uploading"}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}
