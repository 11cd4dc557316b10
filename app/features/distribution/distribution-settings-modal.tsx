/** Rate limit, default Reply-To, attachment limit and open tracking of an organization subtree. */
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useDistributionSettings, useSaveDistributionSettings } from "./distribution-api";

export function DistributionSettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const settings = useDistributionSettings(organizationId);
  const save = useSaveDistributionSettings();
  const [rate, setRate] = useState<number>(0);
  const [replyTo, setReplyTo] = useState("");
  const [maxMb, setMaxMb] = useState<number>(10);
  const [tracking, setTracking] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!settings.data) return;
    setRate(settings.data.ratePerMinute);
    setReplyTo(settings.data.replyTo ?? "");
    setMaxMb(settings.data.maxAttachmentMb);
    setTracking(settings.data.openTracking);
  }, [settings.data]);
  const canManage = settings.data?.can.manage === true;

  const submit = () => {
    if (!organizationId) return;
    save.mutate(
      { organizationId, ratePerMinute: rate, replyTo: replyTo.trim() || null, maxAttachmentMb: maxMb, openTracking: tracking },
      {
        onSuccess: () => {
          notifySuccess(t("distribution.settings.saved"));
          onClose();
        },
        onError: (e) => handleApiError(e, { setErrors }),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("distribution.settings.title")} size="md">
      <Stack gap="sm">
        <OrganizationSelect label={t("distribution.lists.organization")} value={organizationId} onChange={setOrganizationId} />
        {!organizationId ? (
          <Text c="dimmed" size="sm">
            {t("distribution.settings.chooseOrg")}
          </Text>
        ) : settings.isLoading ? (
          <LoadingState />
        ) : (
          <>
            {settings.data && settings.data.inheritedFrom !== organizationId && (
              <Alert variant="light">
                {settings.data.inheritedFrom ? t("distribution.settings.inherited") : t("distribution.settings.defaults")}
              </Alert>
            )}
            <NumberInput
              label={t("distribution.settings.rate")}
              description={t("distribution.settings.rateHint")}
              min={0}
              max={100000}
              value={rate}
              onChange={(v) => setRate(Number(v) || 0)}
              error={errors.ratePerMinute}
              disabled={!canManage}
            />
            <TextInput
              label={t("distribution.send.replyTo")}
              type="email"
              value={replyTo}
              onChange={(e) => setReplyTo(e.currentTarget.value)}
              error={errors.replyTo}
              disabled={!canManage}
            />
            <NumberInput
              label={t("distribution.settings.maxMb")}
              min={0}
              max={25}
              value={maxMb}
              onChange={(v) => setMaxMb(Number(v) || 0)}
              error={errors.maxAttachmentMb}
              disabled={!canManage}
            />
            <Switch
              label={t("distribution.settings.tracking")}
              description={t("distribution.settings.trackingHint")}
              checked={tracking}
              onChange={(e) => setTracking(e.currentTarget.checked)}
              disabled={!canManage}
            />
            {!canManage && (
              <Text size="sm" c="dimmed">
                {t("distribution.settings.readOnly")}
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!organizationId || !canManage}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
