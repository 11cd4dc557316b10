/** Tetapkan predikat kinerja for whole months of one calendar year. */
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Predikat } from "../../../common/pranata-humas";
import { createRatingBody } from "../../../common/schemas/officers";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { predikatOptions } from "./labels";
import { type CreateRatingBody, type OfficerView, useRateOfficer } from "./officers-api";

interface Values {
  startMonth: string;
  endMonth: string;
  predikat: Predikat | null;
  note: string;
}

// The usual case is last year's SKP: January to December of the previous year.
const initialValues = (): Values => {
  const year = dayjs().year() - 1;
  return { startMonth: `${year}-01`, endMonth: `${year}-12`, predikat: null, note: "" };
};

const toBody = (v: Values): CreateRatingBody => ({
  startMonth: v.startMonth,
  endMonth: v.endMonth,
  predikat: (v.predikat ?? "") as Predikat,
  note: v.note.trim() || null,
});

export function RateOfficerModal({ officer, opened, onClose }: { officer: OfficerView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rate = useRateOfficer(officer.id);
  const thisMonth = dayjs().format("YYYY-MM");
  const form = useForm<Values>({
    initialValues: initialValues(),
    validate: (v) => {
      const errors = zodErrors(createRatingBody, toBody(v));
      if (!v.predikat) errors.predikat = t("validation.required");
      if (v.startMonth && v.endMonth && (v.startMonth.slice(0, 4) !== v.endMonth.slice(0, 4) || v.endMonth < v.startMonth))
        errors.endMonth = t("officers.ratings.periodInvalid");
      else if (v.endMonth && v.endMonth > thisMonth) errors.endMonth = t("officers.ratings.periodFuture");
      return errors;
    },
  });
  const close = () => {
    form.setValues(initialValues());
    form.clearErrors();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t("officers.ratings.rateTitle")}>
      <form
        onSubmit={form.onSubmit((v) =>
          rate.mutate(toBody(v), {
            onSuccess: () => {
              notifySuccess(t("officers.ratings.rated"));
              close();
            },
            onError: (error) => handleApiError(error, form),
          }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t("officers.ratings.rateHelp", { name: officer.name })}
          </Text>
          {/* Native month inputs: localized by the browser and easy on phones. */}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput type="month" label={t("officers.ratings.startMonth")} max={thisMonth} {...form.getInputProps("startMonth")} />
            <TextInput type="month" label={t("officers.ratings.endMonth")} max={thisMonth} {...form.getInputProps("endMonth")} />
          </SimpleGrid>
          <Select
            label={t("officers.ratings.predikat")}
            data={predikatOptions()}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps("predikat")}
          />
          <Textarea label={t("officers.ratings.note")} autosize minRows={2} maxLength={1000} {...form.getInputProps("note")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={rate.isPending}>
              {t("officers.ratings.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
