/** Create or edit a contact list, with the live count of who would receive a release. */
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactListKind } from "../../../common/distribution-enums";
import { DEWAN_PERS_STATUSES, JOURNALIST_ROLES, OUTLET_TYPES, UKW_LEVELS } from "../../../common/media-relations-enums";
import { api } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import {
  type ContactListFilters,
  type ContactListView,
  type ListDraft,
  useCreateList,
  useListCount,
  useUpdateList,
} from "./distribution-api";

interface JournalistChoice {
  id: string;
  name: string;
  email: string | null;
}

/** Journalists for the static list picker: the first 100 matching the search, plus those chosen. */
function JournalistPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = useQuery({
    queryKey: ["distribution", "journalistChoices", debounced],
    queryFn: () => api<{ items: JournalistChoice[] }>("/journalists", { query: { q: debounced || undefined, pageSize: 100 } }),
    placeholderData: keepPreviousData,
  });
  const label = (j: JournalistChoice) => `${j.name}${j.email ? ` (${j.email})` : ""}`;
  const options = (found.data?.items ?? []).map((j) => ({ value: j.id, label: label(j) }));
  for (const id of value)
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: known[id] ?? t("distribution.lists.member") });
  return (
    <MultiSelect
      label={t("distribution.lists.members")}
      placeholder={t("distribution.lists.membersPlaceholder")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={(ids) => {
        const labels = { ...known };
        for (const o of options) labels[o.value] = o.label;
        setKnown(labels);
        onChange(ids);
      }}
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function FilterFields({ value, onChange }: { value: ContactListFilters; onChange: (f: ContactListFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<ContactListFilters>) =>
    onChange(Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v)));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t("mediaRelations.beat")}
        value={value.beat ?? ""}
        onChange={(e) => set({ beat: e.currentTarget.value || undefined })}
      />
      <TextInput
        label={t("distribution.lists.regionCode")}
        description={t("distribution.lists.regionHint")}
        value={value.regionCode ?? ""}
        onChange={(e) => set({ regionCode: e.currentTarget.value.trim() || undefined })}
      />
      <Select
        label={t("distribution.lists.outletType")}
        data={OUTLET_TYPES.map((v) => ({ value: v, label: t(`mediaRelations.types.${v}`) }))}
        clearable
        placeholder={t("common.all")}
        value={value.outletType ?? null}
        onChange={(v) => set({ outletType: (v as ContactListFilters["outletType"]) ?? undefined })}
      />
      <Select
        label={t("distribution.lists.dewanPers")}
        data={DEWAN_PERS_STATUSES.map((v) => ({ value: v, label: t(`mediaRelations.dewanPers.${v}`) }))}
        clearable
        placeholder={t("common.all")}
        value={value.dewanPersStatus ?? null}
        onChange={(v) => set({ dewanPersStatus: (v as ContactListFilters["dewanPersStatus"]) ?? undefined })}
      />
      <Select
        label={t("mediaRelations.ukwLevel")}
        data={UKW_LEVELS.map((v) => ({ value: v, label: t(`mediaRelations.ukw.${v}`) }))}
        clearable
        placeholder={t("common.all")}
        value={value.ukwLevel ?? null}
        onChange={(v) => set({ ukwLevel: (v as ContactListFilters["ukwLevel"]) ?? undefined })}
      />
      <Select
        label={t("mediaRelations.role")}
        data={JOURNALIST_ROLES.map((v) => ({ value: v, label: t(`mediaRelations.roles.${v}`) }))}
        clearable
        placeholder={t("common.all")}
        value={value.role ?? null}
        onChange={(v) => set({ role: (v as ContactListFilters["role"]) ?? undefined })}
      />
    </SimpleGrid>
  );
}

export function ContactListFormModal({ list, onClose }: { list: ContactListView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(list?.name ?? "");
  const [description, setDescription] = useState(list?.description ?? "");
  const [organizationId, setOrganizationId] = useState<string | null>(list?.organizationId ?? null);
  const [kind, setKind] = useState<ContactListKind>((list?.kind as ContactListKind) ?? "static");
  const [filters, setFilters] = useState<ContactListFilters>(list?.filters ?? {});
  const [members, setMembers] = useState<string[]>(list?.journalistIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const draft: ListDraft | null = organizationId
    ? { organizationId, kind, ...(kind === "dynamic" ? { filters } : { journalistIds: members }) }
    : null;
  const [debouncedDraft] = useDebouncedValue(draft, 300);
  const count = useListCount(debouncedDraft);
  const create = useCreateList();
  const update = useUpdateList(list?.id ?? "");
  const busy = create.isPending || update.isPending;

  const submit = () => {
    if (name.trim().length < 2) return setErrors({ name: t("distribution.lists.nameRequired") });
    if (!organizationId) return setErrors({ organizationId: t("distribution.lists.orgRequired") });
    const form = { setErrors };
    const done = () => {
      notifySuccess(t("distribution.lists.saved"));
      onClose();
    };
    if (list) {
      update.mutate(
        { name: name.trim(), description: description.trim(), ...(kind === "dynamic" ? { filters } : { journalistIds: members }) },
        { onSuccess: done, onError: (e) => handleApiError(e, form) },
      );
    } else {
      create.mutate(
        { ...(draft as ListDraft), name: name.trim(), description: description.trim() || undefined },
        { onSuccess: done, onError: (e) => handleApiError(e, form) },
      );
    }
  };

  return (
    <Modal opened onClose={onClose} title={list ? t("distribution.lists.edit") : t("distribution.lists.add")} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t("distribution.lists.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t("distribution.lists.descriptionLabel")}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {!list && (
          <OrganizationSelect
            label={t("distribution.lists.organization")}
            value={organizationId}
            onChange={setOrganizationId}
            error={errors.organizationId}
          />
        )}
        {!list && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as ContactListKind)}
            data={[
              { value: "static", label: t("distribution.kinds.static") },
              { value: "dynamic", label: t("distribution.kinds.dynamic") },
            ]}
          />
        )}
        <Text size="sm" c="dimmed">
          {t(`distribution.kindHelp.${kind}`)}
        </Text>
        {kind === "static" ? (
          <JournalistPicker value={members} onChange={setMembers} />
        ) : (
          <FilterFields value={filters} onChange={setFilters} />
        )}
        {errors.journalistIds && (
          <Text c="red" size="sm">
            {errors.journalistIds}
          </Text>
        )}
        <Alert variant="light" color={count.data && count.data.eligible > 0 ? "teal" : "yellow"} aria-live="polite">
          {!organizationId
            ? t("distribution.lists.chooseOrgFirst")
            : count.isLoading
              ? t("common.loading")
              : t("distribution.lists.countPreview", { eligible: count.data?.eligible ?? 0, matched: count.data?.matched ?? 0 })}
          {count.data && count.data.sample.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {count.data.sample.map((s) => s.name).join(", ")}
              {count.data.eligible > count.data.sample.length ? ", …" : ""}
            </Text>
          )}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={busy}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
