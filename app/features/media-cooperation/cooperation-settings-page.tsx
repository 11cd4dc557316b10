/**
 * Cooperation forms and eligibility rules of an organization subtree, as data. Saving makes the
 * chosen organization the owner of its own list; its subtree inherits it.
 */
import { ActionIcon, Alert, Button, Card, Checkbox, Group, MultiSelect, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { COOPERATION_CATEGORIES, ELIGIBILITY_RULE_KINDS } from "../../../common/media-cooperation-enums";
import { DEWAN_PERS_STATUSES, UKW_LEVELS } from "../../../common/media-relations-enums";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type CooperationSettingsView, useCooperationSettings, useSaveCooperationSettings } from "./media-cooperation-api";

type Form = CooperationSettingsView["forms"][number] & { key: string };
type RuleState = { enabled: boolean; statuses: string[]; level: string };
type Rules = Record<(typeof ELIGIBILITY_RULE_KINDS)[number], RuleState>;

function rulesFrom(view: CooperationSettingsView): Rules {
  const find = (kind: string) => view.rules.find((r) => r.kind === kind);
  const base = (kind: string): RuleState => ({
    enabled: !!find(kind),
    statuses: (find(kind)?.params.statuses as string[]) ?? ["terverifikasi_administratif", "terverifikasi_faktual"],
    level: (find(kind)?.params.level as string) ?? "muda",
  });
  return Object.fromEntries(ELIGIBILITY_RULE_KINDS.map((k) => [k, base(k)])) as Rules;
}

export function CooperationSettingsPage() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const settings = useCooperationSettings(organizationId);
  const save = useSaveCooperationSettings(organizationId ?? "");
  const [forms, setForms] = useState<Form[]>([]);
  const [rules, setRules] = useState<Rules | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!settings.data) return;
    setForms(settings.data.forms.map((f) => ({ ...f, key: randomId() })));
    setRules(rulesFrom(settings.data));
  }, [settings.data]);

  const setForm = (i: number, patch: Partial<Form>) => setForms(forms.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const setRule = (kind: keyof Rules, patch: Partial<RuleState>) => rules && setRules({ ...rules, [kind]: { ...rules[kind], ...patch } });

  const submit = async () => {
    if (!rules) return;
    setErrors({});
    const body = {
      forms: forms.map(({ key: _k, ...f }) => f),
      rules: ELIGIBILITY_RULE_KINDS.filter((k) => rules[k].enabled).map((kind) => ({
        kind,
        params:
          kind === "dewan_pers_status"
            ? { statuses: rules[kind].statuses }
            : kind === "journalists_ukw_min"
              ? { level: rules[kind].level }
              : {},
      })),
    };
    try {
      await save.mutateAsync(body);
      notifySuccess(t("mediaCooperation.settingsSaved"));
    } catch (err) {
      if (isApiError(err)) setErrors(err.fields);
      handleApiError(err);
    }
  };

  const inherited = settings.data && organizationId && settings.data.formsSourceOrganizationId !== organizationId;
  return (
    <>
      <PageHeader title={t("mediaCooperation.settingsTitle")} description={t("mediaCooperation.settingsDescription")} />
      <OrganizationSelect label={t("mediaCooperation.organization")} value={organizationId} onChange={setOrganizationId} w={360} mb="md" />
      {!organizationId ? (
        <Text c="dimmed">{t("mediaCooperation.chooseOrganization")}</Text>
      ) : settings.isLoading || !rules ? (
        <LoadingState />
      ) : (
        <Stack>
          {inherited && <Alert color="blue">{t("mediaCooperation.inheritedSettings")}</Alert>}
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t("mediaCooperation.formsTitle")}</Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => setForms([...forms, { key: randomId(), code: "", label: "", category: "non_pemberitaan", active: true }])}
              >
                {t("mediaCooperation.addForm")}
              </Button>
            </Group>
            <Stack gap="xs">
              {forms.map((f, i) => (
                <Group key={f.key} align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t("mediaCooperation.formCode")}
                    value={f.code}
                    error={errors[`forms.${i}.code`]}
                    onChange={(e) => setForm(i, { code: e.currentTarget.value })}
                    w={170}
                  />
                  <TextInput
                    label={t("mediaCooperation.formLabel")}
                    value={f.label}
                    error={errors[`forms.${i}.label`]}
                    onChange={(e) => setForm(i, { label: e.currentTarget.value })}
                    w={260}
                  />
                  <Select
                    label={t("mediaCooperation.category")}
                    data={COOPERATION_CATEGORIES.map((c) => ({ value: c, label: t(`mediaCooperation.categories.${c}`) }))}
                    value={f.category}
                    allowDeselect={false}
                    onChange={(v) => setForm(i, { category: (v ?? "non_pemberitaan") as Form["category"] })}
                    w={180}
                  />
                  <Switch
                    mt={30}
                    label={t("mediaCooperation.active")}
                    checked={f.active}
                    onChange={(e) => setForm(i, { active: e.currentTarget.checked })}
                  />
                  <ActionIcon
                    mt={28}
                    variant="subtle"
                    color="red"
                    aria-label={t("mediaCooperation.remove")}
                    onClick={() => setForms(forms.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Card>
          <Card withBorder>
            <Text fw={600} mb="sm">
              {t("mediaCooperation.rulesTitle")}
            </Text>
            <Stack>
              {ELIGIBILITY_RULE_KINDS.map((kind) => (
                <Stack key={kind} gap={4}>
                  <Checkbox
                    label={t(`mediaCooperation.rules.${kind}`)}
                    checked={rules[kind].enabled}
                    onChange={(e) => setRule(kind, { enabled: e.currentTarget.checked })}
                  />
                  {kind === "dewan_pers_status" && rules[kind].enabled && (
                    <MultiSelect
                      ml="xl"
                      w={420}
                      label={t("mediaCooperation.allowedStatuses")}
                      data={DEWAN_PERS_STATUSES.map((s) => ({ value: s, label: t(`mediaRelations.dewanPers.${s}`) }))}
                      value={rules[kind].statuses}
                      onChange={(v) => setRule(kind, { statuses: v })}
                    />
                  )}
                  {kind === "journalists_ukw_min" && rules[kind].enabled && (
                    <Select
                      ml="xl"
                      w={200}
                      label={t("mediaCooperation.minimumLevel")}
                      data={UKW_LEVELS.map((l) => ({ value: l, label: t(`mediaRelations.ukw.${l}`) }))}
                      value={rules[kind].level}
                      allowDeselect={false}
                      onChange={(v) => setRule(kind, { level: v ?? "muda" })}
                    />
                  )}
                </Stack>
              ))}
            </Stack>
          </Card>
          {settings.data?.can.manage ? (
            <Group justify="flex-end">
              <Button onClick={() => void submit()} loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t("mediaCooperation.settingsReadOnly")}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
