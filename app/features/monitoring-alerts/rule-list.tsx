/** The alert rules in scope: edit, test-send, disable (with confirmation). */
import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconPlus, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type AlertRuleView, useAlertRules, useDisableRule, useTestRule } from "./alerts-api";
import { RuleFormModal } from "./rule-form-modal";

export function RuleList({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const rules = useAlertRules();
  const [editing, setEditing] = useState<AlertRuleView | "new" | null>(null);
  const items = rules.data?.items ?? [];
  return (
    <Stack gap="sm">
      {canCreate && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            {t("alerts.newRule")}
          </Button>
        </Group>
      )}
      {rules.isLoading ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("alerts.noRules")} description={t("alerts.noRulesHint")} />
      ) : (
        items.map((r) => <RuleCard key={r.id} rule={r} onEdit={() => setEditing(r)} />)
      )}
      {editing && <RuleFormModal rule={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function RuleCard({ rule: r, onEdit }: { rule: AlertRuleView; onEdit: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const disable = useDisableRule();
  const test = useTestRule();
  const channels = [
    r.channels.inApp && t("alerts.channels.in_app"),
    r.channels.email && t("alerts.channels.email"),
    r.channels.telegram && `${t("alerts.channels.telegram")} ${r.channels.telegram.chatId}`,
    r.channels.webhook && t("alerts.channels.webhook"),
  ].filter(Boolean);
  const runTest = () =>
    test.mutate(r.id, {
      onSuccess: ({ results }) => {
        const failed = results.filter((x) => !x.ok);
        if (failed.length === 0) notifySuccess(t("alerts.testOk", { count: results.length }));
        else handleApiError(new Error(failed.map((f) => `${t(`alerts.channels.${f.channel}`)}: ${f.error}`).join("; ")));
      },
      onError: (e) => handleApiError(e),
    });
  const remove = async () => {
    const ok = await confirm({
      title: t("alerts.disableTitle"),
      message: t("alerts.disableMessage", { name: r.name }),
      confirmLabel: t("alerts.disable"),
      danger: true,
    });
    if (ok) disable.mutate(r.id, { onError: (e) => handleApiError(e) });
  };
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{r.name}</Text>
            <Badge variant="light">{t(`alerts.kinds.${r.kind}`)}</Badge>
            {!r.enabled && <Badge color="gray">{t("alerts.disabled")}</Badge>}
            {r.critical && <Badge color="red">{t("alerts.critical")}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {[
              r.organizationName,
              channels.join(", ") || t("alerts.noChannels"),
              r.quietStart ? t("alerts.quietRange", { from: r.quietStart, to: r.quietEnd }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {r.config.query && (
            <Text size="sm" ff="monospace">
              {r.config.query}
            </Text>
          )}
        </Stack>
        {r.can.manage && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconSend size={14} />} loading={test.isPending} onClick={runTest}>
              {t("alerts.testSend")}
            </Button>
            <Button size="xs" variant="default" onClick={onEdit}>
              {t("alerts.edit")}
            </Button>
            {r.enabled && (
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove()}>
                {t("alerts.disable")}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Card>
  );
}
