/** Organization + role pairs of the invite form; the first pair is always there. */
import { ActionIcon, Button, Group, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { RoleSelect } from "../../components/role-select";
import { allowed } from "../../lib/format";
import type { InviteFormValues } from "./invite-user-modal";

const MAX_GRANTS = 20; // common/schemas/users.ts inviteUserBody.grants.max

export function GrantRows({ form }: { form: UseFormReturnType<InviteFormValues> }) {
  const { t } = useTranslation();
  const grants = form.getValues().grants;
  return (
    <Stack gap="xs">
      {grants.map((grant, index) => {
        // Extra rows get numbered labels so every input keeps a unique, visible label.
        const suffix = index === 0 ? "" : ` ${index + 1}`;
        return (
          <Group key={grant.key} align="flex-start" gap="xs" wrap="nowrap">
            <OrganizationSelect
              label={`${t("users.organization")}${suffix}`}
              include={(o) => allowed(o.can, "invite")}
              style={{ flex: 2, minWidth: 0 }}
              {...form.getInputProps(`grants.${index}.organizationId`)}
            />
            <RoleSelect
              label={`${t("users.role")}${suffix}`}
              allowDeselect={false}
              style={{ flex: 1, minWidth: 0 }}
              {...form.getInputProps(`grants.${index}.role`)}
            />
            {index > 0 && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t("users.removeGrantRow", { n: index + 1 })}
                onClick={() => form.removeListItem("grants", index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {typeof form.errors.grants === "string" && (
        <div role="alert" style={{ color: "var(--mantine-color-error)", fontSize: "var(--mantine-font-size-xs)" }}>
          {form.errors.grants}
        </div>
      )}
      {grants.length < MAX_GRANTS && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: "flex-start" }}
          onClick={() => form.insertListItem("grants", { key: crypto.randomUUID(), organizationId: null, role: "officer" })}
        >
          {t("users.addGrantRow")}
        </Button>
      )}
    </Stack>
  );
}
