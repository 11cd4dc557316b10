/**
 * Evidence of one entry: photos as thumbnails that open full size, PDFs and videos as links that
 * open inline in a new tab, other files as downloads, and web links. Removable while editable.
 */
import { ActionIcon, Anchor, Box, Group, Image, Modal, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconExternalLink, IconFile, IconFileTypePdf, IconLink, IconMovie, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Evidence, evidenceFileUrl } from "./work-logs-api";

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const isImage = (e: Evidence) => e.kind === "file" && !!e.mime?.startsWith("image/");

export function EvidenceGallery({
  workLogId,
  evidence,
  onRemove,
  removingId,
}: {
  workLogId: string;
  evidence: Evidence[];
  onRemove?: (e: Evidence) => void;
  removingId?: string | null;
}) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<Evidence | null>(null);
  const images = evidence.filter(isImage);
  const others = evidence.filter((e) => !isImage(e));

  if (evidence.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("workLogs.noEvidence")}
      </Text>
    );
  }

  const removeButton = (e: Evidence) =>
    onRemove && (
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t("workLogs.removeEvidence", { name: e.fileName ?? e.label ?? e.url ?? "" })}
        loading={removingId === e.id}
        onClick={() => onRemove(e)}
      >
        <IconTrash size={16} />
      </ActionIcon>
    );

  return (
    <Stack gap="sm">
      {images.length > 0 && (
        <SimpleGrid cols={{ base: 3, xs: 4, md: 6 }} spacing="xs">
          {images.map((e) => (
            <Box key={e.id} pos="relative">
              <UnstyledButton
                onClick={() => setViewing(e)}
                aria-label={t("workLogs.openPhoto", { name: e.fileName ?? "" })}
                style={{ display: "block", width: "100%" }}
              >
                <Image
                  src={evidenceFileUrl(workLogId, e.id)}
                  alt={e.fileName ?? t("workLogs.photo")}
                  radius="sm"
                  h={96}
                  fit="cover"
                  loading="lazy"
                  data-testid="evidence-thumbnail"
                />
              </UnstyledButton>
              {onRemove && (
                <Box pos="absolute" top={2} right={2} bg="white" style={{ borderRadius: "var(--mantine-radius-sm)" }}>
                  {removeButton(e)}
                </Box>
              )}
            </Box>
          ))}
        </SimpleGrid>
      )}
      {others.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <EvidenceIcon evidence={e} />
            <Box style={{ minWidth: 0 }}>
              {e.kind === "file" ? (
                <Anchor
                  href={evidenceFileUrl(workLogId, e.id)}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                  style={{ overflowWrap: "anywhere" }}
                >
                  {e.fileName ?? t("workLogs.file")}
                </Anchor>
              ) : e.kind === "link" && e.url ? (
                <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: "anywhere" }}>
                  {e.label || e.url} <IconExternalLink size={12} aria-hidden />
                </Anchor>
              ) : (
                <Text size="sm">{e.label ?? `${e.refType}: ${e.refId}`}</Text>
              )}
              {e.kind === "file" && (
                <Text size="xs" c="dimmed">
                  {[e.mime, formatBytes(e.sizeBytes)].filter(Boolean).join(" · ")}
                </Text>
              )}
              {e.kind === "link" && e.label && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                  {e.url}
                </Text>
              )}
            </Box>
          </Group>
          {removeButton(e)}
        </Group>
      ))}
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing?.fileName} size="xl" centered>
        {viewing && (
          <Stack>
            <Image src={evidenceFileUrl(workLogId, viewing.id)} alt={viewing.fileName ?? ""} fit="contain" mah="75vh" />
            <Anchor href={evidenceFileUrl(workLogId, viewing.id)} target="_blank" rel="noopener" size="sm">
              {t("workLogs.openOriginal")}
            </Anchor>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function EvidenceIcon({ evidence }: { evidence: Evidence }) {
  const props = { size: 20, style: { flexShrink: 0 }, "aria-hidden": true } as const;
  if (evidence.kind !== "file") return <IconLink {...props} />;
  if (evidence.mime === "application/pdf") return <IconFileTypePdf {...props} />;
  if (evidence.mime?.startsWith("video/")) return <IconMovie {...props} />;
  return <IconFile {...props} />;
}
