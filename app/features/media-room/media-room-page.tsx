/**
 * "Ruang Media": journalists' applications to the media room (approve / reject with a reason /
 * deactivate, which ends their sessions at once) and the log of every view of embargoed material.
 */
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Tabs, Text } from "@mantine/core";
import { IconExternalLink, IconUserCheck } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MediaRoomStatus } from "../../../common/media-room-enums";
import { useConfirm } from "../../components/confirm-provider";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { ApproveModal, RejectModal } from "./decision-modals";
import { EmbargoLog } from "./embargo-log";
import { type MediaRoomAccountView, PAGE_SIZE, useDeactivateAccount, useMediaRoomAccounts } from "./media-room-api";

const route = getRouteApi("/_authed/media-room");
export type MediaRoomSearch = {
  tab?: "log";
  status?: MediaRoomStatus;
  q?: string;
  page?: number;
  contentId?: string;
};

const STATUS_COLORS: Record<MediaRoomStatus, string> = { pending: "yellow", approved: "green", rejected: "gray", deactivated: "red" };

export function MediaRoomPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<MediaRoomSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader
        title={t("mediaRoom.title")}
        description={t("mediaRoom.description")}
        actions={
          <Button
            variant="default"
            component="a"
            href="/media-room"
            target="_blank"
            rel="noopener"
            leftSection={<IconExternalLink size={16} />}
          >
            {t("mediaRoom.open")}
          </Button>
        }
      />
      <Tabs value={search.tab ?? "accounts"} onChange={(v) => setSearch({ tab: v === "log" ? "log" : undefined, page: undefined })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="accounts">{t("mediaRoom.tabs.accounts")}</Tabs.Tab>
          <Tabs.Tab value="log">{t("mediaRoom.tabs.log")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts">{search.tab !== "log" && <Accounts search={search} setSearch={setSearch} />}</Tabs.Panel>
        <Tabs.Panel value="log">
          {search.tab === "log" && (
            <Stack>
              {search.contentId && (
                <Group>
                  <Text size="sm">{t("mediaRoom.log.filtered")}</Text>
                  <Anchor component="button" size="sm" onClick={() => setSearch({ contentId: undefined, page: undefined })}>
                    {t("mediaRoom.log.showAll")}
                  </Anchor>
                </Group>
              )}
              <EmbargoLog
                contentId={search.contentId}
                page={search.page ?? 1}
                onPage={(page) => setSearch({ page: page > 1 ? page : undefined })}
              />
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Accounts({ search, setSearch }: { search: MediaRoomSearch; setSearch: (patch: Partial<MediaRoomSearch>) => void }) {
  const { t } = useTranslation();
  const list = useMediaRoomAccounts({ status: search.status, q: search.q, page: search.page });
  const [approving, setApproving] = useState<MediaRoomAccountView | null>(null);
  const [rejecting, setRejecting] = useState<MediaRoomAccountView | null>(null);
  const items = list.data?.items ?? [];
  const filtered = Boolean(search.status || search.q);

  return (
    <>
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("mediaRoom.search")} value={search.q} onSearch={(q) => setSearch({ q, page: undefined })} />
        <SegmentedControl
          aria-label={t("mediaRoom.statusFilter")}
          value={search.status ?? "all"}
          onChange={(v) => setSearch({ status: v === "all" ? undefined : (v as MediaRoomStatus), page: undefined })}
          data={[
            { value: "all", label: t("common.all") },
            ...(["pending", "approved", "rejected", "deactivated"] as const).map((s) => ({ value: s, label: t(`mediaRoom.status.${s}`) })),
          ]}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("mediaRoom.noMatches") : t("mediaRoom.noAccounts")}
          description={filtered ? t("common.tryOtherSearch") : t("mediaRoom.noAccountsHelp")}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((a) => (
              <AccountCard key={a.id} account={a} onApprove={() => setApproving(a)} onReject={() => setRejecting(a)} />
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => setSearch({ page: page > 1 ? page : undefined })}
          />
        </>
      )}
      {approving && <ApproveModal account={approving} onClose={() => setApproving(null)} />}
      {rejecting && <RejectModal account={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

function AccountCard({ account: a, onApprove, onReject }: { account: MediaRoomAccountView; onApprove: () => void; onReject: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const deactivate = useDeactivateAccount();

  const runDeactivate = async () => {
    const ok = await confirm({
      title: t("mediaRoom.deactivate.title"),
      message: t("mediaRoom.deactivate.message", { name: a.name }),
      confirmLabel: t("mediaRoom.actions.deactivate"),
      danger: true,
    });
    if (!ok) return;
    try {
      await deactivate.mutateAsync({ id: a.id });
      notifySuccess(t("mediaRoom.deactivate.done", { name: a.name }));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{a.name}</Text>
            <Badge color={STATUS_COLORS[a.status]} variant="light">
              {t(`mediaRoom.status.${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {a.outlet} · {t(`mediaRelations.roles.${a.role}`)} · {t("mediaRoom.pressCard")}: {a.pressCardNumber}
          </Text>
          <Text size="sm" c="dimmed">
            {a.email} · {a.phone} · {a.organizationName}
          </Text>
          <Text size="xs" c="dimmed">
            {t("mediaRoom.appliedAt", { at: formatDateTime(a.createdAt) })}
            {a.decidedAt ? ` · ${t("mediaRoom.decidedAt", { at: formatDateTime(a.decidedAt) })}` : ""}
            {a.lastLoginAt ? ` · ${t("mediaRoom.lastLogin", { at: formatDateTime(a.lastLoginAt) })}` : ""}
          </Text>
          {a.decisionReason && (
            <Text size="sm">
              {t("mediaRoom.reason")}: {a.decisionReason}
            </Text>
          )}
          {a.journalistId && (
            <Anchor component={Link} to={`/journalists/${a.journalistId}`} size="sm">
              <Group gap={4}>
                <IconUserCheck size={14} />
                {t("mediaRoom.journalistRecord")}
              </Group>
            </Anchor>
          )}
        </Stack>
        <Group gap="xs">
          {a.can.approve && <Button onClick={onApprove}>{t("mediaRoom.actions.approve")}</Button>}
          {a.can.reject && (
            <Button variant="default" onClick={onReject}>
              {t("mediaRoom.actions.reject")}
            </Button>
          )}
          {a.can.deactivate && (
            <Button color="red" variant="light" onClick={() => void runDeactivate()} loading={deactivate.isPending}>
              {t("mediaRoom.actions.deactivate")}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
