import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { NewPasswordFields, validateNewPassword } from "../auth/new-password-fields";
import { useChangePassword } from "./account-api";
import { SectionCard } from "./section-card";

/** Change password: current one first (server re-checks it), then the new one twice. */
export function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: "", password: "", repeat: "" },
    validate: (v) => ({
      ...validateNewPassword(v),
      ...(v.currentPassword ? {} : { currentPassword: t("validation.required") }),
    }),
  });

  return (
    <SectionCard title={t("account.password")}>
      <form
        onSubmit={form.onSubmit((v) =>
          change.mutate(
            { currentPassword: v.currentPassword, newPassword: v.password },
            {
              onSuccess: () => {
                notifySuccess(t("account.passwordChanged"));
                form.reset();
              },
              // The server names the new password `newPassword`; our field is `password`.
              onError: (error) => {
                handleApiError(error, form);
                if (isApiError(error) && error.fields.newPassword) {
                  form.setFieldError("password", error.fields.newPassword);
                }
              },
            },
          ),
        )}
        noValidate
      >
        <Stack>
          <PasswordInput label={t("account.currentPassword")} autoComplete="current-password" {...form.getInputProps("currentPassword")} />
          <NewPasswordFields form={form} labels={{ password: t("account.newPassword"), repeat: t("account.repeatNewPassword") }} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t("account.changePassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
