/**
 * New contract. The eligibility check runs live as the outlet and journalists are chosen; when
 * it fails, only a user the server allows to override sees the reason field (≥ 20 characters).
 */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconArrowLeft, IconPlus, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { OVERRIDE_REASON_MIN } from "../../../common/media-cooperation-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useOutletJournalists } from "../media-relations/media-relations-api";
import { OutletSelect } from "../media-relations/outlet-select";
import { PeriodAndBudgetFields, RUPIAH_INPUT } from "./contract-fields";
import { EligibilityPanel } from "./eligibility-panel";
import { currentYear, rupiah, useCooperationSettings, useCreateContract, useEligibilityPreview } from "./media-cooperation-api";

interface Values {
  organizationId: string | null;
  outletId: string | null;
  journalistIds: string[];
  fiscalYear: number;
  number: string;
  formCode: string | null;
  title: string;
  valueRupiah: number | string;
  quota: number | string;
  periodStart: string;
  periodEnd: string;
  budgetLine: string;
  terms: { key: string; amountRupiah: number | string; dueOn: string }[];
  overrideReason: string;
}

export function ContractNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const year = currentYear();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      organizationId: null,
      outletId: null,
      journalistIds: [],
      fiscalYear: year,
      number: "",
      formCode: null,
      title: "",
      valueRupiah: "",
      quota: 1,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      budgetLine: "",
      terms: [],
      overrideReason: "",
    },
  });
  const v = form.values;
  const settings = useCooperationSettings(v.organizationId);
  const staff = useOutletJournalists(v.outletId);
  const check = useEligibilityPreview({ organizationId: v.organizationId, outletId: v.outletId, journalistIds: v.journalistIds });
  const create = useCreateContract();
  const failing = check.data && !check.data.passed;
  const termSum = v.terms.reduce((s, x) => s + (Number(x.amountRupiah) || 0), 0);

  const submit = form.onSubmit(async (x) => {
    if (!x.organizationId) return form.setFieldError("organizationId", t("validation.required"));
    if (!x.outletId) return form.setFieldError("outletId", t("validation.required"));
    if (!x.formCode) return form.setFieldError("formCode", t("validation.required"));
    try {
      const created = await create.mutateAsync({
        organizationId: x.organizationId,
        outletId: x.outletId,
        journalistIds: x.journalistIds,
        fiscalYear: Number(x.fiscalYear),
        number: x.number,
        formCode: x.formCode,
        title: x.title,
        valueRupiah: Number(x.valueRupiah),
        quota: Number(x.quota),
        periodStart: x.periodStart,
        periodEnd: x.periodEnd,
        budgetLine: x.budgetLine,
        terms: x.terms.map((term) => ({ amountRupiah: Number(term.amountRupiah), dueOn: term.dueOn })),
        overrideReason: failing && x.overrideReason.trim() ? x.overrideReason.trim() : undefined,
      });
      notifySuccess(t("mediaCooperation.created"));
      void navigate({ to: "/media-contracts/$contractId", params: { contractId: created.id } });
    } catch (err) {
      handleApiError(err, form);
    }
  });

  return (
    <>
      <PageHeader
        title={t("mediaCooperation.newContract")}
        description={t("mediaCooperation.newContractDescription")}
        actions={
          <Button variant="default" component={Link} to="/media-contracts" leftSection={<IconArrowLeft size={16} />}>
            {t("mediaCooperation.title")}
          </Button>
        }
      />
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack>
            <OrganizationSelect label={t("mediaCooperation.organization")} required {...form.getInputProps("organizationId")} />
            <OutletSelect
              label={t("mediaCooperation.outlet")}
              required
              {...form.getInputProps("outletId")}
              onChange={(id) => {
                form.setFieldValue("outletId", id);
                form.setFieldValue("journalistIds", []);
              }}
            />
            <MultiSelect
              label={t("mediaCooperation.journalists")}
              description={t("mediaCooperation.journalistsHint")}
              data={(staff.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
              disabled={!v.outletId}
              searchable
              {...form.getInputProps("journalistIds")}
            />
            <Group grow>
              <NumberInput label={t("mediaCooperation.fiscalYear")} min={2000} max={2100} required {...form.getInputProps("fiscalYear")} />
              <TextInput label={t("mediaCooperation.number")} required {...form.getInputProps("number")} />
            </Group>
            <Select
              label={t("mediaCooperation.form")}
              required
              data={(settings.data?.forms ?? [])
                .filter((f) => f.active)
                .map((f) => ({ value: f.code, label: `${f.label} (${t(`mediaCooperation.categories.${f.category}`)})` }))}
              disabled={!v.organizationId}
              {...form.getInputProps("formCode")}
            />
            <TextInput label={t("mediaCooperation.contractTitle")} required {...form.getInputProps("title")} />
            <Group grow>
              <NumberInput label={t("mediaCooperation.value")} {...RUPIAH_INPUT} required {...form.getInputProps("valueRupiah")} />
              <NumberInput label={t("mediaCooperation.quota")} min={1} allowDecimal={false} required {...form.getInputProps("quota")} />
            </Group>
            <PeriodAndBudgetFields inputProps={(f) => form.getInputProps(f)} />
          </Stack>
          <Stack>
            <EligibilityPanel
              check={check.data ?? null}
              loading={check.isFetching}
              error={check.error}
              empty={!v.organizationId || !v.outletId}
            />
            {failing && check.data?.canOverride && (
              <Textarea
                label={t("mediaCooperation.overrideReason")}
                description={t("mediaCooperation.overrideReasonHint", { min: OVERRIDE_REASON_MIN })}
                autosize
                minRows={3}
                {...form.getInputProps("overrideReason")}
              />
            )}
            {failing && check.data && !check.data.canOverride && (
              <Text size="sm" c="red">
                {t("mediaCooperation.cannotOverride")}
              </Text>
            )}
            <Card withBorder padding="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t("mediaCooperation.terms")}</Text>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem("terms", { key: randomId(), amountRupiah: "", dueOn: "" })}
                >
                  {t("mediaCooperation.addTerm")}
                </Button>
              </Group>
              {v.terms.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t("mediaCooperation.noTermsHint")}
                </Text>
              )}
              <Stack gap="xs">
                {v.terms.map((term, i) => (
                  <Group key={term.key} align="flex-end" wrap="nowrap">
                    <NumberInput
                      label={t("mediaCooperation.termAmount", { n: i + 1 })}
                      min={1}
                      thousandSeparator="."
                      decimalSeparator=","
                      prefix="Rp"
                      allowDecimal={false}
                      {...form.getInputProps(`terms.${i}.amountRupiah`)}
                    />
                    <TextInput type="date" label={t("mediaCooperation.dueOn")} {...form.getInputProps(`terms.${i}.dueOn`)} />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mb={4}
                      aria-label={t("mediaCooperation.removeTerm")}
                      onClick={() => form.removeListItem("terms", i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
              {form.errors.terms && (
                <Text size="sm" c="red" mt="xs">
                  {form.errors.terms}
                </Text>
              )}
              {v.terms.length > 0 && (
                <Text size="sm" c={termSum === Number(v.valueRupiah) ? "dimmed" : "orange"} mt="xs">
                  {t("mediaCooperation.termSum", { sum: rupiah(termSum), value: rupiah(Number(v.valueRupiah) || 0) })}
                </Text>
              )}
            </Card>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} disabled={failing && !check.data?.canOverride}>
                {t("mediaCooperation.create")}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </form>
    </>
  );
}
