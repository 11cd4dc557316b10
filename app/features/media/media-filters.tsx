/** Search and filters of the library; the page keeps them in the URL. */
import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MEDIA_KINDS, MEDIA_RIGHTS, MEDIA_SORTS, type MediaKind, type MediaRights, type MediaSort } from "../../../common/schemas/media";
import { OrganizationSelect } from "../../components/organization-select";
import { SearchInput } from "../../components/search-input";
import type { MediaFilters } from "./media-api";

export function MediaFiltersBar({
  filters,
  onChange,
  fixedKind = false,
  compact = false,
}: {
  filters: MediaFilters;
  onChange: (patch: Partial<MediaFilters>) => void;
  /** The picker may be limited to one kind; the filter then stays out of the way. */
  fixedKind?: boolean;
  /** The picker shows search, kind and organization only. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <SearchInput
        label={t("media.filters.search")}
        placeholder={t("media.filters.searchHint")}
        value={filters.q}
        onSearch={(q) => onChange({ q })}
      />
      {!fixedKind && (
        <Select
          label={t("media.filters.kind")}
          placeholder={t("common.all")}
          clearable
          w={150}
          data={MEDIA_KINDS.map((k) => ({ value: k, label: t(`media.kinds.${k}`) }))}
          value={filters.kind ?? null}
          onChange={(v) => onChange({ kind: (v as MediaKind | null) ?? undefined })}
        />
      )}
      <OrganizationSelect
        label={t("media.filters.organization")}
        placeholder={t("common.all")}
        w={240}
        value={filters.organizationId ?? null}
        onChange={(v) => onChange({ organizationId: v ?? undefined })}
      />
      {!compact && (
        <>
          <SearchInput
            label={t("media.filters.tag")}
            placeholder="banjir"
            value={filters.tag}
            onSearch={(tag) => onChange({ tag: tag?.toLowerCase() })}
          />
          <Select
            label={t("media.filters.rights")}
            placeholder={t("common.all")}
            clearable
            w={170}
            data={MEDIA_RIGHTS.map((r) => ({ value: r, label: t(`media.rights.${r}`) }))}
            value={filters.rights ?? null}
            onChange={(v) => onChange({ rights: (v as MediaRights | null) ?? undefined })}
          />
          <Select
            label={t("media.filters.sort")}
            w={150}
            allowDeselect={false}
            data={MEDIA_SORTS.map((s) => ({ value: s, label: t(`media.sorts.${s}`) }))}
            value={filters.sort ?? "newest"}
            onChange={(v) => onChange({ sort: v === "newest" ? undefined : ((v as MediaSort | null) ?? undefined) })}
          />
        </>
      )}
    </Group>
  );
}
