/**
 * Two-factor sign-in. Enabling is two steps: the server makes a secret (QR + text for manual
 * entry), then a code from the app proves it was scanned. Disabling asks for the password.
 */
import { Alert, Badge, Button, Code, Group, Image, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useDisableTwoFactor, useEnableTwoFactor, useTwoFactorSetup } from "./account-api";
import { SectionCard } from "./section-card";

export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("account.twoFactor")} description={t("account.twoFactorHelp")}>
      <Group mb="sm">
        <Badge color={enabled ? "teal" : "gray"} variant="light">
          {enabled ? t("account.twoFactorOn") : t("account.twoFactorOff")}
        </Badge>
      </Group>
      {enabled ? <DisableForm /> : <EnableFlow />}
    </SectionCard>
  );
}

function EnableFlow() {
  const { t } = useTranslation();
  const setup = useTwoFactorSetup();
  const enable = useEnableTwoFactor();
  const form = useForm({
    initialValues: { code: "" },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t("auth.codeInvalid")) },
  });

  if (!setup.data) {
    return (
      <Button onClick={() => setup.mutate(undefined, { onError: (e) => handleApiError(e) })} loading={setup.isPending}>
        {t("account.setupTwoFactor")}
      </Button>
    );
  }

  return (
    <Stack maw={420}>
      <Text size="sm">{t("account.scanQr")}</Text>
      <Image src={setup.data.qrDataUrl} alt={t("account.qrAlt")} w={200} h={200} fit="contain" />
      <Text size="xs" c="dimmed">
        {t("account.manualSecret")} <Code>{setup.data.secret}</Code>
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          enable.mutate(v.code.trim(), {
            onSuccess: () => notifySuccess(t("account.twoFactorEnabled")),
            onError: (e) => handleApiError(e, form),
          }),
        )}
        noValidate
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t("auth.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ flex: "1 1 160px" }}
            {...form.getInputProps("code")}
          />
          <Button type="submit" loading={enable.isPending}>
            {t("account.enableTwoFactor")}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (v) => (v ? null : t("validation.required")) },
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        disable.mutate(v.password, {
          onSuccess: () => {
            notifySuccess(t("account.twoFactorDisabled"));
            form.reset();
          },
          onError: (e) => handleApiError(e, form),
        }),
      )}
      noValidate
    >
      <Stack maw={420}>
        <Alert color="yellow" variant="light">
          {t("account.disableWarning")}
        </Alert>
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={t("account.confirmWithPassword")}
            autoComplete="current-password"
            style={{ flex: "1 1 200px" }}
            {...form.getInputProps("password")}
          />
          <Button type="submit" color="red" variant="light" loading={disable.isPending}>
            {t("account.disableTwoFactor")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
