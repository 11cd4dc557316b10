/** New angka kredit rules: each applies from its date and never rewrites earlier periods. */
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { JENJANG_INFO, type Jenjang, type Predikat } from "../../../common/pranata-humas";
import { createJenjangRuleBody, createPredikatRuleBody } from "../../../common/schemas/officers";
import i18n from "../../i18n";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { jenjangOptions, predikatOptions } from "../officers/labels";
import { useCreateJenjangRule, useCreatePredikatRule } from "./catalogue-api";

const num = (v: number | string): number => (v === "" ? Number.NaN : Number(v));
const decimalSeparator = () => (i18n.language === "en" ? "." : ",");

function RuleNote() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
      {t("akRules.note")}
    </Alert>
  );
}

interface JenjangValues {
  jenjang: Jenjang | null;
  koefisien: number | string;
  akNextPangkat: number | string;
  hasNextJenjang: boolean;
  akNextJenjang: number | string;
  effectiveFrom: string;
}

const toJenjangBody = (v: JenjangValues) => ({
  jenjang: (v.jenjang ?? "") as Jenjang,
  koefisien: num(v.koefisien),
  akNextPangkat: num(v.akNextPangkat),
  akNextJenjang: v.hasNextJenjang ? num(v.akNextJenjang) : null,
  effectiveFrom: v.effectiveFrom,
});

export function JenjangRuleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateJenjangRule();
  const initial: JenjangValues = {
    jenjang: null,
    koefisien: "",
    akNextPangkat: "",
    hasNextJenjang: true,
    akNextJenjang: "",
    effectiveFrom: "",
  };
  const form = useForm<JenjangValues>({
    initialValues: initial,
    validate: (v) => {
      const errors = zodErrors(createJenjangRuleBody, toJenjangBody(v));
      for (const key of ["koefisien", "akNextPangkat", "akNextJenjang"] as const) {
        if (errors[key] && v[key] === "") errors[key] = t("validation.required");
      }
      return errors;
    },
  });
  const close = () => {
    form.setValues(initial);
    form.clearErrors();
    onClose();
  };
  const values = form.getValues();

  return (
    <Modal opened={opened} onClose={close} title={t("akRules.addJenjangTitle")} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          create.mutate(toJenjangBody(v), {
            onSuccess: () => {
              notifySuccess(t("akRules.added"));
              close();
            },
            onError: (error) => handleApiError(error, form),
          }),
        )}
      >
        <Stack>
          <RuleNote />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t("akRules.jenjang")}
              data={jenjangOptions()}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              {...form.getInputProps("jenjang")}
              onChange={(value) => {
                form.setFieldValue("jenjang", value as Jenjang | null);
                // The top jenjang of each kategori has no next jenjang.
                if (value) form.setFieldValue("hasNextJenjang", JENJANG_INFO[value as Jenjang].next !== null);
              }}
            />
            <TextInput type="date" label={t("akRules.effectiveFrom")} {...form.getInputProps("effectiveFrom")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput
              label={t("akRules.koefisien")}
              description={t("akRules.koefisienHelp")}
              min={0}
              decimalScale={3}
              decimalSeparator={decimalSeparator()}
              {...form.getInputProps("koefisien")}
            />
            <NumberInput
              label={t("akRules.akNextPangkat")}
              min={0}
              decimalScale={3}
              decimalSeparator={decimalSeparator()}
              {...form.getInputProps("akNextPangkat")}
            />
            <NumberInput
              label={t("akRules.akNextJenjang")}
              min={0}
              decimalScale={3}
              decimalSeparator={decimalSeparator()}
              disabled={!values.hasNextJenjang}
              {...form.getInputProps("akNextJenjang")}
            />
          </SimpleGrid>
          <Switch label={t("akRules.hasNextJenjang")} {...form.getInputProps("hasNextJenjang", { type: "checkbox" })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface PredikatValues {
  predikat: Predikat | null;
  percent: number | string;
  effectiveFrom: string;
}

const toPredikatBody = (v: PredikatValues) => ({
  predikat: (v.predikat ?? "") as Predikat,
  percent: num(v.percent),
  effectiveFrom: v.effectiveFrom,
});

export function PredikatRuleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePredikatRule();
  const initial: PredikatValues = { predikat: null, percent: "", effectiveFrom: "" };
  const form = useForm<PredikatValues>({
    initialValues: initial,
    validate: (v) => {
      const errors = zodErrors(createPredikatRuleBody, toPredikatBody(v));
      if (errors.percent && v.percent === "") errors.percent = t("validation.required");
      return errors;
    },
  });
  const close = () => {
    form.setValues(initial);
    form.clearErrors();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t("akRules.addPredikatTitle")}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          create.mutate(toPredikatBody(v), {
            onSuccess: () => {
              notifySuccess(t("akRules.added"));
              close();
            },
            onError: (error) => handleApiError(error, form),
          }),
        )}
      >
        <Stack>
          <RuleNote />
          <Select
            label={t("akRules.predikat")}
            data={predikatOptions()}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps("predikat")}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t("akRules.percent")}
              description={t("akRules.percentHelp")}
              min={0}
              max={300}
              decimalScale={2}
              decimalSeparator={decimalSeparator()}
              suffix=" %"
              {...form.getInputProps("percent")}
            />
            <TextInput type="date" label={t("akRules.effectiveFrom")} {...form.getInputProps("effectiveFrom")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
