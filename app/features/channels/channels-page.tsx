/** "Kanal": connected channel accounts with their health, connection test, reconnect and deactivation. */
import { Button, Group, Menu, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPlugConnected, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PLATFORM_LABELS } from "../../../common/schemas/channels";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed, formatDate, formatDateTime } from "../../lib/format";
import { type ChannelAccountView, useChannels, useCheckChannel, useDeactivateChannel } from "./channels-api";
import { ConnectChannelModal } from "./connect-channel-modal";
import { HealthBadge, PlatformIcon } from "./platform-icon";

function AccountRow({ account, onReconnect }: { account: ChannelAccountView; onReconnect: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const check = useCheckChannel();
  const deactivate = useDeactivateChannel();
  const canManage = allowed(account.can, "manage");

  const test = () =>
    check.mutate(account.id, {
      onSuccess: (checked) =>
        checked.health === "error"
          ? notifications.show({ color: "red", title: t("channels.testFailed", { name: account.name }), message: checked.lastError ?? "" })
          : notifySuccess(t("channels.testOk", { name: account.name })),
      onError: (e) => handleApiError(e),
    });

  const turnOff = async () => {
    const ok = await confirm({
      title: t("channels.deactivateTitle"),
      message: t("channels.deactivateBody", { name: account.name }),
      confirmLabel: t("channels.deactivate"),
      danger: true,
    });
    if (ok) deactivate.mutate(account.id, { onSuccess: () => notifySuccess(t("channels.deactivated")), onError: (e) => handleApiError(e) });
  };

  return (
    <Table.Tr data-testid="channel-row">
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <PlatformIcon platform={account.platform} />
          <div>
            <Text size="sm" fw={500}>
              {account.name}
            </Text>
            <Text size="xs" c="dimmed">
              {PLATFORM_LABELS[account.platform]}
              {Object.values(account.config)[0] ? ` · ${Object.values(account.config)[0]}` : ""}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>{account.organization.name}</Table.Td>
      <Table.Td>
        <HealthBadge health={account.health} error={account.lastError} />
        {account.health === "error" && account.lastError && (
          <Text size="xs" c="red" mt={4} maw={320}>
            {account.lastError}
          </Text>
        )}
        {account.tokenExpiresAt && (
          <Text size="xs" c="dimmed" mt={4}>
            {t("channels.validUntil", { date: formatDate(account.tokenExpiresAt) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{account.lastCheckedAt ? formatDateTime(account.lastCheckedAt) : t("channels.never")}</Table.Td>
      <Table.Td>
        {canManage && account.active && (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="xs" variant="light" leftSection={<IconPlugConnected size={14} />} loading={check.isPending} onClick={test}>
              {t("channels.test")}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="subtle" aria-label={t("channels.more", { name: account.name })}>
                  <IconDots size={16} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={onReconnect}>{t("channels.reconnect")}</Menu.Item>
                <Menu.Item color="red" onClick={() => void turnOff()}>
                  {t("channels.deactivate")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ChannelsPage() {
  const { t } = useTranslation();
  const [includeInactive, setIncludeInactive] = useState(false);
  const channels = useChannels({ includeInactive });
  const [connecting, setConnecting] = useState(false);
  const [reconnecting, setReconnecting] = useState<ChannelAccountView | null>(null);
  const canCreate = allowed(channels.data?.can, "create");

  return (
    <>
      <PageHeader
        title={t("channels.title")}
        description={t("channels.description")}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setConnecting(true)}>
              {t("channels.connect")}
            </Button>
          )
        }
      />
      <Switch
        mb="md"
        label={t("channels.showInactive")}
        checked={includeInactive}
        onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
      />
      {channels.isLoading ? (
        <LoadingState />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : !channels.data || channels.data.items.length === 0 ? (
        <EmptyState
          title={t("channels.empty")}
          description={t("channels.emptyHelp")}
          action={
            canCreate && (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setConnecting(true)}>
                {t("channels.connect")}
              </Button>
            )
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={820} type="native">
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("channels.account")}</Table.Th>
                <Table.Th>{t("channels.organization")}</Table.Th>
                <Table.Th>{t("channels.status")}</Table.Th>
                <Table.Th>{t("channels.lastCheck")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.data.items.map((account) => (
                <AccountRow key={account.id} account={account} onReconnect={() => setReconnecting(account)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConnectChannelModal opened={connecting} onClose={() => setConnecting(false)} />
      <ConnectChannelModal opened={reconnecting !== null} account={reconnecting} onClose={() => setReconnecting(null)} />
    </>
  );
}
