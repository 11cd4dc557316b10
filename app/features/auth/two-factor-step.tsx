import { Anchor, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { handleApiError } from "../../lib/form-errors";
import { authApi } from "./auth-api";
import { authErrors } from "./auth-schemas";
import { useFinishSignIn } from "./use-finish-sign-in";

/** Second sign-in step: the code from the authenticator app. */
export function TwoFactorStep({ redirect, onBack }: { redirect?: string; onBack: () => void }) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const form = useForm({
    initialValues: { code: "" },
    validate: async (values) => {
      const errors = await authErrors((schemas) => schemas.twoFactorBody, values);
      return errors.code ? { code: t("auth.codeInvalid") } : errors;
    },
  });
  const verify = useMutation({
    mutationFn: (code: string) => authApi.twoFactor(code),
    onSuccess: (session) => finish(session, redirect),
    onError: (error) => handleApiError(error, form),
  });

  return (
    <form onSubmit={form.onSubmit((values) => verify.mutate(values.code.trim()))} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t("auth.twoFactorTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("auth.twoFactorHelp")}
        </Text>
        <TextInput
          label={t("auth.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          {...form.getInputProps("code")}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t("auth.verify")}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t("auth.backToSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}
