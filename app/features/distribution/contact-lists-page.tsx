/** "Daftar kontak": static and dynamic contact lists for release distribution. */
import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Text, Tooltip } from "@mantine/core";
import { IconFilter, IconPencil, IconPlus, IconSettings, IconTrash, IconUsers } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CONTACT_LIST_KINDS, type ContactListKind } from "../../../common/distribution-enums";
import { useConfirm } from "../../components/confirm-provider";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { hasAbility, useSession } from "../auth/session";
import { ContactListFormModal } from "./contact-list-form-modal";
import { type ContactListView, PAGE_SIZE, useContactLists, useDeleteList } from "./distribution-api";
import { DistributionSettingsModal } from "./distribution-settings-modal";

const route = getRouteApi("/_authed/contact-lists");
export type ContactListsSearch = { q?: string; kind?: ContactListKind; page?: number };

export function ContactListsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [editing, setEditing] = useState<ContactListView | "new" | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const canManage = hasAbility(session, "mediaRelations.manage");
  const list = useContactLists(search);
  const remove = useDeleteList();
  const confirm = useConfirm();
  const setFilters = (patch: Partial<ContactListsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const filtered = !!(search.q || search.kind);

  const onDelete = async (l: ContactListView) => {
    const ok = await confirm({
      title: t("distribution.lists.deleteTitle"),
      message: t("distribution.lists.deleteMessage", { name: l.name }),
      confirmLabel: t("distribution.lists.delete"),
    });
    if (!ok) return;
    remove.mutate(l.id, { onSuccess: () => notifySuccess(t("distribution.lists.deleted")), onError: (e) => handleApiError(e) });
  };

  return (
    <>
      <PageHeader
        title={t("distribution.lists.title")}
        description={t("distribution.lists.description")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/journalists">
              {t("mediaRelations.journalistsTitle")}
            </Button>
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
              {t("distribution.settings.title")}
            </Button>
            {canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
                {t("distribution.lists.add")}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("distribution.lists.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("distribution.lists.kind")}
          data={CONTACT_LIST_KINDS.map((v) => ({ value: v, label: t(`distribution.kinds.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as ContactListKind) ?? undefined })}
          w={180}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("distribution.lists.noMatches") : t("distribution.lists.empty")}
          description={filtered ? t("common.tryOtherSearch") : t("distribution.lists.emptyHint")}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((l) => (
              <Card key={l.id} withBorder radius="md" padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    {l.kind === "static" ? (
                      <IconUsers size={22} stroke={1.5} aria-hidden />
                    ) : (
                      <IconFilter size={22} stroke={1.5} aria-hidden />
                    )}
                    <Stack gap={2}>
                      <Text fw={600}>{l.name}</Text>
                      <Text size="sm" c="dimmed">
                        {l.organizationName}
                        {l.description ? ` · ${l.description}` : ""}
                      </Text>
                    </Stack>
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light">{t(`distribution.kinds.${l.kind}`)}</Badge>
                    <Badge variant="light" color="teal">
                      {t("distribution.lists.recipients", { count: l.eligible })}
                    </Badge>
                    {l.can.manage && (
                      <>
                        <Tooltip label={t("distribution.lists.edit")}>
                          <ActionIcon variant="subtle" aria-label={t("distribution.lists.edit")} onClick={() => setEditing(l)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t("distribution.lists.delete")}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("distribution.lists.delete")}
                            onClick={() => void onDelete(l)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </>
                    )}
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {settingsOpen && <DistributionSettingsModal onClose={() => setSettingsOpen(false)} />}
      {editing && <ContactListFormModal list={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
