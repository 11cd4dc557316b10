/** Who viewed embargoed material in the media room: journalist, outlet, what, when, from where. */
import { Badge, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { formatDateTime } from "../../lib/format";
import { PAGE_SIZE, useEmbargoViews } from "./media-room-api";

export function EmbargoLog({
  contentId,
  page,
  onPage,
  showContent = true,
}: {
  contentId?: string;
  page: number;
  onPage: (page: number) => void;
  showContent?: boolean;
}) {
  const { t } = useTranslation();
  const list = useEmbargoViews({ contentId, page });
  if (list.isLoading) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return <EmptyState title={t("mediaRoom.log.empty")} description={t("mediaRoom.log.emptyHelp")} />;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mediaRoom.log.viewedAt")}</Table.Th>
              <Table.Th>{t("mediaRoom.log.journalist")}</Table.Th>
              {showContent && <Table.Th>{t("mediaRoom.log.content")}</Table.Th>}
              <Table.Th>{t("mediaRoom.log.what")}</Table.Th>
              <Table.Th>{t("mediaRoom.log.embargoUntil")}</Table.Th>
              <Table.Th>{t("mediaRoom.log.ip")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{formatDateTime(row.viewedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{row.journalistName}</Text>
                  <Text size="xs" c="dimmed">
                    {row.outlet}
                  </Text>
                </Table.Td>
                {showContent && (
                  <Table.Td>
                    <Link to="/content/$contentId" params={{ contentId: row.contentId }}>
                      {row.contentTitle}
                    </Link>
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge variant="light">{t(`mediaRoom.log.whatLabels.${row.what}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(row.embargoUntil)}</Table.Td>
                <Table.Td>{row.ip ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPagination page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={onPage} />
    </>
  );
}
