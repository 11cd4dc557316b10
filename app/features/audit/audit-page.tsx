/** Audit log: filters in the URL, expandable rows, pagination, CSV export of the same filters. */
import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { hasAbility, useSession } from "../auth/session";
import { AUDIT_PAGE_SIZE, auditExportUrl, type AuditFilters as Filters, useAudit } from "./audit-api";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

const route = getRouteApi("/_authed/audit");

export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const audit = useAudit(search);
  const setFilters = (patch: Partial<Filters>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const filtered = !!(search.userId || search.organizationId || search.entityType || search.from || search.to);

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <Button component="a" href={auditExportUrl(search)} download variant="light" leftSection={<IconDownload size={16} />}>
            {t("audit.exportCsv")}
          </Button>
        }
      />
      <AuditFilters filters={search} onChange={setFilters} canPickUser={hasAbility(session, "users.read")} />
      {audit.isLoading ? (
        <LoadingState />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : !audit.data || audit.data.items.length === 0 ? (
        <EmptyState title={filtered ? t("audit.noMatches") : t("audit.empty")} />
      ) : (
        <>
          <AuditTable entries={audit.data.items} />
          <ListPagination
            page={audit.data.page}
            pageSize={audit.data.pageSize || AUDIT_PAGE_SIZE}
            total={audit.data.total}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
    </>
  );
}
