/**
 * Channel choice for the scheduling dialog: the organization's (and its ancestors') active
 * accounts as checkboxes, with a live preview of what each chosen channel will receive and
 * what its platform would refuse (POST /channels/preview, debounced). The server decides every
 * rule; this component only shows its answer.
 */
import { Alert, Badge, Checkbox, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PLATFORM_LABELS } from "../../../common/schemas/channels";
import { isApiError } from "../../api/client";
import { type ChannelPreviewBody, useChannelPreview, useChannels } from "./channels-api";
import { HealthBadge, PlatformIcon } from "./platform-icon";

export interface ChannelPickerProps {
  organizationId: string;
  /** Chosen channel account ids. */
  value: string[];
  onChange: (ids: string[]) => void;
  /** The default text of the post (per-channel overrides go in `texts`). */
  text: string;
  link?: string;
  mediaAssetIds?: string[];
  /** Needed by platforms that take a title (YouTube, WordPress). */
  title?: string;
  texts?: Record<string, string>;
  /** Told whether every chosen channel would accept its post. */
  onValidityChange?: (ok: boolean) => void;
  label?: string;
}

export function ChannelPicker({
  organizationId,
  value,
  onChange,
  text,
  link = "",
  mediaAssetIds = [],
  title = "",
  texts,
  onValidityChange,
  label,
}: ChannelPickerProps) {
  const { t } = useTranslation();
  const accounts = useChannels({ usableBy: organizationId }, Boolean(organizationId));
  const body = useMemo<ChannelPreviewBody | null>(
    () => (organizationId ? { organizationId, channelAccountIds: value, text, link, mediaAssetIds, title, texts } : null),
    [organizationId, value, text, link, mediaAssetIds, title, texts],
  );
  const [debounced] = useDebouncedValue(body, 400);
  const preview = useChannelPreview(debounced);
  const byId = new Map((preview.data?.items ?? []).map((i) => [i.channelAccountId, i]));
  const allOk = value.length === 0 || (preview.isSuccess && value.every((id) => byId.get(id)?.ok));

  useEffect(() => {
    onValidityChange?.(allOk);
  }, [allOk, onValidityChange]);

  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((v) => v !== id));

  if (accounts.isLoading) return <Loader size="sm" />;
  const items = accounts.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label ?? t("channels.picker.label")}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("channels.picker.empty")}
        </Text>
      )}
      {items.map((account) => {
        const checked = value.includes(account.id);
        const result = checked ? byId.get(account.id) : undefined;
        return (
          <Paper key={account.id} withBorder p="xs" radius="sm">
            <Group justify="space-between" wrap="nowrap">
              <Checkbox
                checked={checked}
                onChange={(e) => toggle(account.id, e.currentTarget.checked)}
                label={
                  <Group gap={6} wrap="nowrap">
                    <PlatformIcon platform={account.platform} size={16} />
                    <Text size="sm">{account.name}</Text>
                    <Text size="xs" c="dimmed">
                      {PLATFORM_LABELS[account.platform]} · {account.organization.shortName}
                    </Text>
                  </Group>
                }
              />
              {account.health !== "active" && <HealthBadge health={account.health} error={account.lastError} />}
            </Group>
            {checked && (
              <Stack gap={4} mt="xs" pl="xl" aria-live="polite">
                {!result || preview.isFetching ? (
                  <Text size="xs" c="dimmed">
                    {t("channels.picker.checking")}
                  </Text>
                ) : result.ok ? (
                  <Group gap={6}>
                    <Badge color="teal" variant="light" size="sm">
                      {t("channels.picker.ok")}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t("channels.picker.mediaCount", { count: result.preview.mediaCount })}
                    </Text>
                  </Group>
                ) : (
                  result.issues.map((issue) => (
                    <Text key={issue.code + issue.message} size="xs" c="red">
                      {issue.message}
                    </Text>
                  ))
                )}
                {result && (
                  <Text size="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: "pre-wrap" }}>
                    {result.preview.text || t("channels.picker.noText")}
                  </Text>
                )}
              </Stack>
            )}
          </Paper>
        );
      })}
      {preview.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />}>
          {isApiError(preview.error) ? preview.error.message : t("errors.unexpected")}
        </Alert>
      )}
    </Stack>
  );
}
