/** Search and filters of the user list; they live in the URL so a filtered view can be shared. */
import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, USER_STATUSES, type UserStatus } from "../../../common/roles";
import { OrganizationSelect } from "../../components/organization-select";
import { RoleSelect } from "../../components/role-select";
import type { UserFilters } from "./users-api";

export function UsersFilters({ filters, onChange }: { filters: UserFilters; onChange: (patch: Partial<UserFilters>) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(filters.q ?? "");
  const search = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 300);

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
      <TextInput
        label={t("users.search")}
        placeholder={t("users.searchPlaceholder")}
        leftSection={<IconSearch size={16} />}
        value={query}
        maxLength={100}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
      />
      <OrganizationSelect
        label={t("users.filterOrganization")}
        placeholder={t("common.all")}
        value={filters.organizationId ?? null}
        onChange={(value) => onChange({ organizationId: value ?? undefined })}
      />
      <RoleSelect
        label={t("users.filterRole")}
        placeholder={t("common.all")}
        clearable
        value={filters.role ?? null}
        onChange={(value) => onChange({ role: (value as Role | null) ?? undefined })}
      />
      <Select
        label={t("users.filterStatus")}
        placeholder={t("common.all")}
        clearable
        data={USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as UserStatus | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
