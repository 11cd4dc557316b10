/**
 * Kode wilayah is picked from the Kemendagri list (GET /regions), never typed. Choosing a
 * province or regency pre-fills the time zone from it; the user may still override it.
 */
import { Select, SimpleGrid } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { TIME_ZONES } from "../../../common/roles";
import type { OrgFormValues } from "./org-form-values";
import { useRegions } from "./organizations-api";

export function RegionFields({ form, regional }: { form: UseFormReturnType<OrgFormValues>; regional: boolean }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const needsRegency = values.kind === "kabupaten" || values.kind === "kota";
  const provinces = useRegions(null, regional);
  const regencies = useRegions(values.province, regional && needsRegency && !!values.province);

  const pickProvince = (code: string | null) => {
    form.setFieldValue("province", code);
    const province = provinces.data?.find((r) => r.code === code);
    if (!needsRegency) form.setFieldValue("regionCode", code);
    else form.setFieldValue("regionCode", null); // a regency of another province no longer fits
    if (province) form.setFieldValue("timeZone", province.timeZone);
  };

  const pickRegency = (code: string | null) => {
    form.setFieldValue("regionCode", code);
    const regency = regencies.data?.find((r) => r.code === code);
    if (regency) form.setFieldValue("timeZone", regency.timeZone);
  };

  const regionError = form.errors.regionCode;

  return (
    <>
      {regional && (
        <SimpleGrid cols={{ base: 1, xs: needsRegency ? 2 : 1 }}>
          <Select
            label={t("organizations.province")}
            searchable
            clearable
            data={(provinces.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
            value={values.province}
            onChange={pickProvince}
            error={!needsRegency ? regionError : undefined}
            disabled={provinces.isLoading}
            comboboxProps={{ withinPortal: true }}
          />
          {needsRegency && (
            <Select
              label={t("organizations.regency")}
              searchable
              clearable
              data={(regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
              value={values.regionCode}
              onChange={pickRegency}
              error={regionError}
              disabled={!values.province || regencies.isLoading}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </SimpleGrid>
      )}
      <Select
        label={t("organizations.timeZone")}
        description={t("organizations.timeZoneHelp")}
        clearable
        data={TIME_ZONES.map((tz) => ({ value: tz, label: t(`timeZones.${tz}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps("timeZone")}
      />
    </>
  );
}
