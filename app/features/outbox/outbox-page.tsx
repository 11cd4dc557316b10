/** Outbox: every email the platform produced, searchable; a drawer shows the body. */
import { Badge, Table, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { formatDateTime } from "../../lib/format";
import { EmailDrawer, STATUS_COLORS } from "./email-drawer";
import { type EmailView, OUTBOX_PAGE_SIZE, useOutbox } from "./outbox-api";

const route = getRouteApi("/_authed/outbox");

export function OutboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const outbox = useOutbox(search);
  const [query, setQuery] = useState(search.q ?? "");
  const [selected, setSelected] = useState<EmailView | null>(null);
  const commit = useDebouncedCallback(
    (q: string) => void navigate({ search: { q: q.trim() || undefined, page: undefined }, replace: true }),
    300,
  );

  return (
    <>
      <PageHeader
        title={t("outbox.title")}
        description={t("outbox.description")}
        actions={
          outbox.data && (
            <Badge variant="outline" size="lg">
              {t("outbox.transport")}: {outbox.data.transport.toUpperCase()}
            </Badge>
          )
        }
      />
      <TextInput
        label={t("outbox.search")}
        leftSection={<IconSearch size={16} />}
        value={query}
        maxLength={100}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
        mb="md"
        maw={420}
      />
      {outbox.isLoading ? (
        <LoadingState />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : !outbox.data || outbox.data.items.length === 0 ? (
        <EmptyState title={search.q ? t("outbox.noMatches") : t("outbox.empty")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={680} type="native">
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("outbox.subject")}</Table.Th>
                  <Table.Th>{t("outbox.to")}</Table.Th>
                  <Table.Th>{t("outbox.statusLabel")}</Table.Th>
                  <Table.Th>{t("outbox.createdAt")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((email) => (
                  <Table.Tr key={email.id} data-testid="email-row">
                    <Table.Td>
                      {/* A real button so the row opens by keyboard too. */}
                      <UnstyledButton onClick={() => setSelected(email)}>
                        <Text size="sm" fw={500} c="indigo.7">
                          {email.subject}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>{email.to}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[email.status]} variant="light">
                        {t(`outbox.status.${email.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(email.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination
            page={outbox.data.page}
            pageSize={outbox.data.pageSize || OUTBOX_PAGE_SIZE}
            total={outbox.data.total}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      <EmailDrawer email={selected} onClose={() => setSelected(null)} />
    </>
  );
}
