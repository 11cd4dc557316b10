/**
 * The editor form of one item. Saving is explicit ("Simpan draf", Ctrl/Cmd+S); an edit sends the
 * version it started from, and a 409 "version_conflict" means someone saved in between: the user
 * is told and offered to reload instead of silently overwriting.
 */
import { Alert, Button, Grid, Group, Kbd, List, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDeviceFloppy, IconSend } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ContentType, createContentBody, missingForReview, updateContentBody } from "../../../common/schemas/content";
import { isApiError } from "../../api/client";
import { handleApiError, notifySuccess, zodErrors } from "../../lib/form-errors";
import { CommonFields } from "./common-fields";
import { CompletenessChecklist, useMissingLabel } from "./completeness-checklist";
import { type ContentView, useCreateContent, useUpdateContent, useWorkflowAction } from "./content-api";
import {
  type ContentFormValues,
  emptyValues,
  formPath,
  toCreateBody,
  toFields,
  toFormErrors,
  toUpdateBody,
  viewToValues,
} from "./content-form-values";
import { PressReleaseSection } from "./press-release-section";
import { clearRefusal, flashRefusal, peekRefusal } from "./refusal-flash";
import type { ContentForm } from "./section-kit";
import { SocialSection } from "./social-section";
import { AnnouncementSection, HoaxSection } from "./text-sections";
import { useLeaveGuard } from "./use-leave-guard";
import { VideoSection } from "./video-section";
import { InfographicSection, PhotoSection } from "./visual-sections";

const isUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

function TypeSection({ type, form, organizationId }: { type: ContentType; form: ContentForm; organizationId: string | null }): ReactNode {
  switch (type) {
    case "siaran_pers":
      return <PressReleaseSection form={form} />;
    case "foto":
      return <PhotoSection form={form} organizationId={organizationId} />;
    case "infografis":
      return <InfographicSection form={form} organizationId={organizationId} />;
    case "video":
      return <VideoSection form={form} organizationId={organizationId} />;
    case "pengumuman":
      return <AnnouncementSection form={form} />;
    case "klarifikasi":
      return <HoaxSection form={form} />;
    case "sosial":
      return <SocialSection form={form} organizationId={organizationId} />;
    default:
      return null;
  }
}

