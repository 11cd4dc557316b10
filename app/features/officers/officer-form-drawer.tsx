/** Create / edit a Pranata Humas record in a drawer; the NIP gives live feedback as it is typed. */
import { Button, Divider, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { parseNip } from "../../../common/nip";
import { GOLONGAN, type Golongan, golonganFits, JENJANG_INFO, type Jenjang } from "../../../common/pranata-humas";
import { createOfficerBody, updateOfficerBody } from "../../../common/schemas/officers";
import { OrganizationSelect } from "../../components/organization-select";
import { UserSelect } from "../../components/user-select";
import i18n from "../../i18n";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { hasAbility, useSession } from "../auth/session";
import { jenjangOptions } from "./labels";
import { NipField } from "./nip-field";
import { emptyOfficerValues, type OfficerFormValues, officerToValues, toCreateBody, toUpdateBody } from "./officer-form-values";
import { OfficerSelect } from "./officer-select";
import { type OfficerView, useCreateOfficer, useUpdateOfficer } from "./officers-api";

export type OfficerDrawerState = { mode: "create"; organizationId: string | null } | { mode: "edit"; officer: OfficerView } | null;

export function OfficerFormDrawer({ state, onClose }: { state: OfficerDrawerState; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={state !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={state?.mode === "edit" ? t("officers.editTitle") : t("officers.createTitle")}
    >
      {/* Keyed so each opening starts from fresh values. */}
      {state && <OfficerForm key={state.mode === "edit" ? state.officer.id : "new"} state={state} onDone={onClose} />}
    </Drawer>
  );
}

function OfficerForm({ state, onDone }: { state: NonNullable<OfficerDrawerState>; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const editing = state.mode === "edit" ? state.officer : null;
  const initial = useMemo(
    () => (editing ? officerToValues(editing) : emptyOfficerValues(state.mode === "create" ? state.organizationId : null)),
    [editing, state],
  );
  const create = useCreateOfficer();
  const update = useUpdateOfficer(editing?.id ?? "");

  const form = useForm<OfficerFormValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = editing
        ? zodErrors(updateOfficerBody, toUpdateBody(values, initial))
        : zodErrors(createOfficerBody, toCreateBody(values));
      if (!editing) {
        const nip = parseNip(values.nip);
        if (!nip.ok) errors.nip = t(`officers.nipProblem.${nip.problem}`, { count: values.nip.replace(/\s+/g, "").length });
      }
      for (const key of ["name", "organizationId", "jenjang", "golongan", "tmtJabatan", "tmtPangkat"] as const) {
        if (!values[key]) errors[key] = t("validation.required");
      }
      if (values.jenjang && values.golongan && !golonganFits(values.jenjang, values.golongan))
        errors.golongan = t("officers.golonganRange");
      return errors;
    },
  });
  const values = form.getValues();
  const golonganOptions = GOLONGAN.filter((g) => !values.jenjang || golonganFits(values.jenjang, g));
  const range = values.jenjang ? JENJANG_INFO[values.jenjang].golongan : null;

  const submit = (v: OfficerFormValues) => {
    if (editing) {
      update.mutate(toUpdateBody(v, initial), {
        onSuccess: () => {
          notifySuccess(t("officers.saved"));
          onDone();
        },
        onError: (error) => handleApiError(error, form),
      });
    } else {
      create.mutate(toCreateBody(v), {
        onSuccess: (officer) => {
          notifySuccess(t("officers.created"));
          onDone();
          void navigate({ to: "/officers/$officerId", params: { officerId: officer.id } });
        },
        onError: (error) => handleApiError(error, form),
      });
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <NipField
          label={t("officers.nip")}
          data-autofocus={editing ? undefined : true}
          disabled={!!editing}
          value={values.nip}
          onChange={(nip) => form.setFieldValue("nip", nip)}
          error={form.errors.nip}
        />
        <TextInput
          label={t("officers.name")}
          description={t("officers.nameHelp")}
          placeholder={t("officers.namePlaceholder")}
          autoComplete="off"
          {...form.getInputProps("name")}
        />
        <OrganizationSelect label={t("officers.organization")} clearable={false} {...form.getInputProps("organizationId")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t("officers.jenjang")}
            data={jenjangOptions()}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("jenjang")}
            onChange={(value) => {
              const jenjang = value as Jenjang | null;
              form.setFieldValue("jenjang", jenjang);
              // A golongan outside the new jenjang's range is cleared rather than silently kept.
              if (jenjang && values.golongan && !golonganFits(jenjang, values.golongan)) form.setFieldValue("golongan", null);
            }}
          />
          <Select
            label={t("officers.golongan")}
            description={range ? t("officers.golonganHelp", { from: range[0], to: range[1] }) : t("officers.golonganPickJenjang")}
            data={golonganOptions}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("golongan")}
            onChange={(value) => form.setFieldValue("golongan", value as Golongan | null)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput type="date" label={t("officers.tmtJabatan")} {...form.getInputProps("tmtJabatan")} />
          <TextInput type="date" label={t("officers.tmtPangkat")} {...form.getInputProps("tmtPangkat")} />
        </SimpleGrid>
        <NumberInput
          label={t("officers.akAwal")}
          description={t("officers.akAwalHelp")}
          min={0}
          max={10_000}
          decimalScale={3}
          decimalSeparator={i18n.language === "en" ? "." : ","}
          allowNegative={false}
          {...form.getInputProps("akAwal")}
        />
        <Divider label={t("officers.relations")} labelPosition="left" />
        <OfficerSelect
          label={t("officers.supervisor")}
          placeholder={t("officers.supervisorPlaceholder")}
          excludeId={editing?.id}
          selectedLabel={editing?.supervisorName}
          {...form.getInputProps("supervisorId")}
        />
        {hasAbility(session, "users.read") && (
          <UserSelect
            label={t("officers.account")}
            description={t("officers.accountHelp")}
            placeholder={t("officers.accountPlaceholder")}
            selectedLabel={editing?.userName}
            {...form.getInputProps("userId")}
          />
        )}
        <Divider label={t("officers.contact")} labelPosition="left" />
        <TextInput label={t("officers.education")} placeholder={t("officers.educationPlaceholder")} {...form.getInputProps("education")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t("officers.email")} type="email" {...form.getInputProps("email")} />
          <TextInput label={t("officers.phone")} type="tel" {...form.getInputProps("phone")} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
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
