/** Create or edit an alert rule: kind and threshold, channels (Telegram, webhook), de-duplication, quiet hours. */
import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ALERT_RULE_KINDS, type AlertRuleKind } from "../../../common/monitoring-alert-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type AlertRuleView, useSaveRule } from "./alerts-api";

interface Values {
  organizationId: string;
  name: string;
  kind: AlertRuleKind;
  enabled: boolean;
  critical: boolean;
  negativeThreshold: number;
  zThreshold: number | "";
  minCount: number | "";
  query: string;
  inApp: boolean;
  email: boolean;
  telegram: boolean;
  chatId: string;
  botToken: string;
  webhook: boolean;
  webhookUrl: string;
  webhookSecret: string;
  dedupMinutes: number;
  quietStart: string;
  quietEnd: string;
}

export function RuleFormModal({ rule, onClose }: { rule: AlertRuleView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRule();
  const form = useForm<Values>({
    initialValues: {
      organizationId: rule?.organizationId ?? "",
      name: rule?.name ?? "",
      kind: rule?.kind ?? "negative_mention",
      enabled: rule?.enabled ?? true,
      critical: rule?.critical ?? false,
      negativeThreshold: rule?.config.negativeThreshold ?? 0.6,
      zThreshold: rule?.config.zThreshold ?? "",
      minCount: rule?.config.minCount ?? "",
      query: rule?.config.query ?? "",
      inApp: rule?.channels.inApp ?? true,
      email: rule?.channels.email ?? false,
      telegram: !!rule?.channels.telegram,
      chatId: rule?.channels.telegram?.chatId ?? "",
      botToken: "",
      webhook: !!rule?.channels.webhook,
      webhookUrl: rule?.channels.webhook?.url ?? "",
      webhookSecret: "",
      dedupMinutes: rule?.dedupMinutes ?? 360,
      quietStart: rule?.quietStart ?? "",
      quietEnd: rule?.quietEnd ?? "",
    },
    validate: {
      organizationId: (v) => (v ? null : t("validation.required")),
      name: (v) => (v.trim().length >= 2 ? null : t("validation.required")),
    },
  });
  const v = form.values;
  const spike = v.kind === "volume_spike" || v.kind === "negative_share_spike";

  const submit = form.onSubmit((values) => {
    const body = {
      organizationId: values.organizationId,
      name: values.name,
      kind: values.kind,
      enabled: values.enabled,
      critical: values.critical,
      config: {
        ...(values.kind === "negative_mention" ? { negativeThreshold: values.negativeThreshold } : {}),
        ...(spike && values.zThreshold !== "" ? { zThreshold: Number(values.zThreshold) } : {}),
        ...(spike && values.minCount !== "" ? { minCount: Number(values.minCount) } : {}),
        ...(values.kind === "keyword" ? { query: values.query } : {}),
      },
      channels: {
        inApp: values.inApp,
        email: values.email,
        telegram: values.telegram ? { chatId: values.chatId, ...(values.botToken ? { botToken: values.botToken } : {}) } : null,
        webhook: values.webhook ? { url: values.webhookUrl, ...(values.webhookSecret ? { secret: values.webhookSecret } : {}) } : null,
      },
      dedupMinutes: values.dedupMinutes,
      quietStart: values.quietStart || null,
      quietEnd: values.quietEnd || null,
    };
    save.mutate(
      { id: rule?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t("alerts.ruleSaved"));
          onClose();
        },
        onError: (e) => handleApiError(e, form),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={rule ? t("alerts.editRule") : t("alerts.newRule")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <OrganizationSelect label={t("alerts.organization")} required disabled={!!rule} {...form.getInputProps("organizationId")} />
          <TextInput label={t("alerts.ruleName")} required {...form.getInputProps("name")} />
          <Select
            label={t("alerts.kind")}
            data={ALERT_RULE_KINDS.map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps("kind")}
          />
          {v.kind === "negative_mention" && (
            <NumberInput
              label={t("alerts.negativeThreshold")}
              description={t("alerts.negativeThresholdHint")}
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              {...form.getInputProps("negativeThreshold")}
            />
          )}
          {v.kind === "keyword" && (
            <Textarea
              label={t("alerts.query")}
              description={t("alerts.queryHint")}
              autosize
              minRows={2}
              required
              {...form.getInputProps("query")}
              errorProps={{}}
              error={form.errors["config.query"]}
            />
          )}
          {spike && (
            <Group grow>
              <NumberInput
                label={t("alerts.zThreshold")}
                description={t("alerts.defaultHint")}
                min={1}
                max={20}
                step={0.5}
                {...form.getInputProps("zThreshold")}
              />
              <NumberInput label={t("alerts.minCount")} description={t("alerts.defaultHint")} min={1} {...form.getInputProps("minCount")} />
            </Group>
          )}
          <Group>
            <Switch label={t("alerts.enabled")} {...form.getInputProps("enabled", { type: "checkbox" })} />
            <Switch label={t("alerts.criticalLabel")} {...form.getInputProps("critical", { type: "checkbox" })} />
          </Group>
          <Divider label={t("alerts.channelsTitle")} />
          <Group>
            <Checkbox label={t("alerts.channels.in_app")} {...form.getInputProps("inApp", { type: "checkbox" })} />
            <Checkbox label={t("alerts.channels.email")} {...form.getInputProps("email", { type: "checkbox" })} />
            <Checkbox label={t("alerts.channels.telegram")} {...form.getInputProps("telegram", { type: "checkbox" })} />
            <Checkbox label={t("alerts.channels.webhook")} {...form.getInputProps("webhook", { type: "checkbox" })} />
          </Group>
          {v.telegram && (
            <Group grow align="flex-start">
              <TextInput
                label={t("alerts.chatId")}
                required
                {...form.getInputProps("chatId")}
                error={form.errors["channels.telegram.chatId"]}
              />
              <PasswordInput
                label={t("alerts.botToken")}
                description={rule?.channels.telegram?.tokenSet ? t("alerts.secretKept") : undefined}
                {...form.getInputProps("botToken")}
                error={form.errors["channels.telegram.botToken"]}
              />
            </Group>
          )}
          {v.webhook && (
            <Group grow align="flex-start">
              <TextInput
                label={t("alerts.webhookUrl")}
                required
                placeholder="https://"
                {...form.getInputProps("webhookUrl")}
                error={form.errors["channels.webhook.url"]}
              />
              <PasswordInput
                label={t("alerts.webhookSecret")}
                description={rule?.channels.webhook?.secretSet ? t("alerts.secretKept") : t("alerts.webhookSecretHint")}
                {...form.getInputProps("webhookSecret")}
                error={form.errors["channels.webhook.secret"]}
              />
            </Group>
          )}
          <Divider label={t("alerts.deliveryTitle")} />
          <NumberInput
            label={t("alerts.dedupMinutes")}
            description={t("alerts.dedupHint")}
            min={0}
            max={10080}
            {...form.getInputProps("dedupMinutes")}
          />
          <Group grow>
            <TextInput type="time" label={t("alerts.quietStart")} {...form.getInputProps("quietStart")} />
            <TextInput type="time" label={t("alerts.quietEnd")} description={t("alerts.quietHint")} {...form.getInputProps("quietEnd")} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
