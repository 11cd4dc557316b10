/** Release pickup: the outlets that ran this press release, found by media monitoring. */
import { Anchor, Badge, Group, Progress, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { TimeZoneCode } from "../../../common/roles";
import type { releasePickupList } from "../../../common/schemas/release-pickups";
import { api } from "../../api/client";
import { ErrorState, LoadingState } from "../../components/query-state";
import { formatZoned } from "../../lib/format-date";

type PickupList = z.infer<typeof releasePickupList>;

export function useReleasePickups(contentId: string) {
  return useQuery({
    queryKey: ["content", contentId, "pickups"],
    queryFn: () => api<PickupList>(`/content/${contentId}/pickups`),
  });
}

export function ReleasePickupsPanel({ contentId, zone }: { contentId: string; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const query = useReleasePickups(contentId);
  if (query.isLoading) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return data.items.length === 0 ? (
    <Text size="sm" c="dimmed">
      {t("content.pickups.none")}
    </Text>
  ) : (
    <>
      <Text size="sm" mb="sm" data-testid="pickup-summary">
        {t("content.pickups.summary", {
          outlets: data.outlets,
          first: data.firstAt ? formatZoned(data.firstAt, zone) : "",
        })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("content.pickups.outlet")}</Table.Th>
              <Table.Th>{t("content.pickups.article")}</Table.Th>
              <Table.Th>{t("content.pickups.publishedAt")}</Table.Th>
              <Table.Th>{t("content.pickups.used")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((p) => (
              <Table.Tr key={p.id} data-testid="pickup">
                <Table.Td>{p.outletName ?? new URL(p.articleUrl).hostname}</Table.Td>
                <Table.Td>
                  <Anchor href={p.articleUrl} target="_blank" rel="noopener noreferrer" size="sm">
                    {p.articleTitle}
                  </Anchor>
                  {p.beforeRelease && (
                    <Group mt={4}>
                      <Badge color="red" variant="light" title={t("content.pickups.beforeReleaseHint")}>
                        {t("content.pickups.beforeRelease")}
                      </Badge>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{formatZoned(p.publishedAt, zone)}</Table.Td>
                <Table.Td style={{ minWidth: 120 }}>
                  <Text size="xs">{Math.round(p.containment * 100)}%</Text>
                  <Progress value={p.containment * 100} size="sm" aria-label={t("content.pickups.used")} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
