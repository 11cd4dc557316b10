/** Landing page of the reset link (/app/reset-password?token=...): choose a new password. */
import { Alert, Anchor, Button, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { handleApiError } from "../../lib/form-errors";
import { authApi } from "./auth-api";
import { NewPasswordFields, validateNewPassword } from "./new-password-fields";

const route = getRouteApi("/_public/reset-password");

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const form = useForm({ initialValues: { password: "", repeat: "" }, validate: validateNewPassword });
  const confirm = useMutation({
    mutationFn: (password: string) => authApi.confirmReset({ token: token ?? "", password }),
    onSuccess: async () => {
      notifications.show({ color: "teal", message: t("auth.resetDone") });
      await navigate({ to: "/sign-in" });
    },
    onError: (error) => handleApiError(error, form),
  });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t("auth.resetTitle")}
      </Title>
      {!token ? (
        <Alert color="red">{t("auth.linkInvalid")}</Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => confirm.mutate(values.password))} noValidate>
          <Stack>
            <NewPasswordFields form={form} labels={{ password: t("auth.newPassword"), repeat: t("auth.repeatPassword") }} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t("auth.saveNewPassword")}
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
