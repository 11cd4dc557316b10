/** Grants of one user: list with remove (confirmed) and a small add form. */
import { ActionIcon, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../common/roles";
import { useConfirm } from "../../components/confirm-provider";
import { OrganizationSelect } from "../../components/organization-select";
import { RoleSelect } from "../../components/role-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import { type UserView, useAddGrant, useRemoveGrant } from "./users-api";

export function UserGrants({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const add = useAddGrant(user.id);
  const remove = useRemoveGrant(user.id);
  const form = useForm<{ organizationId: string | null; role: Role }>({
    initialValues: { organizationId: null, role: "officer" },
    validate: { organizationId: (v) => (v ? null : t("validation.required")) },
  });
  const canAdd = allowed(user.can, "grant");

  const removeGrant = async (grant: UserView["grants"][number]) => {
    const ok = await confirm({
      title: t("users.removeGrantTitle"),
      message: t("users.removeGrantBody", { organization: grant.organizationName, role: t(`roles.${grant.role}`) }),
      confirmLabel: t("users.removeGrant"),
      danger: true,
    });
    if (!ok) return;
    remove.mutate(grant.id, {
      onSuccess: () => notifySuccess(t("users.grantRemoved")),
      onError: (error) => handleApiError(error),
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t("users.grants")}
      </Title>
      {user.grants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("users.noGrants")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.organization")}</Table.Th>
                <Table.Th>{t("users.role")}</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.grants.map((grant) => (
                <Table.Tr key={grant.id} data-testid="grant-row">
                  <Table.Td>{grant.organizationName}</Table.Td>
                  <Table.Td>{t(`roles.${grant.role}`)}</Table.Td>
                  <Table.Td>
                    {allowed(grant.can, "remove") && (
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        aria-label={t("users.removeGrantFor", { organization: grant.organizationName })}
                        onClick={() => void removeGrant(grant)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAdd && (
        <form
          onSubmit={form.onSubmit((v) =>
            add.mutate(
              { organizationId: v.organizationId ?? "", role: v.role },
              {
                onSuccess: () => {
                  notifySuccess(t("users.grantAdded"));
                  form.reset();
                },
                onError: (error) => handleApiError(error, form),
              },
            ),
          )}
          noValidate
        >
          <Group align="flex-end" mt="md" gap="xs">
            <OrganizationSelect
              label={t("users.organization")}
              include={(o) => allowed(o.can, "invite")}
              style={{ flex: "2 1 220px" }}
              {...form.getInputProps("organizationId")}
            />
            <RoleSelect label={t("users.role")} allowDeselect={false} style={{ flex: "1 1 140px" }} {...form.getInputProps("role")} />
            <Button type="submit" loading={add.isPending}>
              {t("users.addGrant")}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
