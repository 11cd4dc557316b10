/**
 * One asset in a drawer: preview, facts, the metadata form, where it is used, and delete
 * (confirmed; refused by the server while the asset is used).
 */
import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Image, List, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconDownload, IconTrash } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type MediaAssetView, mediaFileUrl } from "../../../common/schemas/media";
import { useConfirm } from "../../components/confirm-provider";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { useDeleteMedia, useMediaAsset } from "./media-api";
import { MediaEditForm } from "./media-edit-form";
import { formatBytes, formatDuration, KindIcon, RightsBadge } from "./media-format";

export function MediaDetailDrawer({ assetId, onClose }: { assetId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const asset = useMediaAsset(assetId);
  return (
    <Drawer opened={assetId !== null} onClose={onClose} position="right" size="lg" title={t("media.detail")}>
      {assetId && (
        <RecordState query={asset} notFoundTitle={t("media.notFound")} notFoundBody={t("media.notFoundBody")}>
          {(data) => <AssetDetail key={data.id} asset={data} onDeleted={onClose} />}
        </RecordState>
      )}
    </Drawer>
  );
}

function Preview({ asset }: { asset: MediaAssetView }) {
  if (asset.kind === "image")
    return <Image src={mediaFileUrl(asset.id, "medium")} alt={asset.altText} radius="sm" fit="contain" mah={360} />;
  // Media elements play the staff-only original; the browser asks for byte ranges.
  if (asset.kind === "video")
    // biome-ignore lint/a11y/useMediaCaption: library footage has no caption track; subtitles belong to the content item.
    return <video controls preload="metadata" src={mediaFileUrl(asset.id)} style={{ width: "100%", maxHeight: 360 }} />;
  if (asset.kind === "audio")
    // biome-ignore lint/a11y/useMediaCaption: as above, the transcript lives with the content item.
    return <audio controls preload="metadata" src={mediaFileUrl(asset.id)} style={{ width: "100%" }} />;
  return <KindIcon kind={asset.kind} size={96} height={160} />;
}

function AssetDetail({ asset, onDeleted }: { asset: MediaAssetView; onDeleted: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const remove = useDeleteMedia();
  const usedIn = asset.usedIn ?? [];
  const facts = [
    asset.mime,
    formatBytes(asset.sizeBytes),
    asset.width && asset.height ? `${asset.width}×${asset.height} px` : null,
    formatDuration(asset.durationSeconds) || null,
  ].filter(Boolean);

  const onDelete = async () => {
    const ok = await confirm({
      title: t("media.deleteTitle"),
      message: t("media.deleteMessage", { name: asset.fileName }),
      confirmLabel: t("media.delete"),
      danger: true,
    });
    if (!ok) return;
    remove.mutate(asset.id, {
      onSuccess: () => {
        notifySuccess(t("media.deleted"));
        onDeleted();
      },
      onError: (error) => handleApiError(error),
    });
  };

  return (
    <Stack gap="md">
      <Preview asset={asset} />
      <Stack gap={4}>
        <Title order={4} style={{ wordBreak: "break-word" }}>
          {asset.fileName}
        </Title>
        <Text size="sm" c="dimmed">
          {facts.join(" · ")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("media.uploadedTo", { organization: asset.organization.name, date: formatDateTime(asset.createdAt) })}
        </Text>
        <Group gap="xs">
          <Badge variant="default">{t(`media.kinds.${asset.kind}`)}</Badge>
          <RightsBadge rights={asset.rights} />
        </Group>
      </Stack>
      {asset.rights === "limited" && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("media.limitedTitle")}>
          {asset.rightsNote || t("media.limitedNoNote")}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          component="a"
          href={mediaFileUrl(asset.id)}
          download={asset.fileName}
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          {t("media.downloadOriginal")}
        </Button>
        {asset.can.delete && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => void onDelete()}
            loading={remove.isPending}
            disabled={usedIn.length > 0}
            title={usedIn.length > 0 ? t("media.inUseCannotDelete") : undefined}
          >
            {t("media.delete")}
          </Button>
        )}
      </Group>
      <Divider />
      <MediaEditForm asset={asset} />
      <Divider />
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t("media.usedIn")}
        </Text>
        {usedIn.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("media.notUsed")}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {usedIn.map((u) => (
              <List.Item key={u.contentId}>
                <Anchor component={Link} to={`/content/${u.contentId}`} size="sm">
                  {u.title}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  ({t(`media.contentTypes.${u.type}`, { defaultValue: u.type })},{" "}
                  {t(`media.contentStatuses.${u.status}`, { defaultValue: u.status })})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {usedIn.length > 0 && asset.can.delete && (
          <Text size="xs" c="dimmed">
            {t("media.inUseCannotDelete")}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
