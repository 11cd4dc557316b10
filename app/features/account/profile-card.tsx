import { Button, Group, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../common/roles";
import { updateMeBody } from "../../../common/schemas/auth";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import type { SessionView } from "../auth/session";
import { useUpdateMe } from "./account-api";
import { SectionCard } from "./section-card";

interface ProfileValues {
  name: string;
  phone: string;
  locale: Locale;
  emailNotifications: boolean;
}

/** Name, phone, language and email notifications. Saving a new language switches the UI at once (storeSession). */
export function ProfileCard({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const toBody = (v: ProfileValues) => ({
    name: v.name.trim(),
    phone: v.phone.trim() || null,
    locale: v.locale,
    emailNotifications: v.emailNotifications,
  });
  const form = useForm<ProfileValues>({
    initialValues: {
      name: session.user.name,
      phone: session.user.phone ?? "",
      locale: session.user.locale,
      emailNotifications: session.user.emailNotifications,
    },
    validate: (v) => zodErrors(updateMeBody, toBody(v)),
  });

  return (
    <SectionCard title={t("account.profile")}>
      <form
        onSubmit={form.onSubmit((v) =>
          update.mutate(toBody(v), {
            onSuccess: () => {
              notifySuccess(t("account.profileSaved"));
              form.resetDirty();
            },
            onError: (error) => handleApiError(error, form),
          }),
        )}
        noValidate
      >
        <Stack>
          <TextInput label={t("account.name")} autoComplete="name" {...form.getInputProps("name")} />
          <TextInput label={t("account.phone")} type="tel" autoComplete="tel" {...form.getInputProps("phone")} />
          <Select
            label={t("account.language")}
            allowDeselect={false}
            data={[
              { value: "id", label: "Bahasa Indonesia" },
              { value: "en", label: "English" },
            ]}
            {...form.getInputProps("locale")}
          />
          <Switch
            label={t("account.emailNotifications")}
            description={t("account.emailNotificationsHint")}
            {...form.getInputProps("emailNotifications", { type: "checkbox" })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
