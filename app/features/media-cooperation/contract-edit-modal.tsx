/**
 * Corrects a contract's typed data (number, title, budget line, value, quota, period) while it is
 * active. Only changed fields are sent (contract-edit-values.ts); the server's
 * refusals (a number in use, a quota below what is delivered, a value off the terms) land on
 * the field.
 */
import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type ContractEditValues, changedFields, editValues } from "./contract-edit-values";
import { PeriodAndBudgetFields, RUPIAH_INPUT } from "./contract-fields";
import { type ContractView, rupiah, useUpdateContract } from "./media-cooperation-api";

export function ContractEditModal({ contract: c, onClose }: { contract: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ContractEditValues>({ initialValues: editValues(c) });
  const update = useUpdateContract(c.id);
  const termSum = c.terms.reduce((s, term) => s + term.amountRupiah, 0);

  const submit = form.onSubmit(async (v) => {
    const body = changedFields(c, v);
    if (!Object.keys(body).length) return onClose();
    try {
      await update.mutateAsync(body);
      notifySuccess(t("mediaCooperation.edited"));
      onClose();
    } catch (err) {
      handleApiError(err, form);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t("mediaCooperation.editTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t("mediaCooperation.number")} required {...form.getInputProps("number")} />
          <TextInput label={t("mediaCooperation.contractTitle")} required {...form.getInputProps("title")} />
          <Group grow align="flex-start">
            <NumberInput
              label={t("mediaCooperation.value")}
              description={c.terms.length ? t("mediaCooperation.valueFollowsTerms", { sum: rupiah(termSum) }) : undefined}
              // Payment terms are not edited here and must sum to the value: with terms it cannot change.
              disabled={c.terms.length > 0}
              {...RUPIAH_INPUT}
              required
              {...form.getInputProps("valueRupiah")}
            />
            <NumberInput
              label={t("mediaCooperation.quota")}
              description={c.delivered ? t("mediaCooperation.quotaAtLeast", { delivered: c.delivered }) : undefined}
              min={1}
              allowDecimal={false}
              required
              {...form.getInputProps("quota")}
            />
          </Group>
          <PeriodAndBudgetFields inputProps={(f) => form.getInputProps(f)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
