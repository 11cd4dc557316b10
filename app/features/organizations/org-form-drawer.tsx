/** Create / edit an organization in a drawer. Editing may also move it (parent Select). */
import { Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_KINDS } from "../../../common/roles";
import { createOrganizationBody, updateOrganizationBody } from "../../../common/schemas/organizations";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import { LogoField } from "./logo-field";
import { emptyOrgValues, isRegional, type OrgFormValues, orgToValues, toCreateBody, toUpdateBody } from "./org-form-values";
import { type OrganizationView, useCreateOrganization, useUpdateOrganization } from "./organizations-api";
import { RegionFields } from "./region-fields";
import { subtreeIds } from "./tree-utils";

export type OrgDrawerState = { mode: "create"; parentId: string | null } | { mode: "edit"; org: OrganizationView } | null;

interface Props {
  state: OrgDrawerState;
  allItems: OrganizationView[];
  onClose: () => void;
  onLogoChanged: () => void;
}

export function OrgFormDrawer({ state, allItems, onClose, onLogoChanged }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={state !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={state?.mode === "edit" ? t("organizations.editTitle") : t("organizations.createTitle")}
    >
      {/* Keyed so each opening starts from fresh values. */}
      {state && (
        <OrgForm
          key={state.mode === "edit" ? state.org.id : `new-${state.parentId}`}
          state={state}
          allItems={allItems}
          onDone={onClose}
          onLogoChanged={onLogoChanged}
        />
      )}
    </Drawer>
  );
}

function OrgForm({
  state,
  allItems,
  onDone,
  onLogoChanged,
}: {
  state: NonNullable<OrgDrawerState>;
  allItems: OrganizationView[];
  onDone: () => void;
  onLogoChanged: () => void;
}) {
  const { t } = useTranslation();
  const editing = state.mode === "edit" ? state.org : null;
  const initial = useMemo(
    () => (editing ? orgToValues(editing) : emptyOrgValues(state.mode === "create" ? state.parentId : null)),
    [editing, state],
  );
  const create = useCreateOrganization();
  const update = useUpdateOrganization();

  const form = useForm<OrgFormValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = editing
        ? zodErrors(updateOrganizationBody, toUpdateBody(values, initial))
        : zodErrors(createOrganizationBody, toCreateBody(values));
      if (!values.name.trim()) errors.name = t("validation.required");
      if (!values.shortName.trim()) errors.shortName = t("validation.required");
      if (isRegional(values.kind) && !values.regionCode) errors.regionCode = t("validation.required");
      if (editing?.parentId && !values.parentId) errors.parentId = t("validation.required");
      return errors;
    },
  });
  const values = form.getValues();

  // Neither the organization nor its descendants can become its parent.
  const excluded = useMemo(() => (editing ? subtreeIds(allItems, editing.id) : undefined), [allItems, editing]);
  const canChooseParent = !editing || allowed(editing.can, "move");

  const submit = (v: OrgFormValues) => {
    if (editing) {
      const moveTo = v.parentId && v.parentId !== editing.parentId ? v.parentId : undefined;
      update.mutate(
        { id: editing.id, body: toUpdateBody(v, initial), moveTo },
        {
          onSuccess: () => {
            notifySuccess(t("organizations.saved"));
            onDone();
          },
          onError: (error) => handleApiError(error, form),
        },
      );
    } else {
      create.mutate(toCreateBody(v), {
        onSuccess: () => {
          notifySuccess(t("organizations.created"));
          onDone();
        },
        onError: (error) => handleApiError(error, form),
      });
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label={t("organizations.name")} {...form.getInputProps("name")} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t("organizations.shortName")} {...form.getInputProps("shortName")} />
          <Select
            label={t("organizations.kind")}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("kind")}
          />
        </SimpleGrid>
        <OrganizationSelect
          label={t("organizations.parent")}
          description={editing ? t("organizations.parentMoveHelp") : t("organizations.parentHelp")}
          include={(o) => allowed(o.can, "createChild")}
          exclude={excluded}
          disabled={!canChooseParent}
          clearable={!editing}
          {...form.getInputProps("parentId")}
        />
        <RegionFields form={form} regional={isRegional(values.kind)} />
        <Divider label={t("organizations.contact")} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t("organizations.email")} type="email" {...form.getInputProps("email")} />
          <TextInput label={t("organizations.phone")} type="tel" {...form.getInputProps("phone")} />
        </SimpleGrid>
        <TextInput label={t("organizations.website")} placeholder="https://" {...form.getInputProps("website")} />
        <Textarea label={t("organizations.address")} autosize minRows={2} {...form.getInputProps("address")} />
        {editing && allowed(editing.can, "uploadLogo") && <LogoField org={editing} onUploaded={onLogoChanged} />}
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
