/**
 * Create or edit a press event. Times are typed in the zone of the event's organization
 * (WIB/WITA/WIT), whatever the browser's zone; the server checks that the end follows the start
 * and that the organizers and linked content are visible to the user, and names the wrong field.
 */
import { ActionIcon, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId, useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PRESS_EVENT_KINDS, type PressEventKind } from "../../../common/press-events-enums";
import type { TimeZoneCode } from "../../../common/roles";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { fromZonedInput, toZonedInput } from "../../lib/format-date";
import { useContentList, useOrganizationTimeZone } from "../content/content-api";
import { useOfficers } from "../officers/officers-api";
import { type PressEventView, useCreatePressEvent, useUpdatePressEvent } from "./press-events-api";
import { useRememberedChoices } from "./remembered-choices";

interface Values {
  organizationId: string | null;
  kind: PressEventKind;
  title: string;
  startsAt: string;
  endsAt: string;
  placeAddress: string;
  placeMapUrl: string;
  speakers: { key: string; name: string; position: string }[];
  description: string;
  contentItemIds: string[];
  organizerOfficerIds: string[];
}

const initial = (e: PressEventView | undefined, zone: TimeZoneCode): Values => ({
  organizationId: e?.organizationId ?? null,
  kind: e?.kind ?? "konferensi_pers",
  title: e?.title ?? "",
  startsAt: toZonedInput(e?.startsAt, zone),
  endsAt: toZonedInput(e?.endsAt, zone),
  placeAddress: e?.placeAddress ?? "",
  placeMapUrl: e?.placeMapUrl ?? "",
  speakers: e?.speakers.map((s) => ({ key: randomId(), ...s })) ?? [],
  description: e?.description ?? "",
  contentItemIds: e?.contentItems.map((c) => c.id) ?? [],
  organizerOfficerIds: e?.organizers.map((o) => o.id) ?? [],
});

export function PressEventFormModal({ opened, onClose, event }: { opened: boolean; onClose: () => void; event?: PressEventView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [orgId, setOrgId] = useState<string | null>(event?.organizationId ?? null);
  const zone = useOrganizationTimeZone(orgId) as TimeZoneCode;
  const form = useForm<Values>({ initialValues: initial(event, (event?.timeZone as TimeZoneCode) ?? "WIB") });
  const values = form.getValues();
  const create = useCreatePressEvent();
  const update = useUpdatePressEvent(event?.id ?? "");
  const [officerQuery, setOfficerQuery] = useState("");
  const [contentQuery, setContentQuery] = useState("");
  const [oq] = useDebouncedValue(officerQuery, 300);
  const [cq] = useDebouncedValue(contentQuery, 300);
  const officers = useOfficers({ q: oq || undefined, organizationId: orgId ?? undefined });
  const content = useContentList({ q: cq || undefined });
  const officerOptions = useRememberedChoices(
    (officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
    (event?.organizers ?? []).map((o) => ({ value: o.id, label: o.name })),
    values.organizerOfficerIds,
  );
  const contentOptions = useRememberedChoices(
    (content.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${t(`content.types.${c.type}`)})` })),
    (event?.contentItems ?? []).map((c) => ({ value: c.id, label: c.title })),
    values.contentItemIds,
  );

  const submit = form.onSubmit(async (v) => {
    const startsAt = fromZonedInput(v.startsAt, zone);
    const endsAt = fromZonedInput(v.endsAt, zone);
    if (!startsAt) return form.setFieldError("startsAt", t("validation.required"));
    if (!endsAt) return form.setFieldError("endsAt", t("validation.required"));
    const body = {
      kind: v.kind,
      title: v.title,
      startsAt,
      endsAt,
      placeAddress: v.placeAddress,
      placeMapUrl: v.placeMapUrl.trim() || null,
      speakers: v.speakers.filter((s) => s.name.trim()).map(({ name, position }) => ({ name, position })),
      description: v.description,
      contentItemIds: v.contentItemIds,
      organizerOfficerIds: v.organizerOfficerIds,
    };
    try {
      if (event) {
        await update.mutateAsync(body);
        notifySuccess(t("pressEvents.saved"));
        onClose();
      } else {
        if (!v.organizationId) return form.setFieldError("organizationId", t("validation.required"));
        const created = await create.mutateAsync({ ...body, organizationId: v.organizationId });
        notifySuccess(t("pressEvents.saved"));
        onClose();
        void navigate({ to: "/press-events/$eventId", params: { eventId: created.id } });
      }
    } catch (err) {
      handleApiError(err, form);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={event ? t("pressEvents.edit") : t("pressEvents.create")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!event && (
            <OrganizationSelect
              label={t("pressEvents.organization")}
              required
              {...form.getInputProps("organizationId")}
              onChange={(v) => {
                form.setFieldValue("organizationId", v);
                setOrgId(v);
              }}
            />
          )}
          <Select
            label={t("pressEvents.kind")}
            data={PRESS_EVENT_KINDS.map((k) => ({ value: k, label: t(`pressEvents.kinds.${k}`) }))}
            allowDeselect={false}
            required
            {...form.getInputProps("kind")}
          />
          <TextInput label={t("pressEvents.eventTitle")} required {...form.getInputProps("title")} />
          <Group grow gap="sm">
            <TextInput type="datetime-local" label={t("pressEvents.startsAt", { zone })} required {...form.getInputProps("startsAt")} />
            <TextInput type="datetime-local" label={t("pressEvents.endsAt", { zone })} required {...form.getInputProps("endsAt")} />
          </Group>
          <Textarea label={t("pressEvents.placeAddress")} required autosize minRows={2} {...form.getInputProps("placeAddress")} />
          <TextInput label={t("pressEvents.placeMapUrl")} placeholder="https://maps.google.com/…" {...form.getInputProps("placeMapUrl")} />
          <Text size="sm" fw={500}>
            {t("pressEvents.speakers")}
          </Text>
          {values.speakers.map((s, i) => (
            <Group key={s.key} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                aria-label={t("pressEvents.speakerName")}
                placeholder={t("pressEvents.speakerName")}
                style={{ flex: 1 }}
                {...form.getInputProps(`speakers.${i}.name`)}
              />
              <TextInput
                aria-label={t("pressEvents.speakerPosition")}
                placeholder={t("pressEvents.speakerPosition")}
                style={{ flex: 1 }}
                {...form.getInputProps(`speakers.${i}.position`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("pressEvents.remove")}
                onClick={() => form.removeListItem("speakers", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("speakers", { key: randomId(), name: "", position: "" })}
          >
            {t("pressEvents.addSpeaker")}
          </Button>
          <Textarea label={t("pressEvents.eventDescription")} autosize minRows={3} {...form.getInputProps("description")} />
          <MultiSelect
            label={t("pressEvents.contentItems")}
            description={t("pressEvents.contentItemsHint")}
            searchable
            data={contentOptions}
            searchValue={contentQuery}
            onSearchChange={setContentQuery}
            filter={({ options }) => options}
            {...form.getInputProps("contentItemIds")}
          />
          <MultiSelect
            label={t("pressEvents.organizers")}
            description={t("pressEvents.organizersHint")}
            searchable
            data={officerOptions}
            searchValue={officerQuery}
            onSearchChange={setOfficerQuery}
            filter={({ options }) => options}
            {...form.getInputProps("organizerOfficerIds")}
          />
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
