/**
 * "Alur persetujuan": an organization's 1–3 approval steps. Each step is decided by any one or
 * all of its approvers, named by role and/or person. Without its own chain an organization
 * follows its nearest ancestor's ("mengikuti induk").
 */
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle, IconPlus, IconTrash, IconX } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/query-state";
import { UserSelect } from "../../components/user-select";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useSession } from "../auth/session";
import { type ApprovalChainView, useApprovalChain, useSaveApprovalChain } from "./approval-chain-api";

const route = getRouteApi("/_authed/content/approval-chain");
const APPROVER_ROLES = ["editor", "leader", "coordinator", "admin"] as const;
type ApproverRole = (typeof APPROVER_ROLES)[number];
const MANAGERS = ["admin", "coordinator", "editor"];

interface StepDraft {
  mode: "any" | "all";
  roles: ApproverRole[];
  users: { id: string; name: string }[];
}

export function ApprovalChainPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const organizationId = search.organizationId ?? session.grants.find((g) => MANAGERS.includes(g.role))?.organizationId ?? null;
  const chain = useApprovalChain(organizationId);

  return (
    <>
      <PageHeader title={t("content.chain.title")} description={t("content.chain.description")} />
      <Stack gap="md" maw={760}>
        <OrganizationSelect
          label={t("content.fields.organization")}
          clearable={false}
          value={organizationId}
          onChange={(value) => void navigate({ search: { organizationId: value ?? undefined }, replace: true })}
        />
        {!organizationId ? null : chain.isLoading ? (
          <LoadingState />
        ) : chain.isError ? (
          <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />
        ) : chain.data ? (
          <ChainEditor key={`${chain.data.organizationId}:${chain.dataUpdatedAt}`} chain={chain.data} />
        ) : null}
      </Stack>
    </>
  );
}

function ChainEditor({ chain }: { chain: ApprovalChainView }) {
  const { t } = useTranslation();
  const save = useSaveApprovalChain();
  const canManage = chain.can.manage === true;
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    chain.steps.map((s) => ({ mode: s.mode, roles: s.roles as ApproverRole[], users: s.users })),
  );
  const [errors, setErrors] = useState<Record<number, string>>({});

  const patch = (index: number, change: Partial<StepDraft>) => {
    setSteps((prev) => prev.map((s, i) => (i === index ? { ...s, ...change } : s)));
    setErrors((prev) => ({ ...prev, [index]: "" }));
  };

  const submit = () => {
    // A step without anyone to decide would stall every item at it.
    const empty = Object.fromEntries(
      steps.flatMap((s, i) => (s.roles.length === 0 && s.users.length === 0 ? [[i, t("content.chain.stepEmpty")]] : [])),
    );
    setErrors(empty);
    if (Object.keys(empty).length > 0) return;
    save.mutate(
      {
        organizationId: chain.organizationId,
        body: { steps: steps.map((s) => ({ mode: s.mode, roles: s.roles, userIds: s.users.map((u) => u.id) })) },
      },
      {
        onSuccess: () => notifySuccess(t("content.chain.saved")),
        onError: (error) => {
          // The server names a refused step as "steps.N".
          if (isApiError(error))
            setErrors(
              Object.fromEntries(
                Object.entries(error.fields).flatMap(([key, message]) =>
                  /^steps\.\d+/.test(key) ? [[Number(key.split(".")[1]), message]] : [],
                ),
              ),
            );
          handleApiError(error);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {chain.inherited && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="chain-inherited">
          <Group gap="xs">
            <Badge variant="light">{t("content.chain.inherited")}</Badge>
            <Text size="sm">{t("content.chain.inheritedHint")}</Text>
          </Group>
        </Alert>
      )}
      {steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their position is what they are
        <Paper key={`step-${index}`} withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }} data-testid="chain-step">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4} component="legend">
                {t("content.review.step", { n: index + 1 })}
              </Title>
              {canManage && steps.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("content.chain.removeStep", { n: index + 1 })}
                  onClick={() => setSteps((prev) => prev.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            <SegmentedControl
              aria-label={t("content.chain.mode")}
              disabled={!canManage}
              value={step.mode}
              onChange={(value) => patch(index, { mode: value as "any" | "all" })}
              data={[
                { value: "any", label: t("content.review.mode.any") },
                { value: "all", label: t("content.review.mode.all") },
              ]}
              style={{ alignSelf: "flex-start" }}
            />
            <Checkbox.Group
              label={t("content.chain.roles")}
              value={step.roles}
              onChange={(value) => patch(index, { roles: value as ApproverRole[] })}
            >
              <Group gap="md" mt={4}>
                {APPROVER_ROLES.map((role) => (
                  <Checkbox key={role} value={role} label={t(`roles.${role}`)} disabled={!canManage} />
                ))}
              </Group>
            </Checkbox.Group>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t("content.chain.people")}
              </Text>
              <Group gap="xs">
                {step.users.map((user) => (
                  <Badge
                    key={user.id}
                    variant="light"
                    size="lg"
                    style={{ textTransform: "none" }}
                    rightSection={
                      canManage && (
                        <ActionIcon
                          size="xs"
                          variant="transparent"
                          aria-label={t("content.remove", { label: user.name })}
                          onClick={() => patch(index, { users: step.users.filter((u) => u.id !== user.id) })}
                        >
                          <IconX size={12} />
                        </ActionIcon>
                      )
                    }
                  >
                    {user.name}
                  </Badge>
                ))}
                {step.users.length === 0 && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Group>
              {canManage && step.users.length < 20 && (
                <UserSelect
                  aria-label={t("content.chain.addPerson", { n: index + 1 })}
                  placeholder={t("content.chain.addPersonPlaceholder")}
                  value={null}
                  onChange={(value, option) => {
                    if (!value || step.users.some((u) => u.id === value)) return;
                    patch(index, { users: [...step.users, { id: value, name: option?.label.replace(/ \(.*\)$/, "") ?? value }] });
                  }}
                  maw={420}
                />
              )}
            </Stack>
            {errors[index] && (
              <Text size="sm" c="red" role="alert">
                {errors[index]}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
      {canManage ? (
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={steps.length >= 3}
            onClick={() => setSteps((prev) => [...prev, { mode: "any", roles: ["editor"], users: [] }])}
          >
            {t("content.chain.addStep")}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {chain.inherited ? t("content.chain.saveOwn") : t("common.save")}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t("content.chain.readOnly")}
        </Text>
      )}
    </Stack>
  );
}
