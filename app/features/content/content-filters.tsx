/** Search, filters and sort of the content list; they live in the URL so a view can be shared. */
import { Checkbox, Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CONTENT_STATUSES, CONTENT_TYPES } from "../../../common/schemas/content";
import { OrganizationSelect } from "../../components/organization-select";
import { SearchInput } from "../../components/search-input";
import { CONTENT_SORTS, type ContentFilters, type ContentSort, type ContentStatus, type ContentType } from "./content-api";

export function ContentFiltersBar({ filters, onChange }: { filters: ContentFilters; onChange: (patch: Partial<ContentFilters>) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} mb="md" verticalSpacing="xs">
      <SearchInput
        label={t("content.search")}
        placeholder={t("content.searchPlaceholder")}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
      />
      <Select
        label={t("content.filterStatus")}
        placeholder={t("common.all")}
        clearable
        data={CONTENT_STATUSES.map((s) => ({ value: s, label: t(`content.status.${s}`) }))}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as ContentStatus | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t("content.filterType")}
        placeholder={t("common.all")}
        clearable
        data={CONTENT_TYPES.map((type) => ({ value: type, label: t(`content.types.${type}`) }))}
        value={filters.type ?? null}
        onChange={(value) => onChange({ type: (value as ContentType | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
      />
      <OrganizationSelect
        label={t("content.filterOrganization")}
        placeholder={t("common.all")}
        value={filters.organizationId ?? null}
        onChange={(value) => onChange({ organizationId: value ?? undefined })}
      />
      <Select
        label={t("content.sort")}
        data={CONTENT_SORTS.map((s) => ({ value: s, label: t(`content.sorts.${s}`) }))}
        value={filters.sort ?? "-updated"}
        allowDeselect={false}
        onChange={(value) => onChange({ sort: value === "-updated" ? undefined : ((value as ContentSort | null) ?? undefined) })}
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox
        mt={{ base: 0, lg: 30 }}
        label={t("content.mineOnly")}
        checked={!!filters.mine}
        onChange={(e) => onChange({ mine: e.currentTarget.checked || undefined })}
      />
    </SimpleGrid>
  );
}
