/** Search and filters of the user list; they live in the URL so a filtered view can be shared. */
import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Role, USER_STATUSES, type UserStatus } from "../../../common/roles";
import { OrganizationSelect } from "../../components/organization-select";
import { RoleSelect } from "../../components/role-select";
import { SearchInput } from "../../components/search-input";
import type { UserFilters } from "./users-api";

export function UsersFilters({ filters, onChange }: { filters: UserFilters; onChange: (patch: Partial<UserFilters>) => void }) {
  const { t } = useTranslation();

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
      <SearchInput
        label={t("users.search")}
        placeholder={t("users.searchPlaceholder")}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
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
