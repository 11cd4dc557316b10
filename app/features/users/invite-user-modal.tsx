/** Invite a user by email with one or more organization + role grants. */
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../common/roles";
import { inviteUserBody } from "../../../common/schemas/users";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { GrantRows } from "./grant-rows";
import { type InviteUserBody, useInviteUser } from "./users-api";

export interface InviteFormValues {
  email: string;
  name: string;
  grants: { key: string; organizationId: string | null; role: Role }[];
}

function toBody(values: InviteFormValues): InviteUserBody {
  return {
    email: values.email.trim(),
    name: values.name.trim(),
    grants: values.grants.map((g) => ({ organizationId: g.organizationId ?? "", role: g.role })),
  };
}

const initialValues = (): InviteFormValues => ({
  email: "",
  name: "",
  grants: [{ key: crypto.randomUUID(), organizationId: null, role: "officer" }],
});

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const form = useForm<InviteFormValues>({
    initialValues: initialValues(),
    validate: (values) => zodErrors(inviteUserBody, toBody(values)),
  });

  const close = () => {
    form.setValues(initialValues());
    form.clearErrors();
    onClose();
  };

  const submit = (values: InviteFormValues) =>
    invite.mutate(toBody(values), {
      onSuccess: (user) => {
        notifySuccess(t("users.invited", { email: user.email }));
        close();
      },
      onError: (error) => handleApiError(error, form),
    });

  return (
    <Modal opened={opened} onClose={close} title={t("users.inviteTitle")} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput label={t("users.email")} type="email" autoComplete="off" data-autofocus {...form.getInputProps("email")} />
          <TextInput label={t("users.name")} autoComplete="off" {...form.getInputProps("name")} />
          <GrantRows form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("users.sendInvitation")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
