/** Open an issue by hand or from an article, a cluster or an alert (title and organization suggested). */
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ISSUE_SEVERITIES, type IssueSeverity } from "../../../common/monitoring-alert-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useCreateIssue, useIssueSuggestion } from "./issues-api";

export interface IssueSource {
  alertId?: string;
  articleId?: string;
  clusterId?: string;
}

export function NewIssueModal({ source, onClose }: { source: IssueSource | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateIssue();
  const suggestion = useIssueSuggestion(source);
  const form = useForm({
    initialValues: { title: "", summary: "", severity: "sedang" as IssueSeverity, organizationId: "" },
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t("validation.required")),
      organizationId: (v) => (v ? null : t("validation.required")),
    },
  });
  const s = suggestion.data;
  // Filled once when the suggestion arrives; the user edits from there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: form is stable, only the suggestion matters
  useEffect(() => {
    if (!s) return;
    form.setValues({ title: s.title, summary: s.summary, organizationId: s.suggestedOrganizationId ?? "" });
  }, [s]);

  const submit = form.onSubmit((values) => {
    const kind = source?.alertId ? "alert" : source?.clusterId ? "cluster" : source?.articleId ? "article" : "manual";
    create.mutate(
      { ...values, source: { kind, ...source } },
      {
        onSuccess: (issue) => {
          notifySuccess(t("issues.created"));
          onClose();
          void navigate({ to: "/monitoring/issues/$issueId", params: { issueId: issue.id } });
        },
        onError: (e) => handleApiError(e, form),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t("issues.new")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {source && suggestion.isError && <Alert color="red">{t("issues.sourceMissing")}</Alert>}
          {s && s.mentionCounts.length > 0 && (
            <Text size="sm" c="dimmed">
              {t("issues.mentionCounts")}: {s.mentionCounts.map((m) => `${m.name} (${m.mentions})`).join(", ")}
            </Text>
          )}
          <TextInput label={t("issues.titleLabel")} required {...form.getInputProps("title")} />
          <Textarea label={t("issues.summary")} autosize minRows={2} maxRows={8} {...form.getInputProps("summary")} />
          <Select
            label={t("issues.severity")}
            description={t("issues.severityHint")}
            data={ISSUE_SEVERITIES.map((v) => ({ value: v, label: t(`issues.severities.${v}`) }))}
            allowDeselect={false}
            {...form.getInputProps("severity")}
          />
          <OrganizationSelect
            label={t("issues.responsible")}
            description={s?.suggestedOrganizationName ? t("issues.suggested", { name: s.suggestedOrganizationName }) : undefined}
            required
            {...form.getInputProps("organizationId")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("issues.open")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
