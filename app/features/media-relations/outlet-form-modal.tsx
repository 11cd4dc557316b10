/**
 * Create or edit an outlet. A 409 on create means a likely duplicate: the modal says so and
 * lets the user save anyway (confirmDuplicate) once they have checked it is another outlet.
 */
import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DEWAN_PERS_STATUSES, OUTLET_TYPES } from "../../../common/schemas/media-relations";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type OutletView, useCreateOutlet, useUpdateOutlet } from "./media-relations-api";
import { RegionPicker } from "./region-picker";

interface Values {
  organizationId: string | null;
  name: string;
  company: string;
  type: string;
  regionCode: string | null;
  address: string;
  website: string;
  socialAccounts: { key: string; platform: string; handle: string }[];
  dewanPersStatus: string;
  certificateNumber: string;
  certificateDate: string;
  certificateExpiresOn: string;
  reach: { key: string; metric: string; value: number | string; source: string; asOf: string }[];
}

const initial = (o?: OutletView): Values => ({
  organizationId: o?.organizationId ?? null,
  name: o?.name ?? "",
  company: o?.company ?? "",
  type: o?.type ?? "siber",
  regionCode: o?.regionCode ?? null,
  address: o?.address ?? "",
  website: o?.website ?? "",
  socialAccounts: (o?.socialAccounts ?? []).map((x) => ({ ...x, key: randomId() })),
  dewanPersStatus: o?.dewanPersStatus ?? "tidak_terdaftar",
  certificateNumber: o?.certificateNumber ?? "",
  certificateDate: o?.certificateDate ?? "",
  certificateExpiresOn: o?.certificateExpiresOn ?? "",
  reach: (o?.reach ?? []).map((x) => ({ ...x, key: randomId() })),
});

const orNull = (s: string) => s.trim() || null;

export function OutletFormModal({ opened, onClose, outlet }: { opened: boolean; onClose: () => void; outlet?: OutletView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<Values>({ initialValues: initial(outlet) });
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const create = useCreateOutlet();
  const update = useUpdateOutlet(outlet?.id ?? "");
  const values = form.getValues();

  const submit = form.onSubmit(async (v) => {
    const body = {
      name: v.name,
      company: orNull(v.company),
      type: v.type as (typeof OUTLET_TYPES)[number],
      regionCode: v.regionCode,
      address: orNull(v.address),
      website: orNull(v.website),
      socialAccounts: v.socialAccounts
        .filter((s) => s.platform.trim() && s.handle.trim())
        .map(({ platform, handle }) => ({ platform, handle })),
      dewanPersStatus: v.dewanPersStatus as (typeof DEWAN_PERS_STATUSES)[number],
      certificateNumber: orNull(v.certificateNumber),
      certificateDate: orNull(v.certificateDate),
      certificateExpiresOn: orNull(v.certificateExpiresOn),
      reach: v.reach.filter((r) => r.metric.trim()).map(({ key: _k, ...r }) => ({ ...r, value: Number(r.value) })),
    };
    try {
      if (outlet) {
        await update.mutateAsync(body);
        notifySuccess(t("mediaRelations.saved"));
        onClose();
      } else {
        if (!v.organizationId) return form.setFieldError("organizationId", t("validation.required"));
        const created = await create.mutateAsync({ ...body, organizationId: v.organizationId, confirmDuplicate: duplicate !== null });
        notifySuccess(t("mediaRelations.saved"));
        onClose();
        void navigate({ to: "/media-outlets/$outletId", params: { outletId: created.id } });
      }
    } catch (err) {
      if (isApiError(err) && err.code === "outlet_duplicate") setDuplicate(err.message);
      else handleApiError(err, form);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={outlet ? t("mediaRelations.editOutlet") : t("mediaRelations.addOutlet")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!outlet && <OrganizationSelect label={t("mediaRelations.organization")} required {...form.getInputProps("organizationId")} />}
          <TextInput label={t("mediaRelations.name")} required {...form.getInputProps("name")} />
          <TextInput label={t("mediaRelations.company")} {...form.getInputProps("company")} />
          <Select
            label={t("mediaRelations.type")}
            data={OUTLET_TYPES.map((v) => ({ value: v, label: t(`mediaRelations.types.${v}`) }))}
            allowDeselect={false}
            {...form.getInputProps("type")}
          />
          <RegionPicker value={values.regionCode} onChange={(code) => form.setFieldValue("regionCode", code)} />
          <TextInput label={t("mediaRelations.address")} {...form.getInputProps("address")} />
          <TextInput label={t("mediaRelations.website")} placeholder="https://" {...form.getInputProps("website")} />
          <Text size="sm" fw={500}>
            {t("mediaRelations.socialAccounts")}
          </Text>
          {values.socialAccounts.map((item, i) => (
            <Group key={item.key} gap="xs" align="flex-end">
              <TextInput
                aria-label={t("mediaRelations.platform")}
                placeholder={t("mediaRelations.platform")}
                {...form.getInputProps(`socialAccounts.${i}.platform`)}
              />
              <TextInput
                aria-label={t("mediaRelations.handle")}
                placeholder="@akun"
                style={{ flex: 1 }}
                {...form.getInputProps(`socialAccounts.${i}.handle`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("mediaRelations.remove")}
                onClick={() => form.removeListItem("socialAccounts", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("socialAccounts", { key: randomId(), platform: "", handle: "" })}
          >
            {t("mediaRelations.addSocial")}
          </Button>
          <Select
            label={t("mediaRelations.dewanPersStatus")}
            data={DEWAN_PERS_STATUSES.map((v) => ({ value: v, label: t(`mediaRelations.dewanPers.${v}`) }))}
            allowDeselect={false}
            {...form.getInputProps("dewanPersStatus")}
          />
          <Group grow gap="sm">
            <TextInput label={t("mediaRelations.certificateNumber")} {...form.getInputProps("certificateNumber")} />
            <TextInput type="date" label={t("mediaRelations.certificateDate")} {...form.getInputProps("certificateDate")} />
            <TextInput type="date" label={t("mediaRelations.certificateExpiresOn")} {...form.getInputProps("certificateExpiresOn")} />
          </Group>
          <Text size="sm" fw={500}>
            {t("mediaRelations.reach")}
          </Text>
          {values.reach.map((item, i) => (
            <Group key={item.key} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                aria-label={t("mediaRelations.metric")}
                placeholder={t("mediaRelations.metric")}
                {...form.getInputProps(`reach.${i}.metric`)}
              />
              <NumberInput aria-label={t("mediaRelations.value")} min={0} w={120} {...form.getInputProps(`reach.${i}.value`)} />
              <TextInput
                aria-label={t("mediaRelations.source")}
                placeholder={t("mediaRelations.source")}
                {...form.getInputProps(`reach.${i}.source`)}
              />
              <TextInput aria-label={t("mediaRelations.asOf")} type="date" {...form.getInputProps(`reach.${i}.asOf`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("mediaRelations.remove")}
                onClick={() => form.removeListItem("reach", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              form.insertListItem("reach", {
                key: randomId(),
                metric: "",
                value: 0,
                source: "",
                asOf: new Date().toISOString().slice(0, 10),
              })
            }
          >
            {t("mediaRelations.addReach")}
          </Button>
          {duplicate && (
            <Alert color="orange" title={t("mediaRelations.duplicateTitle")}>
              {duplicate}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {duplicate ? t("mediaRelations.saveAnyway") : t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
