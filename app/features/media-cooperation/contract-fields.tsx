/** The contract fields the create page and the edit form share: the rupiah input, period and budget line. */
import { Group, Textarea, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

/** NumberInput settings for an amount in whole rupiah, written the Indonesian way (Rp15.000.000). */
export const RUPIAH_INPUT = { min: 1, thousandSeparator: ".", decimalSeparator: ",", prefix: "Rp", allowDecimal: false } as const;

type PeriodField = "periodStart" | "periodEnd" | "budgetLine";

export function PeriodAndBudgetFields({ inputProps }: { inputProps: (field: PeriodField) => GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow>
        <TextInput type="date" label={t("mediaCooperation.periodStart")} required {...inputProps("periodStart")} />
        <TextInput type="date" label={t("mediaCooperation.periodEnd")} required {...inputProps("periodEnd")} />
      </Group>
      <Textarea
        label={t("mediaCooperation.budgetLine")}
        description={t("mediaCooperation.budgetLineHint")}
        autosize
        minRows={2}
        required
        {...inputProps("budgetLine")}
      />
    </>
  );
}
