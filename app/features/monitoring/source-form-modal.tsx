/** Add or edit a feed / sitemap source: address, kind, outlet link, schedule, on/off. */
import { Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FEED_SOURCE_KINDS, type FeedSourceKind } from "../../../common/monitoring-source-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { OutletSelect } from "../media-relations/outlet-select";
import { type SourceView, useCreateSource, useUpdateSource } from "./sources-api";

interface Values {
  organizationId: string | null;
  kind: FeedSourceKind;
  name: string;
  url: string;
  outletId: string | null;
  scheduleMinutes: number | string;
  enabled: boolean;
}

export function SourceFormModal({ opened, onClose, source }: { opened: boolean; onClose: () => void; source?: SourceView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: {
      organizationId: source?.organizationId ?? null,
      kind: (source?.kind as FeedSourceKind) ?? "rss",
      name: source?.name ?? "",
      url: source?.url ?? "",
      outletId: source?.outletId ?? null,
      scheduleMinutes: source?.scheduleMinutes ?? 30,
      enabled: source?.enabled ?? true,
    },
    validate: {
      name: (v) => (v.trim().length < 2 ? t("validation.tooShort", { min: 2 }) : null),
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : t("validation.url")),
      scheduleMinutes: (v) => (Number(v) >= 5 && Number(v) <= 1440 ? null : t("monitoringSources.scheduleRange")),
    },
  });
  const create = useCreateSource();
  const update = useUpdateSource(source?.id ?? "");

  const submit = form.onSubmit(async (v) => {
    const body = {
      kind: v.kind,
      name: v.name.trim(),
      url: v.url.trim(),
      outletId: v.outletId,
      scheduleMinutes: Number(v.scheduleMinutes),
      enabled: v.enabled,
    };
    try {
      if (source) {
        await update.mutateAsync(body);
        notifySuccess(t("monitoringSources.saved"));
        onClose();
      } else {
        if (!v.organizationId) return form.setFieldError("organizationId", t("validation.required"));
        const created = await create.mutateAsync({ ...body, organizationId: v.organizationId });
        notifySuccess(t("monitoringSources.saved"));
        onClose();
        void navigate({ to: "/monitoring/sources/$sourceId", params: { sourceId: created.id } });
      }
    } catch (err) {
      handleApiError(err, form);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={source ? t("monitoringSources.edit") : t("monitoringSources.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!source && <OrganizationSelect label={t("monitoringSources.organization")} required {...form.getInputProps("organizationId")} />}
          <Select
            label={t("monitoringSources.kind")}
            data={FEED_SOURCE_KINDS.map((v) => ({ value: v, label: t(`monitoringSources.kinds.${v}`) }))}
            allowDeselect={false}
            {...form.getInputProps("kind")}
          />
          <TextInput label={t("monitoringSources.name")} required {...form.getInputProps("name")} />
          <TextInput
            label={t("monitoringSources.url")}
            description={t("monitoringSources.urlHint")}
            placeholder="https://"
            required
            {...form.getInputProps("url")}
          />
          <OutletSelect
            label={t("monitoringSources.outlet")}
            description={t("monitoringSources.outletHint")}
            {...form.getInputProps("outletId")}
          />
          <NumberInput
            label={t("monitoringSources.schedule")}
            description={t("monitoringSources.scheduleHint")}
            min={5}
            max={1440}
            {...form.getInputProps("scheduleMinutes")}
          />
          <Switch label={t("monitoringSources.enabled")} {...form.getInputProps("enabled", { type: "checkbox" })} />
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