export function ContentEditor({
  type,
  existing,
  defaultOrganizationId,
  onReload,
}: {
  type: ContentType;
  existing: ContentView | null;
  defaultOrganizationId: string | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContent();
  const update = useUpdateContent();
  const workflow = useWorkflowAction();
  const missingLabel = useMissingLabel();
  const [busy, setBusy] = useState<null | "draft" | "submit">(null);
  const [conflict, setConflict] = useState(false);
  const [refused, setRefused] = useState<string[]>(() => peekRefusal(existing?.id));
  // The version this editor started from; it moves on with each of our own saves.
  const version = useRef(existing?.version ?? 0);
  const initial = useMemo(
    () => (existing ? viewToValues(existing) : emptyValues(defaultOrganizationId)),
    [existing, defaultOrganizationId],
  );

  const form = useForm<ContentFormValues>({
    initialValues: initial,
    initialErrors: Object.fromEntries(refused.map((key) => [formPath(key), t("validation.required")])),
    validate: (values) => {
      const errors = existing
        ? zodErrors(updateContentBody, toUpdateBody(type, values, version.current))
        : zodErrors(createContentBody, toCreateBody(type, values));
      // References are sent without blank rows, so their indices are checked here on the form's own rows.
      for (const key of Object.keys(errors)) if (key.startsWith("fields.references")) delete errors[key];
      values.fields.references.forEach((ref, i) => {
        if (ref.trim() && !isUrl(ref.trim())) errors[`fields.references.${i}`] = t("validation.url");
      });
      if (!existing && !values.organizationId) errors.organizationId = t("validation.required");
      return errors;
    },
  });
  const guard = useLeaveGuard(() => form.isDirty() && busy === null);
  useEffect(() => {
    if (existing) clearRefusal(existing.id);
  }, [existing]);

  const values = form.getValues();
  const missing = missingForReview(type, { title: values.title, bodyHtml: values.bodyHtml, fields: toFields(type, values.fields) });

  const save = async (andSubmit: boolean) => {
    if (busy) return;
    if (form.validate().hasErrors) {
      notifyInvalid();
      return;
    }
    const v = form.getValues();
    setBusy(andSubmit ? "submit" : "draft");
    setRefused([]);
    try {
      let saved: ContentView;
      try {
        saved = existing
          ? await update.mutateAsync({ id: existing.id, body: toUpdateBody(type, v, version.current) })
          : await create.mutateAsync(toCreateBody(type, v));
      } catch (error) {
        if (isApiError(error) && error.code === "version_conflict") setConflict(true);
        else if (isApiError(error)) form.setErrors(toFormErrors(error.fields));
        handleApiError(error);
        return;
      }
      version.current = saved.version;
      form.setInitialValues(v);
      form.resetDirty(v);
      if (andSubmit) {
        try {
          await workflow.mutateAsync({ id: saved.id, action: "submit" });
        } catch (error) {
          if (isApiError(error) && Object.keys(error.fields).length > 0) {
            form.setErrors(toFormErrors(error.fields));
            setRefused(Object.keys(error.fields));
            if (!existing) flashRefusal(saved.id, Object.keys(error.fields));
          }
          handleApiError(error);
          if (!existing) {
            guard.allowLeave();
            void navigate({ to: "/content/$contentId/edit", params: { contentId: saved.id }, replace: true });
          }
          return;
        }
        notifySuccess(t("content.submitted"));
        guard.allowLeave();
        void navigate({ to: "/content/$contentId", params: { contentId: saved.id } });
        return;
      }
      notifySuccess(t("content.savedDraft"));
      // A new item continues in its own edit page, so a reload keeps working on it.
      if (!existing) {
        guard.allowLeave();
        void navigate({ to: "/content/$contentId/edit", params: { contentId: saved.id }, replace: true });
      }
    } finally {
      setBusy(null);
    }
  };

  const notifyInvalid = () => notifications.show({ color: "red", title: t("errors.title"), message: t("content.fixErrors") });
  useHotkeys([["mod+S", () => void save(false)]], [], true);

  const canSubmit = !existing || existing.can.submit;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      noValidate
    >
      {guard.dialog}
      <Stack gap="md">
        {conflict && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t("content.conflict.title")} data-testid="version-conflict">
            <Text size="sm">{t("content.conflict.message")}</Text>
            <Group gap="xs" mt="sm">
              <Button
                size="xs"
                color="red"
                onClick={() => {
                  guard.allowLeave();
                  onReload();
                }}
              >
                {t("content.conflict.reload")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConflict(false)}>
                {t("content.conflict.keep")}
              </Button>
            </Group>
          </Alert>
        )}
        {refused.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("content.submitRefused")} data-testid="submit-refused">
            <List size="sm">
              {refused.map((key) => (
                <List.Item key={key}>{missingLabel(key.replace(/^fields\./, ""))}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <CommonFields form={form} type={type} organizationName={existing?.organization.name ?? null} />
              <TypeSection type={type} form={form} organizationId={values.organizationId} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md" pos="sticky" top={72}>
              <Stack gap="xs">
                <Button
                  type="submit"
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} />}
                  loading={busy === "draft"}
                  disabled={busy === "submit"}
                >
                  {t("content.saveDraft")}
                </Button>
                {canSubmit && (
                  <Button
                    leftSection={<IconSend size={16} />}
                    loading={busy === "submit"}
                    disabled={busy === "draft"}
                    onClick={() => void save(true)}
                  >
                    {t("content.saveAndSubmit")}
                  </Button>
                )}
                <Text size="xs" c="dimmed">
                  {t("content.saveShortcut")} <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">S</Kbd>
                  {form.isDirty() && ` · ${t("content.unsaved")}`}
                </Text>
              </Stack>
              <CompletenessChecklist type={type} missing={missing} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}
