/** Create an API token scoped to one organization and role, optionally with an expiry date. */
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../common/roles";
import { createApiTokenBody } from "../../../common/schemas/tokens";
import { OrganizationSelect } from "../../components/organization-select";
import { RoleSelect } from "../../components/role-select";
import { handleApiError, zodErrors } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import { type CreateApiTokenBody, type CreatedApiToken, useCreateApiToken } from "./api-tokens-api";

interface Values {
  name: string;
  organizationId: string | null;
  role: Role;
  expiresAt: string;
}

const toBody = (v: Values): CreateApiTokenBody => ({
  name: v.name.trim(),
  organizationId: v.organizationId ?? "",
  role: v.role,
  expiresAt: v.expiresAt || null,
});

export function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const form = useForm<Values>({
    initialValues: { name: "", organizationId: null, role: "viewer", expiresAt: "" },
    validate: (v) => {
      const errors = zodErrors(createApiTokenBody, toBody(v));
      if (v.expiresAt && !dayjs(v.expiresAt).isAfter(dayjs(), "day")) errors.expiresAt = t("tokens.expiryFuture");
      return errors;
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t("tokens.createTitle")}>
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(toBody(v), {
            onSuccess: (token) => {
              form.reset();
              onCreated(token);
            },
            onError: (error) => handleApiError(error, form),
          }),
        )}
        noValidate
      >
        <Stack>
          <TextInput label={t("tokens.name")} description={t("tokens.nameHelp")} data-autofocus {...form.getInputProps("name")} />
          <OrganizationSelect
            label={t("tokens.organization")}
            include={(o) => allowed(o.can, "update")}
            {...form.getInputProps("organizationId")}
          />
          <RoleSelect label={t("tokens.role")} allowDeselect={false} {...form.getInputProps("role")} />
          <TextInput
            type="date"
            label={t("tokens.expiresAt")}
            description={t("tokens.expiresHelp")}
            min={dayjs().add(1, "day").format("YYYY-MM-DD")}
            {...form.getInputProps("expiresAt")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
