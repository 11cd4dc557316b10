/** Add / edit a hasil kerja type of the shared catalogue (system administrators). */
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Jenjang } from "../../../common/pranata-humas";
import { createHasilKerjaTypeBody, updateHasilKerjaTypeBody } from "../../../common/schemas/officers";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { jenjangOptions } from "../officers/labels";
import { type HasilKerjaType, HK_KATEGORI, useCreateHasilKerjaType, useUpdateHasilKerjaType } from "./catalogue-api";

export type HasilKerjaModalState = { mode: "create" } | { mode: "edit"; type: HasilKerjaType } | null;

interface Values {
  code: string;
  kategori: HasilKerjaType["kategori"];
  jenjang: Jenjang[];
  name: string;
  definition: string;
  examples: string;
  evidence: string;
  active: boolean;
}

const toValues = (type?: HasilKerjaType): Values => ({
  code: type?.code ?? "",
  kategori: type?.kategori ?? "semua",
  jenjang: type?.jenjang ?? [],
  name: type?.name ?? "",
  definition: type?.definition ?? "",
  examples: type?.examples ?? "",
  evidence: type?.evidence ?? "",
  active: type?.active ?? true,
});

const toBody = (v: Values) => ({
  kategori: v.kategori,
  jenjang: v.jenjang,
  name: v.name.trim(),
  definition: v.definition.trim(),
  examples: v.examples.trim(),
  evidence: v.evidence.trim(),
  active: v.active,
});

export function HasilKerjaModal({ state, onClose }: { state: HasilKerjaModalState; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={state !== null}
      onClose={onClose}
      size="lg"
      title={state?.mode === "edit" ? t("catalogue.editTitle") : t("catalogue.createTitle")}
    >
      {state && <HasilKerjaForm key={state.mode === "edit" ? state.type.id : "new"} state={state} onDone={onClose} />}
    </Modal>
  );
}

function HasilKerjaForm({ state, onDone }: { state: NonNullable<HasilKerjaModalState>; onDone: () => void }) {
  const { t } = useTranslation();
  const editing = state.mode === "edit" ? state.type : undefined;
  const create = useCreateHasilKerjaType();
  const update = useUpdateHasilKerjaType();
  const form = useForm<Values>({
    initialValues: toValues(editing),
    validate: (v) => {
      const errors = editing
        ? zodErrors(updateHasilKerjaTypeBody, toBody(v))
        : zodErrors(createHasilKerjaTypeBody, { ...toBody(v), code: v.code.trim().toUpperCase() });
      if (errors.code && v.code.trim()) errors.code = t("catalogue.codeFormat");
      return errors;
    },
  });

  const done = (message: string) => () => {
    notifySuccess(message);
    onDone();
  };
  const submit = (v: Values) => {
    if (editing) {
      update.mutate(
        { id: editing.id, body: toBody(v) },
        { onSuccess: done(t("catalogue.saved")), onError: (e) => handleApiError(e, form) },
      );
    } else {
      create.mutate(
        { ...toBody(v), code: v.code.trim().toUpperCase() },
        { onSuccess: done(t("catalogue.created")), onError: (e) => handleApiError(e, form) },
      );
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("catalogue.code")}
            description={t("catalogue.codeHelp")}
            disabled={!!editing}
            maxLength={32}
            data-autofocus
            {...form.getInputProps("code")}
          />
          <Select
            label={t("catalogue.kategori")}
            data={HK_KATEGORI.map((k) => ({ value: k, label: t(`kategori.${k}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("kategori")}
          />
        </SimpleGrid>
        <TextInput label={t("catalogue.name")} maxLength={300} {...form.getInputProps("name")} />
        <MultiSelect
          label={t("catalogue.jenjang")}
          description={t("catalogue.jenjangHelp")}
          data={jenjangOptions()}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("jenjang")}
        />
        <Textarea label={t("catalogue.definition")} autosize minRows={3} maxLength={4000} {...form.getInputProps("definition")} />
        <Textarea label={t("catalogue.examples")} autosize minRows={2} maxLength={4000} {...form.getInputProps("examples")} />
        <Textarea label={t("catalogue.evidence")} autosize minRows={2} maxLength={2000} {...form.getInputProps("evidence")} />
        <Switch label={t("catalogue.activeLabel")} {...form.getInputProps("active", { type: "checkbox" })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
