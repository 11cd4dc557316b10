/** Organization tree: search, expand/collapse, create, edit/move, (de)activate, logo. */
import { Button, Group, Switch, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import { type OrgDrawerState, OrgFormDrawer } from "./org-form-drawer";
import { OrgTree } from "./org-tree";
import { type OrganizationView, useOrganizations, useSetOrganizationActive } from "./organizations-api";
import { childCounts, initialCollapsed, visibleItems } from "./tree-utils";

const route = getRouteApi("/_authed/organizations");

export function OrganizationsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const confirm = useConfirm();
  const list = useOrganizations({ q: search.q, includeInactive: search.inactive });
  const setActive = useSetOrganizationActive();
  const [drawer, setDrawer] = useState<OrgDrawerState>(null);
  const [collapsed, setCollapsed] = useState<Set<string> | null>(null);
  const [logoVersion, setLogoVersion] = useState(0);
  const [query, setQuery] = useState(search.q ?? "");

  const items = list.data?.items ?? [];
  useEffect(() => {
    if (collapsed === null && list.data) setCollapsed(initialCollapsed(list.data.items));
  }, [collapsed, list.data]);

  // While searching, show every match with its path; collapsing is for browsing.
  const effectiveCollapsed = useMemo(() => (search.q ? new Set<string>() : (collapsed ?? new Set<string>())), [search.q, collapsed]);
  const counts = useMemo(() => childCounts(items), [items]);
  const rows = useMemo(() => visibleItems(items, effectiveCollapsed), [items, effectiveCollapsed]);

  const updateSearch = useDebouncedCallback((q: string) => {
    void navigate({ search: (prev) => ({ ...prev, q: q.trim() || undefined }), replace: true });
  }, 300);

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev ?? []);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const createChild = (parent: OrganizationView) => {
    setCollapsed((prev) => {
      const next = new Set(prev ?? []);
      next.delete(parent.id); // show the new child once it exists
      return next;
    });
    setDrawer({ mode: "create", parentId: parent.id });
  };

  const toggleActive = async (org: OrganizationView) => {
    const ok = await confirm({
      title: org.active ? t("organizations.deactivateTitle") : t("organizations.reactivateTitle"),
      message: t(org.active ? "organizations.deactivateBody" : "organizations.reactivateBody", { name: org.name }),
      confirmLabel: org.active ? t("organizations.deactivate") : t("organizations.reactivate"),
      danger: org.active,
    });
    if (!ok) return;
    setActive.mutate(
      { id: org.id, active: !org.active },
      {
        onSuccess: () => notifySuccess(org.active ? t("organizations.deactivated") : t("organizations.reactivated")),
        onError: (error) => handleApiError(error),
      },
    );
  };

  const firstParent = items.find((o) => o.active && allowed(o.can, "createChild"));
  const canCreate = allowed(list.data?.can, "create") || !!firstParent;

  return (
    <>
      <PageHeader
        title={t("organizations.title")}
        description={t("organizations.description")}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDrawer({ mode: "create", parentId: firstParent?.id ?? null })}>
              {t("organizations.create")}
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end" gap="md">
        <TextInput
          label={t("organizations.search")}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            updateSearch(e.currentTarget.value);
          }}
          style={{ flex: "1 1 220px" }}
          maxLength={100}
        />
        <Switch
          label={t("organizations.showInactive")}
          checked={!!search.inactive}
          onChange={(e) => void navigate({ search: (prev) => ({ ...prev, inactive: e.currentTarget.checked || undefined }) })}
          mb={8}
        />
        {!search.q && items.length > 0 && (
          <Group gap="xs">
            <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
              {t("organizations.expandAll")}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set(counts.keys()))}>
              {t("organizations.collapseAll")}
            </Button>
          </Group>
        )}
      </Group>

      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={search.q ? t("organizations.noMatches") : t("organizations.empty")}
          description={search.q ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <OrgTree
          items={rows}
          childCount={counts}
          collapsed={effectiveCollapsed}
          onToggle={toggle}
          logoVersion={logoVersion}
          onEdit={(org) => setDrawer({ mode: "edit", org })}
          onCreateChild={createChild}
          onToggleActive={(org) => void toggleActive(org)}
        />
      )}

      <OrgFormDrawer state={drawer} allItems={items} onClose={() => setDrawer(null)} onLogoChanged={() => setLogoVersion(Date.now())} />
    </>
  );
}
