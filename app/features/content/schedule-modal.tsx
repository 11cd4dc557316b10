/**
 * "Jadwalkan": publish time (and optional embargo) typed in the organization's own time zone,
 * the channels to post to, and the limited-rights warning: the server answers 409
 * "rights_limited" until the user confirms, then the request is sent again with
 * acknowledgeRights.
 */
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Switch, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { isApiError } from "../../api/client";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned, fromZonedInput, toZonedInput } from "../../lib/format-date";
import { ChannelPicker } from "../channels/channel-picker";
import { type ContentView, useScheduleContent } from "./content-api";

/** The next full hour: a sensible default that is never in the past. */
function nextHour(): string {
  const d = new Date(Date.now() + 60 * 60_000);
  d.setMinutes(0, 0, 0);
  return d.toISOString();
}

/** Assets the item shows, for the channel preview (images first). */
function itemMedia(item: ContentView): string[] {
  const f = item.fields;
  const ids = [
    ...(f.mediaAssetIds ?? []),
    ...(f.photos ?? []).map((p) => p.assetId),
    ...(f.images ?? []).map((p) => p.assetId),
    ...(item.coverAssetId ? [item.coverAssetId] : []),
    ...(f.thumbnailAssetId ? [f.thumbnailAssetId] : []),
    ...(f.videoAssetId ? [f.videoAssetId] : []),
  ];
  return [...new Set(ids)].slice(0, 10);
}

export function ScheduleModal({
  item,
  zone,
  opened,
  onClose,
}: {
  item: ContentView;
  zone: TimeZoneCode;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("content.schedule.title")} size="lg">
      {opened && <ScheduleForm item={item} zone={zone} onClose={onClose} />}
    </Modal>
  );
}

function ScheduleForm({ item, zone, onClose }: { item: ContentView; zone: TimeZoneCode; onClose: () => void }) {
  const { t } = useTranslation();
  const schedule = useScheduleContent();
  const [publishAt, setPublishAt] = useState(toZonedInput(item.publishAt ?? nextHour(), zone));
  const [withEmbargo, setWithEmbargo] = useState(!!item.embargoUntil);
  const [embargoUntil, setEmbargoUntil] = useState(toZonedInput(item.embargoUntil, zone));
  const [channels, setChannels] = useState<string[]>(item.publications.map((p) => p.channelAccountId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverIssues, setServerIssues] = useState<string[]>([]);
  // Limited-rights assets are known up front; the server's 409 is the authority if they changed.
  const [rightsWarning, setRightsWarning] = useState(item.limitedRightsAssets.length > 0);
  const [acknowledged, setAcknowledged] = useState(false);
  // The channel preview says when a chosen platform would refuse the post (too long, no image…).
  const [channelsOk, setChannelsOk] = useState(true);
  const media = useMemo(() => itemMedia(item), [item]);

  const text = item.type === "sosial" ? (item.fields.socialText ?? "") : [item.title, item.summary].filter(Boolean).join("\n\n");

  const submit = () => {
    const next: Record<string, string> = {};
    const publishIso = fromZonedInput(publishAt, zone);
    const embargoIso = withEmbargo ? fromZonedInput(embargoUntil, zone) : null;
    if (!publishIso) next.publishAt = t("validation.required");
    if (withEmbargo && !embargoIso) next.embargoUntil = t("validation.required");
    if (publishIso && embargoIso && new Date(embargoIso) < new Date(publishIso))
      next.embargoUntil = t("content.schedule.embargoBeforePublish");
    if (rightsWarning && !acknowledged) next.acknowledge = t("content.schedule.acknowledgeRequired");
    setErrors(next);
    setServerIssues([]);
    if (Object.keys(next).length > 0 || !publishIso) return;
    schedule.mutate(
      {
        id: item.id,
        body: {
          publishAt: publishIso,
          embargoUntil: embargoIso,
          channelAccountIds: channels,
          acknowledgeRights: acknowledged || undefined,
        },
      },
      {
        onSuccess: (view) => {
          notifySuccess(
            view.status === "published"
              ? t("content.schedule.publishedNow")
              : t("content.schedule.done", { time: formatZoned(view.publishAt, zone) }),
          );
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === "rights_limited") {
            setRightsWarning(true);
            setErrors({ acknowledge: error.message });
            return;
          }
          if (isApiError(error)) {
            const fields = error.fields;
            setErrors({ publishAt: fields.publishAt ?? "", embargoUntil: fields.embargoUntil ?? "" });
            setServerIssues(
              Object.entries(fields)
                .filter(([key]) => key !== "publishAt" && key !== "embargoUntil")
                .map(([, message]) => message),
            );
          }
          handleApiError(error);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("content.schedule.zoneHint", { zone })}
      </Text>
      <TextInput
        type="datetime-local"
        label={t("content.schedule.publishAt", { zone })}
        description={publishAt ? formatZoned(fromZonedInput(publishAt, zone), zone) : undefined}
        value={publishAt}
        onChange={(e) => setPublishAt(e.currentTarget.value)}
        error={errors.publishAt || undefined}
        data-autofocus
      />
      <Switch
        label={t("content.schedule.embargo")}
        description={t("content.schedule.embargoHint")}
        checked={withEmbargo}
        onChange={(e) => setWithEmbargo(e.currentTarget.checked)}
      />
      {withEmbargo && (
        <TextInput
          type="datetime-local"
          label={t("content.schedule.embargoUntil", { zone })}
          description={embargoUntil ? formatZoned(fromZonedInput(embargoUntil, zone), zone) : undefined}
          value={embargoUntil}
          onChange={(e) => setEmbargoUntil(e.currentTarget.value)}
          error={errors.embargoUntil || undefined}
        />
      )}
      <ChannelPicker
        label={t("content.schedule.channels")}
        organizationId={item.organization.id}
        value={channels}
        onChange={setChannels}
        text={text}
        title={item.title}
        link={item.publicUrl ?? ""}
        mediaAssetIds={media}
        onValidityChange={setChannelsOk}
      />
      {serverIssues.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          <List size="sm">
            {serverIssues.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {rightsWarning && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("content.schedule.rightsTitle")} data-testid="rights-warning">
          <Stack gap="xs">
            <Text size="sm">{t("content.schedule.rightsMessage")}</Text>
            <List size="sm">
              {item.limitedRightsAssets.map((asset) => (
                <List.Item key={asset.id}>
                  <Text span fw={600} size="sm">
                    {asset.fileName}
                  </Text>
                  {asset.rightsNote && ` — ${asset.rightsNote}`}
                </List.Item>
              ))}
            </List>
            <Checkbox
              label={t("content.schedule.acknowledge")}
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              error={errors.acknowledge || undefined}
            />
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button color="violet" loading={schedule.isPending} disabled={!channelsOk} onClick={submit}>
          {t("content.actions.schedule")}
        </Button>
      </Group>
    </Stack>
  );
}
