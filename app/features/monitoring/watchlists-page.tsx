/** "Watchlist": what each organization watches for in the news, with an editor that checks and previews. */
import { ActionIcon, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconEdit, IconEye, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { useDeleteWatchlist, useWatchlists, type WatchlistView } from "./monitoring-articles-api";
import { WatchlistEditor } from "./watchlist-editor";

export function WatchlistsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const confirm = useConfirm();
  const [q, setQ] = useState<string | undefined>();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [editing, setEditing] = useState<WatchlistView | "new" | null>(null);
  const list = useWatchlists({ q, organizationId });
  const remove = useDeleteWatchlist();
  const items = list.data?.items ?? [];
  const canCreate = hasAbility(session, "watchlists.manage");

  const onDelete = async (w: WatchlistView) => {
    const ok = await confirm({
      title: t("watchlists.deleteTitle"),
      message: t("watchlists.deleteMessage", { name: w.name }),
      confirmLabel: t("watchlists.delete"),
      danger: true,
    });
    if (!ok) return;
    remove.mutate(w.id, {
      onSuccess: () => notifications.show({ color: "green", message: t("watchlists.deleted") }),
      onError: (err) => notifications.show({ color: "red", title: t("errors.title"), message: err.message }),
    });
  };

  return (
    <>
      <PageHeader
        title={t("watchlists.title")}
        description={t("watchlists.description")}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
              {t("watchlists.add")}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="sm">
        <SearchInput label={t("watchlists.search")} value={q} onSearch={setQ} />
        <OrganizationSelect
          label={t("watchlists.organization")}
          placeholder={t("common.all")}
          value={organizationId}
          onChange={setOrganizationId}
          w={280}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={q || organizationId ? t("watchlists.noMatches") : t("watchlists.empty")}
          description={q || organizationId ? t("common.tryOtherSearch") : t("watchlists.emptyHint")}
        />
      ) : (
        <Stack gap="xs">
          {items.map((w) => (
            <Card key={w.id} withBorder radius="md" padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{w.name}</Text>
                    {!w.enabled && (
                      <Badge color="gray" size="sm">
                        {t("watchlists.disabled")}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {w.organizationName} · {t("watchlists.mentions7d", { count: w.mentions7d })}
                  </Text>
                  <Text size="xs" ff="monospace" lineClamp={2}>
                    {w.compiledQuery}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={w.can.manage ? t("watchlists.edit") : t("watchlists.view")}
                    onClick={() => setEditing(w)}
                  >
                    {w.can.manage ? <IconEdit size={18} /> : <IconEye size={18} />}
                  </ActionIcon>
                  {w.can.manage && (
                    <ActionIcon variant="subtle" color="red" aria-label={t("watchlists.delete")} onClick={() => void onDelete(w)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {editing && <WatchlistEditor watchlist={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
