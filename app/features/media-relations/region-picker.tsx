/** Kode wilayah as province then (optionally) kabupaten/kota, from the Kemendagri list. */
import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRegions } from "../organizations/organizations-api";

export function RegionPicker({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const province = value ? value.slice(0, 2) : null;
  const provinces = useRegions(null, true);
  const regencies = useRegions(province, !!province);
  return (
    <Group grow gap="sm">
      <Select
        label={t("mediaRelations.province")}
        searchable
        clearable
        data={(provinces.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={province}
        onChange={(code) => onChange(code)}
      />
      <Select
        label={t("mediaRelations.regency")}
        searchable
        clearable
        disabled={!province}
        data={(regencies.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={value && value.length > 2 ? value : null}
        onChange={(code) => onChange(code ?? province)}
      />
    </Group>
  );
}
