/**
 * Connect an account (or reconnect one): the platform's fields come from CHANNEL_FIELDS in
 * common/, secrets are password inputs and are never shown again, not even when reconnecting.
 */
import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  CHANNEL_FIELDS,
  CHANNEL_PLATFORMS,
  type ChannelPlatform,
  createChannelBody,
  PLATFORM_LABELS,
} from "../../../common/schemas/channels";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { type ChannelAccountView, type CreateChannelBody, useCreateChannel, useUpdateChannel } from "./channels-api";
import { PlatformIcon } from "./platform-icon";

interface Values {
  platform: ChannelPlatform;
  organizationId: string | null;
  name: string;
  tokenExpiresAt: string;
  fields: Record<string, string>;
}

const toBody = (v: Values): CreateChannelBody => {
  const connection: Record<string, string> = { platform: v.platform };
  for (const f of CHANNEL_FIELDS[v.platform]) {
    const value = v.fields[f.name]?.trim() ?? "";
    if (value || !f.optional) connection[f.name] = value;
  }
  return {
    organizationId: v.organizationId ?? "",
    name: v.name.trim(),
    tokenExpiresAt: v.tokenExpiresAt ? dayjs(v.tokenExpiresAt).endOf("day").format() : null,
    connection: connection as CreateChannelBody["connection"],
  };
};

/** The API names connection fields "connection.x"; the form keeps them under "fields.x". */
const toFormErrors = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^connection\./, "fields."), v]));

export function ConnectChannelModal({
  opened,
  onClose,
  account,
}: {
  opened: boolean;
  onClose: () => void;
  /** Reconnect this account instead of connecting a new one. */
  account?: ChannelAccountView | null;
}) {
  const { t } = useTranslation();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const form = useForm<Values>({
    initialValues: { platform: "telegram", organizationId: null, name: "", tokenExpiresAt: "", fields: {} },
    validate: (v) => toFormErrors(zodErrors(createChannelBody, toBody(v))),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens for another account
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      platform: account?.platform ?? "telegram",
      organizationId: account?.organization.id ?? null,
      name: account?.name ?? "",
      tokenExpiresAt: account?.tokenExpiresAt ? dayjs(account.tokenExpiresAt).format("YYYY-MM-DD") : "",
      fields: { ...(account?.config ?? {}) },
    });
    form.resetDirty();
  }, [opened, account?.id]);

  const close = () => {
    form.reset();
    onClose();
  };
  const onError = (error: unknown) => handleApiError(error, { setErrors: (e) => form.setErrors(toFormErrors(e)) });

  const submit = (v: Values) => {
    const body = toBody(v);
    if (account) {
      update.mutate(
        { id: account.id, body: { name: body.name, tokenExpiresAt: body.tokenExpiresAt, connection: body.connection } },
        {
          onSuccess: () => {
            notifySuccess(t("channels.updated"));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notifySuccess(t("channels.created", { name: created.name }));
          close();
        },
        onError,
      });
    }
  };

  const platform = form.values.platform;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={account ? t("channels.reconnectTitle", { name: account.name }) : t("channels.connectTitle")}
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Select
            label={t("channels.platform")}
            data={CHANNEL_PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
            leftSection={<PlatformIcon platform={platform} />}
            allowDeselect={false}
            disabled={Boolean(account)}
            value={platform}
            onChange={(value) => value && form.setValues({ platform: value as ChannelPlatform, fields: {} })}
          />
          <OrganizationSelect label={t("channels.organization")} disabled={Boolean(account)} {...form.getInputProps("organizationId")} />
          <TextInput label={t("channels.name")} description={t("channels.nameHelp")} data-autofocus {...form.getInputProps("name")} />
          {CHANNEL_FIELDS[platform].map((f) => {
            const key = `${platform}-${f.name}`;
            const props = {
              label: t(`channels.fields.${f.name}`),
              description: t(`channels.fieldHelp.${f.name}`, { defaultValue: "" }) || undefined,
              required: !f.optional,
              autoComplete: "off",
              ...form.getInputProps(`fields.${f.name}`),
              value: form.values.fields[f.name] ?? "",
            };
            return f.secret ? (
              <PasswordInput
                key={key}
                {...props}
                autoComplete="new-password"
                placeholder={account ? t("channels.secretAgain") : undefined}
              />
            ) : (
              <TextInput key={key} {...props} />
            );
          })}
          <Text size="xs" c="dimmed">
            {t("channels.secretHelp")}
          </Text>
          <TextInput
            type="date"
            label={t("channels.tokenExpiresAt")}
            description={t("channels.tokenExpiresHelp")}
            {...form.getInputProps("tokenExpiresAt")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {account ? t("channels.reconnect") : t("channels.connect")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
