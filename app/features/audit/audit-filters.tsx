/** Audit filters: who, where, what kind of record, and a date range (inclusive, local dates). */
import { Autocomplete, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganizationSelect } from "../../components/organization-select";
import { UserSelect } from "../../components/user-select";
import { type AuditFilters as Filters, KNOWN_ENTITY_TYPES } from "./audit-api";

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  canPickUser: boolean;
}

export function AuditFilters({ filters, onChange, canPickUser }: Props) {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState(filters.entityType ?? "");
  const commitEntityType = useDebouncedCallback((v: string) => onChange({ entityType: v.trim() || undefined }), 300);
  const dateError = filters.from && filters.to && filters.from > filters.to ? t("audit.rangeInvalid") : undefined;

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} mb="md">
      {canPickUser && (
        <UserSelect
          label={t("audit.user")}
          placeholder={t("common.all")}
          value={filters.userId ?? null}
          onChange={(value) => onChange({ userId: value ?? undefined })}
        />
      )}
      <OrganizationSelect
        label={t("audit.organization")}
        placeholder={t("common.all")}
        value={filters.organizationId ?? null}
        onChange={(value) => onChange({ organizationId: value ?? undefined })}
      />
      <Autocomplete
        label={t("audit.entityType")}
        placeholder={t("common.all")}
        data={KNOWN_ENTITY_TYPES}
        value={entityType}
        maxLength={60}
        onChange={(v) => {
          setEntityType(v);
          commitEntityType(v);
        }}
        comboboxProps={{ withinPortal: true }}
      />
      {/* Native date inputs: accessible, localized by the browser, and easy on phones. */}
      <TextInput
        type="date"
        label={t("audit.from")}
        value={filters.from ?? ""}
        max={filters.to}
        onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
      />
      <TextInput
        type="date"
        label={t("audit.to")}
        value={filters.to ?? ""}
        min={filters.from}
        error={dateError}
        onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
      />
    </SimpleGrid>
  );
}
