/** Search, filters and sort of the officer list; they live in the URL so a view can be shared. */
import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Jenjang } from "../../../common/pranata-humas";
import { OrganizationSelect } from "../../components/organization-select";
import { SearchInput } from "../../components/search-input";
import { jenjangOptions } from "./labels";
import { OFFICER_SORTS, OFFICER_STATUSES, type OfficerFilters, type OfficerSort, type OfficerStatus } from "./officers-api";

export function OfficersFilters({ filters, onChange }: { filters: OfficerFilters; onChange: (patch: Partial<OfficerFilters>) => void }) {
  const { t } = useTranslation();

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} mb="md">
      <SearchInput
        label={t("officers.search")}
        placeholder={t("officers.searchPlaceholder")}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
      />
      <OrganizationSelect
        label={t("officers.filterOrganization")}
        placeholder={t("common.all")}
        value={filters.organizationId ?? null}
        onChange={(value) => onChange({ organizationId: value ?? undefined })}
      />
      <Select
        label={t("officers.filterJenjang")}
        placeholder={t("common.all")}
        clearable
        data={jenjangOptions()}
        value={filters.jenjang ?? null}
        onChange={(value) => onChange({ jenjang: (value as Jenjang | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t("officers.filterStatus")}
        allowDeselect={false}
        data={OFFICER_STATUSES.map((s) => ({ value: s, label: t(`officers.statusFilter.${s}`) }))}
        value={filters.active ?? "true"}
        // "aktif" is the default and stays out of the URL.
        onChange={(value) => onChange({ active: value === "true" ? undefined : ((value as OfficerStatus | null) ?? undefined) })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t("officers.sortLabel")}
        allowDeselect={false}
        data={OFFICER_SORTS.map((s) => ({ value: s, label: t(`officers.sort.${s}`) }))}
        value={filters.sort ?? "name"}
        onChange={(value) => onChange({ sort: value === "name" ? undefined : ((value as OfficerSort | null) ?? undefined) })}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
