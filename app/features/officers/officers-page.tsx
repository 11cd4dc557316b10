/** Pranata Humas registry: search, filters, sort and pages kept in the URL; create drawer. */
import { Button, Group, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload, IconFileImport, IconUserPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { allowed } from "../../lib/format";
import { type OfficerDrawerState, OfficerFormDrawer } from "./officer-form-drawer";
import { OfficerImportModal } from "./officer-import-modal";
import { OFFICERS_PAGE_SIZE, type OfficerFilters, officerExportUrl, useOfficers } from "./officers-api";
import { OfficersFilters } from "./officers-filters";
import { OfficersTable } from "./officers-table";

const route = getRouteApi("/_authed/officers");

export function OfficersPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [drawer, setDrawer] = useState<OfficerDrawerState>(null);
  const [importing, setImporting] = useState(false);
  const list = useOfficers(search);

  // Any filter change starts again from page 1.
  const setFilters = (patch: Partial<OfficerFilters>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const filtered = !!(search.q || search.organizationId || search.jenjang || search.active);
  const canCreate = allowed(list.data?.can, "create");

  return (
    <>
      <PageHeader
        title={t("officers.title")}
        description={t("officers.description")}
        actions={
          <Group gap="xs">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="light" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
                  {t("officers.export.button")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(["xlsx", "csv"] as const).map((format) => (
                  <Menu.Item key={format} component="a" href={officerExportUrl(format, search)} download>
                    {t(`officers.export.${format}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {canCreate && (
              <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                {t("officers.import.button")}
              </Button>
            )}
            {canCreate && (
              <Button
                leftSection={<IconUserPlus size={16} />}
                onClick={() => setDrawer({ mode: "create", organizationId: search.organizationId ?? null })}
              >
                {t("officers.create")}
              </Button>
            )}
          </Group>
        }
      />
      <OfficersFilters filters={search} onChange={setFilters} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data || list.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("officers.noMatches") : t("officers.empty")}
          description={filtered ? t("common.tryOtherSearch") : canCreate ? t("officers.emptyHelp") : undefined}
        />
      ) : (
        <>
          <OfficersTable officers={list.data.items} />
          <ListPagination
            page={list.data.page}
            pageSize={list.data.pageSize || OFFICERS_PAGE_SIZE}
            total={list.data.total}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      <OfficerFormDrawer state={drawer} onClose={() => setDrawer(null)} />
      <OfficerImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
