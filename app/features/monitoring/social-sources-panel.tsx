/** Social-media sources: health at a glance, fetch now, edit, pause/resume (with confirmation). */
import { ActionIcon, Badge, Button, Group, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconEdit, IconPlayerPause, IconPlayerPlay, IconPlus, IconRefresh, IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { OrganizationSelect } from "../../components/organization-select";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned } from "../../lib/format-date";
import { type SocialSourceView, useFetchSocialSource, useSocialSources, useUpdateSocialSource } from "./intake-api";
import { SocialSourceFormModal } from "./social-source-form-modal";

function Health({ s }: { s: SocialSourceView }) {
  const { t } = useTranslation();
  if (!s.enabled) return <Badge color="gray">{t("monitoringIntake.social.paused")}</Badge>;
  if (s.backoffUntil)
    return (
      <Tooltip label={s.lastError ?? ""} multiline w={320}>
        <Badge color="yellow">
          {t("monitoringIntake.social.backoff", { time: formatZoned(s.backoffUntil, s.timeZone, { short: true }) })}
        </Badge>
      </Tooltip>
    );
  if (s.lastError)
    return (
      <Tooltip label={s.lastError} multiline w={320}>
        <Badge color="red">{t("monitoringIntake.social.failing")}</Badge>
      </Tooltip>
    );
  if (!s.lastFetchedAt) return <Badge color="blue">{t("monitoringIntake.social.waiting")}</Badge>;
  return <Badge color="teal">{t("monitoringIntake.social.healthy")}</Badge>;
}

export function SocialSourcesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<SocialSourceView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const list = useSocialSources(organizationId);
  const fetchNow = useFetchSocialSource();
  const update = useUpdateSocialSource();
  const items = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (list.data?.items ?? []).filter((s) => !needle || `${s.name} ${s.target}`.toLowerCase().includes(needle));
  }, [list.data, q]);

  const runNow = (s: SocialSourceView) =>
    fetchNow.mutate(s.id, {
      onSuccess: (r) =>
        r.error
          ? handleApiError(new Error(r.error))
          : notifySuccess(t("monitoringIntake.social.fetched", { fetched: r.fetched, inserted: r.inserted })),
      onError: (e) => handleApiError(e),
    });
  const toggle = async (s: SocialSourceView) => {
    if (
      s.enabled &&
      !(await confirm({
        title: t("monitoringIntake.social.pauseTitle"),
        message: t("monitoringIntake.social.pauseMessage", { name: s.name }),
        confirmLabel: t("monitoringIntake.social.pause"),
        danger: true,
      }))
    )
      return;
    update.mutate({ id: s.id, enabled: !s.enabled }, { onError: (e) => handleApiError(e) });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <OrganizationSelect
            label={t("monitoringIntake.organization")}
            clearable
            value={organizationId}
            onChange={setOrganizationId}
            w={280}
          />
          <TextInput
            label={t("monitoringIntake.social.search")}
            leftSection={<IconSearch size={14} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
        </Group>
        {canManage && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t("monitoringIntake.social.add")}
          </Button>
        )}
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("monitoringIntake.social.empty")} description={t("monitoringIntake.social.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("monitoringIntake.social.name")}</Table.Th>
                <Table.Th>{t("monitoringIntake.social.kind")}</Table.Th>
                <Table.Th>{t("monitoringIntake.social.status")}</Table.Th>
                <Table.Th>{t("monitoringIntake.social.lastFetch")}</Table.Th>
                <Table.Th ta="right">{t("monitoringIntake.social.items")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.target}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`monitoringIntake.social.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>
                    <Health s={s} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatZoned(s.lastFetchedAt, s.timeZone, { short: true })}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{s.itemsTotal.toLocaleString("id-ID")}</Table.Td>
                  <Table.Td>
                    {s.can.manage && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t("monitoringIntake.social.fetchNow")}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t("monitoringIntake.social.fetchNow")}
                            loading={fetchNow.isPending && fetchNow.variables === s.id}
                            disabled={!s.enabled}
                            onClick={() => runNow(s)}
                          >
                            <IconRefresh size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("monitoringIntake.social.edit")}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t("monitoringIntake.social.edit")}
                            onClick={() => {
                              setEditing(s);
                              setFormOpen(true);
                            }}
                          >
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={s.enabled ? t("monitoringIntake.social.pause") : t("monitoringIntake.social.resume")}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={s.enabled ? t("monitoringIntake.social.pause") : t("monitoringIntake.social.resume")}
                            onClick={() => toggle(s)}
                          >
                            {s.enabled ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SocialSourceFormModal source={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
    </Stack>
  );
}
