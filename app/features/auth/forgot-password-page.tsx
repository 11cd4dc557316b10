/** Ask for a reset link. The answer is the same whether or not the email exists (no account probing). */
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { resetRequestBody } from "../../../common/schemas/auth";
import { handleApiError, zodErrors } from "../../lib/form-errors";
import { authApi } from "./auth-api";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: "" },
    validate: (values) => zodErrors(resetRequestBody, values),
  });
  const request = useMutation({
    mutationFn: (email: string) => authApi.requestReset(email),
    onError: (error) => handleApiError(error, form),
  });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t("auth.forgotTitle")}
      </Title>
      {request.isSuccess ? (
        <Alert color="teal" role="status">
          {t("auth.resetSent")}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values.email))} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t("auth.forgotHelp")}
            </Text>
            <TextInput label={t("auth.email")} type="email" autoComplete="email" autoFocus {...form.getInputProps("email")} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t("auth.sendResetLink")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t("auth.backToSignIn")}
      </Anchor>
    </Stack>
  );
}
