/**
 * Adds or edits a social-media source. The access token is a password field: it is sent once,
 * stored sealed, and never shown again; leaving it empty on edit keeps the stored one.
 */
import { Button, Group, Modal, NumberInput, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { SOCIAL_CONFIG_FIELD, SOCIAL_SOURCE_KINDS, type SocialSourceKind } from "../../../common/monitoring-intake-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type SocialSourceView, useCreateSocialSource, useUpdateSocialSource } from "./intake-api";

interface Values {
  organizationId: string;
  kind: SocialSourceKind;
  name: string;
  target: string;
  accessToken: string;
  scheduleMinutes: number;
}

const initial = (source: SocialSourceView | null): Values => ({
  organizationId: source?.organizationId ?? "",
  kind: source?.kind ?? "x",
  name: source?.name ?? "",
  target: source?.target ?? "",
  accessToken: "",
  scheduleMinutes: source?.scheduleMinutes ?? 30,
});

export function SocialSourceFormModal({
  source,
  opened,
  onClose,
}: {
  source: SocialSourceView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSocialSource();
  const update = useUpdateSocialSource();
  const editing = Boolean(source);
  const form = useForm<Values>({
    initialValues: initial(source),
    validate: {
      organizationId: (v) => (v ? null : t("validation.required")),
      name: (v) => (v.trim() ? null : t("validation.required")),
      target: (v) => (v.trim() ? null : t("validation.required")),
      accessToken: (v) => (editing || v.trim().length >= 8 ? null : t("validation.tooShort", { min: 8 })),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another source opens
  useEffect(() => {
    if (opened) form.setValues(initial(source));
  }, [opened, source]);

  const field = SOCIAL_CONFIG_FIELD[form.values.kind];
  const submit = form.onSubmit((v) => {
    const done = () => {
      notifySuccess(t("monitoringIntake.social.saved"));
      onClose();
    };
    if (source) {
      update.mutate(
        {
          id: source.id,
          name: v.name,
          target: v.target,
          scheduleMinutes: v.scheduleMinutes,
          ...(v.accessToken.trim() ? { accessToken: v.accessToken.trim() } : {}),
        },
        { onSuccess: done, onError: (e) => handleApiError(e, form) },
      );
    } else {
      create.mutate({ ...v, accessToken: v.accessToken.trim() }, { onSuccess: done, onError: (e) => handleApiError(e, form) });
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t("monitoringIntake.social.edit") : t("monitoringIntake.social.add")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!editing && (
            <>
              <OrganizationSelect label={t("monitoringIntake.organization")} required {...form.getInputProps("organizationId")} />
              <Select
                label={t("monitoringIntake.social.kind")}
                required
                allowDeselect={false}
                data={SOCIAL_SOURCE_KINDS.map((k) => ({ value: k, label: t(`monitoringIntake.social.kinds.${k}`) }))}
                {...form.getInputProps("kind")}
              />
            </>
          )}
          <TextInput label={t("monitoringIntake.social.name")} required {...form.getInputProps("name")} />
          <TextInput
            label={t(`monitoringIntake.social.target.${field}`)}
            description={t(`monitoringIntake.social.targetHelp.${field}`)}
            required
            {...form.getInputProps("target")}
          />
          <PasswordInput
            label={form.values.kind === "youtube" ? t("monitoringIntake.social.apiKey") : t("monitoringIntake.social.token")}
            description={editing ? t("monitoringIntake.social.tokenKeep") : t("monitoringIntake.social.tokenHelp")}
            required={!editing}
            autoComplete="off"
            {...form.getInputProps("accessToken")}
          />
          <NumberInput
            label={t("monitoringIntake.social.schedule")}
            min={5}
            max={1440}
            step={5}
            {...form.getInputProps("scheduleMinutes")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
