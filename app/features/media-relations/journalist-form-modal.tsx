/**
 * Create or edit a journalist: memberships, beats, UKW, contacts and the consent record that
 * allows holding the contacts (UU PDP). The server normalizes phones to +62… and names the
 * field it cannot read; a 409 names the journalist who already has the email or phone.
 */
import { ActionIcon, Button, Group, Modal, Select, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { JOURNALIST_ROLES, UKW_LEVELS } from "../../../common/schemas/media-relations";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type JournalistView, useCreateJournalist, useUpdateJournalist } from "./media-relations-api";
import { OutletSelect } from "./outlet-select";
import { RegionPicker } from "./region-picker";

type Role = (typeof JOURNALIST_ROLES)[number];
interface Values {
  organizationId: string | null;
  name: string;
  memberships: { key: string; outletId: string | null; role: Role }[];
  beats: string[];
  regionCode: string | null;
  ukwLevel: string | null;
  ukwCertificateNumber: string;
  ukwCertificateDate: string;
  email: string;
  phone: string;
  whatsapp: string;
  consentPurpose: string;
  consentBasis: string;
  consentedAt: string;
  consentSource: string;
  notes: string;
}

const initial = (j?: JournalistView): Values => ({
  organizationId: j?.organizationId ?? null,
  name: j?.name ?? "",
  memberships: j?.memberships.map((m) => ({ key: randomId(), outletId: m.outletId, role: m.role })) ?? [],
  beats: j?.beats ?? [],
  regionCode: j?.regionCode ?? null,
  ukwLevel: j?.ukwLevel ?? null,
  ukwCertificateNumber: j?.ukwCertificateNumber ?? "",
  ukwCertificateDate: j?.ukwCertificateDate ?? "",
  email: j?.email ?? "",
  phone: j?.phone ?? "",
  whatsapp: j?.whatsapp ?? "",
  consentPurpose: j?.consent?.purpose ?? "",
  consentBasis: j?.consent?.basis ?? "persetujuan",
  consentedAt: j?.consent?.consentedAt.slice(0, 10) ?? "",
  consentSource: j?.consent?.source ?? "",
  notes: j?.notes ?? "",
});

const orNull = (s: string) => s.trim() || null;

export function JournalistFormModal({
  opened,
  onClose,
  journalist,
}: {
  opened: boolean;
  onClose: () => void;
  journalist?: JournalistView;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<Values>({ initialValues: initial(journalist) });
  const create = useCreateJournalist();
  const update = useUpdateJournalist(journalist?.id ?? "");
  const values = form.getValues();

  const submit = form.onSubmit(async (v) => {
    const consent = v.consentPurpose.trim()
      ? { purpose: v.consentPurpose, basis: v.consentBasis, consentedAt: v.consentedAt, source: v.consentSource }
      : null;
    const body = {
      name: v.name,
      memberships: v.memberships.filter((m) => m.outletId).map((m) => ({ outletId: m.outletId as string, role: m.role })),
      beats: v.beats,
      regionCode: v.regionCode,
      ukwLevel: v.ukwLevel as (typeof UKW_LEVELS)[number] | null,
      ukwCertificateNumber: orNull(v.ukwCertificateNumber),
      ukwCertificateDate: orNull(v.ukwCertificateDate),
      email: orNull(v.email),
      phone: orNull(v.phone),
      whatsapp: orNull(v.whatsapp),
      consent,
      notes: orNull(v.notes),
    };
    try {
      if (journalist) {
        await update.mutateAsync(body);
        notifySuccess(t("mediaRelations.saved"));
        onClose();
      } else {
        if (!v.organizationId) return form.setFieldError("organizationId", t("validation.required"));
        const created = await create.mutateAsync({ ...body, organizationId: v.organizationId });
        notifySuccess(t("mediaRelations.saved"));
        onClose();
        void navigate({ to: "/journalists/$journalistId", params: { journalistId: created.id } });
      }
    } catch (err) {
      handleApiError(err, form);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={journalist ? t("mediaRelations.editJournalist") : t("mediaRelations.addJournalist")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!journalist && (
            <OrganizationSelect label={t("mediaRelations.organization")} required {...form.getInputProps("organizationId")} />
          )}
          <TextInput label={t("mediaRelations.journalistName")} required {...form.getInputProps("name")} />
          <Text size="sm" fw={500}>
            {t("mediaRelations.memberships")}
          </Text>
          {values.memberships.map((item, i) => (
            <Group key={item.key} gap="xs" align="flex-end" wrap="nowrap">
              <OutletSelect
                aria-label={t("mediaRelations.outlet")}
                style={{ flex: 1 }}
                {...form.getInputProps(`memberships.${i}.outletId`)}
              />
              <Select
                aria-label={t("mediaRelations.role")}
                data={JOURNALIST_ROLES.map((r) => ({ value: r, label: t(`mediaRelations.roles.${r}`) }))}
                allowDeselect={false}
                w={180}
                {...form.getInputProps(`memberships.${i}.role`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("mediaRelations.remove")}
                onClick={() => form.removeListItem("memberships", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("memberships", { key: randomId(), outletId: null, role: "reporter" })}
          >
            {t("mediaRelations.addMembership")}
          </Button>
          <TagsInput label={t("mediaRelations.beats")} {...form.getInputProps("beats")} />
          <RegionPicker value={values.regionCode} onChange={(code) => form.setFieldValue("regionCode", code)} />
          <Group grow gap="sm">
            <Select
              label={t("mediaRelations.ukwLevel")}
              data={UKW_LEVELS.map((v) => ({ value: v, label: t(`mediaRelations.ukw.${v}`) }))}
              clearable
              {...form.getInputProps("ukwLevel")}
            />
            <TextInput label={t("mediaRelations.ukwCertificateNumber")} {...form.getInputProps("ukwCertificateNumber")} />
            <TextInput type="date" label={t("mediaRelations.ukwCertificateDate")} {...form.getInputProps("ukwCertificateDate")} />
          </Group>
          <Group grow gap="sm">
            <TextInput type="email" label={t("mediaRelations.email")} {...form.getInputProps("email")} />
            <TextInput label={t("mediaRelations.phone")} placeholder="08…" {...form.getInputProps("phone")} />
            <TextInput label={t("mediaRelations.whatsapp")} placeholder="08…" {...form.getInputProps("whatsapp")} />
          </Group>
          <Text size="sm" fw={500}>
            {t("mediaRelations.consent")}
          </Text>
          <TextInput
            label={t("mediaRelations.consentPurpose")}
            {...form.getInputProps("consentPurpose")}
            error={form.errors["consent.purpose"]}
          />
          <Group grow gap="sm">
            <TextInput
              label={t("mediaRelations.consentBasis")}
              {...form.getInputProps("consentBasis")}
              error={form.errors["consent.basis"]}
            />
            <TextInput
              type="date"
              label={t("mediaRelations.consentedAt")}
              {...form.getInputProps("consentedAt")}
              error={form.errors["consent.consentedAt"]}
            />
            <TextInput
              label={t("mediaRelations.consentSource")}
              {...form.getInputProps("consentSource")}
              error={form.errors["consent.source"]}
            />
          </Group>
          <Textarea label={t("mediaRelations.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
