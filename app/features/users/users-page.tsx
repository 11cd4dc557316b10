/** User list: search, filters, sorting and pagination kept in the URL; invite modal. */
import { Button } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { allowed } from "../../lib/format";
import { InviteUserModal } from "./invite-user-modal";
import { USERS_PAGE_SIZE, type UserFilters, useUsers } from "./users-api";
import { UsersFilters } from "./users-filters";
import { UsersTable } from "./users-table";

const route = getRouteApi("/_authed/users");

export function UsersPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [inviting, setInviting] = useState(false);
  const list = useUsers(search);

  // Any filter change starts again from page 1.
  const setFilters = (patch: Partial<UserFilters>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const filtered = !!(search.q || search.organizationId || search.role || search.status);

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          allowed(list.data?.can, "invite") && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
              {t("users.invite")}
            </Button>
          )
        }
      />
      <UsersFilters filters={search} onChange={setFilters} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data || list.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("users.noMatches") : t("users.empty")}
          description={filtered ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <>
          <UsersTable
            users={list.data.items}
            sort={search.sort ?? "name"}
            onSort={(sort) => void navigate({ search: (prev) => ({ ...prev, sort, page: undefined }) })}
          />
          <ListPagination
            page={list.data.page}
            pageSize={list.data.pageSize || USERS_PAGE_SIZE}
            total={list.data.total}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
