/** Daily briefing settings of an organization: local send time, recipients, preview and "kirim sekarang". */
import { Button, Card, Group, MultiSelect, Stack, Switch, TagsInput, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconFileTypePdf, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type BriefingSettingsView, briefingPreviewUrl, useBriefing, useSaveBriefing, useSendBriefing } from "./alerts-api";

export function BriefingPanel() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const settings = useBriefing(organizationId);
  return (
    <Stack gap="sm">
      <OrganizationSelect label={t("briefing.organization")} value={organizationId} onChange={setOrganizationId} w={360} />
      {!organizationId ? (
        <EmptyState title={t("briefing.pickOrganization")} />
      ) : settings.isLoading ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <BriefingForm key={settings.data.organizationId} settings={settings.data} />
      ) : null}
    </Stack>
  );
}

function BriefingForm({ settings }: { settings: BriefingSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveBriefing();
  const send = useSendBriefing();
  const form = useForm({
    initialValues: {
      enabled: settings.enabled,
      localTime: settings.localTime,
      recipientUserIds: settings.recipientUserIds,
      extraEmails: settings.extraEmails,
    },
  });
  const canManage = settings.can.manage;
  const submit = form.onSubmit((values) =>
    save.mutate(
      { organizationId: settings.organizationId, body: values },
      { onSuccess: () => notifySuccess(t("briefing.saved")), onError: (e) => handleApiError(e, form) },
    ),
  );
  return (
    <Card withBorder radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("briefing.description", { zone: settings.timeZone })}
          </Text>
          <Switch label={t("briefing.enabled")} disabled={!canManage} {...form.getInputProps("enabled", { type: "checkbox" })} />
          <TextInput
            type="time"
            label={t("briefing.localTime", { zone: settings.timeZone })}
            disabled={!canManage}
            w={200}
            {...form.getInputProps("localTime")}
          />
          <MultiSelect
            label={t("briefing.recipients")}
            description={t("briefing.recipientsHint")}
            data={settings.candidates.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))}
            searchable
            disabled={!canManage}
            {...form.getInputProps("recipientUserIds")}
          />
          <TagsInput
            label={t("briefing.extraEmails")}
            description={t("briefing.extraEmailsHint")}
            disabled={!canManage}
            {...form.getInputProps("extraEmails")}
          />
          <Text size="xs" c="dimmed">
            {settings.lastSentOn ? t("briefing.lastSent", { day: settings.lastSentOn }) : t("briefing.neverSent")}
          </Text>
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} />}
                component="a"
                href={briefingPreviewUrl(settings.organizationId)}
                target="_blank"
              >
                {t("briefing.preview")}
              </Button>
              {canManage && (
                <Button
                  variant="light"
                  leftSection={<IconSend size={16} />}
                  loading={send.isPending}
                  onClick={() =>
                    send.mutate(settings.organizationId, {
                      onSuccess: (r) => notifySuccess(t("briefing.sent", { count: r.recipients })),
                      onError: (e) => handleApiError(e),
                    })
                  }
                >
                  {t("briefing.sendNow")}
                </Button>
              )}
            </Group>
            {canManage && (
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
