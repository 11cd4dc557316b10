/** Sign-in: email + password, then (when the account has 2FA) a six-digit code step. */
import { Anchor, Button, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setCsrfToken } from "../../api/client";
import { handleApiError } from "../../lib/form-errors";
import { authApi, isTwoFactorStep } from "./auth-api";
import { authErrors, usePreloadAuthSchemas } from "./auth-schemas";
import { TwoFactorStep } from "./two-factor-step";
import { useFinishSignIn } from "./use-finish-sign-in";

const route = getRouteApi("/_public/sign-in");

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const finish = useFinishSignIn();
  const [needsCode, setNeedsCode] = useState(false);
  usePreloadAuthSchemas();

  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: (values) => authErrors((schemas) => schemas.loginBody, values),
  });

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: async (result) => {
      if (isTwoFactorStep(result)) {
        setCsrfToken(result.csrfToken); // the code step is a write under the half-open session
        setNeedsCode(true);
        return;
      }
      await finish(result, redirect);
    },
    onError: (error) => handleApiError(error, form),
  });

  if (needsCode) return <TwoFactorStep redirect={redirect} onBack={() => setNeedsCode(false)} />;

  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t("auth.signInTitle")}
        </Title>
        <TextInput label={t("auth.email")} type="email" autoComplete="username" autoFocus {...form.getInputProps("email")} />
        <PasswordInput label={t("auth.password")} autoComplete="current-password" {...form.getInputProps("password")} />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t("auth.signIn")}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t("auth.forgotPassword")}
        </Anchor>
      </Stack>
    </form>
  );
}
