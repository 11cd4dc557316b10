/** Password + repeat fields with a strength hint, shared by reset, invitation and account. */
import { PasswordInput, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";
import { PasswordStrength } from "../../components/password-strength";
import i18n from "../../i18n";

export interface NewPasswordValues {
  password: string;
  repeat: string;
}

/** Client-side checks mirror common/schemas (min/max length) and add the repeat match. */
export function validateNewPassword(values: NewPasswordValues): Partial<Record<keyof NewPasswordValues, string>> {
  const errors: Partial<Record<keyof NewPasswordValues, string>> = {};
  if (!values.password) errors.password = i18n.t("validation.required");
  else if (values.password.length < LIMITS.passwordMin) errors.password = i18n.t("validation.tooShort", { min: LIMITS.passwordMin });
  else if (values.password.length > LIMITS.passwordMax) errors.password = i18n.t("validation.tooLong", { max: LIMITS.passwordMax });
  if (values.repeat !== values.password) errors.repeat = i18n.t("validation.passwordMismatch");
  return errors;
}

export function NewPasswordFields<T extends NewPasswordValues>({
  form,
  labels,
}: {
  form: UseFormReturnType<T>;
  labels?: { password: string; repeat: string };
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <PasswordInput label={labels?.password ?? t("auth.password")} autoComplete="new-password" {...form.getInputProps("password")} />
      <PasswordStrength password={form.getValues().password} />
      <PasswordInput label={labels?.repeat ?? t("auth.repeatPassword")} autoComplete="new-password" {...form.getInputProps("repeat")} />
    </Stack>
  );
}
