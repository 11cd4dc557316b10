/** Adoption per assigned agency: items by status, the published ones with links and channels. */
import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../components/query-state";
import { useCampaignReport } from "./campaigns-api";

const COLUMNS = ["draft", "in_review", "approved", "scheduled", "published"] as const;

export function CampaignAdoption({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const report = useCampaignReport(campaignId);
  if (report.isLoading) return <LoadingState />;
  if (report.isError || !report.data) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const { agencies, totals } = report.data;

  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("campaigns.adoption")}</Title>
        <Text size="sm" fw={600}>
          {t("campaigns.adoptionSummary", { adopted: totals.adopted, assigned: totals.assigned, percent: totals.adoptionPercent })}
        </Text>
      </Group>
      <Progress value={totals.adoptionPercent} mb="md" aria-label={t("campaigns.adoption")} />
      {agencies.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("campaigns.noAssignments")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("campaigns.agency")}</Table.Th>
                {COLUMNS.map((s) => (
                  <Table.Th key={s} ta="right">
                    {t(`campaigns.statuses.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t("campaigns.publishedItems")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agencies.map((a) => (
                <Table.Tr key={a.organization.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{a.organization.name}</Text>
                      <Badge size="xs" color={a.adopted ? "teal" : "gray"} variant="light">
                        {a.adopted ? t("campaigns.adopted") : t("campaigns.notAdopted")}
                      </Badge>
                    </Group>
                  </Table.Td>
                  {COLUMNS.map((s) => (
                    <Table.Td key={s} ta="right">
                      {a.byStatus[s] ?? 0}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Stack gap={4}>
                      {a.published.map((item) => (
                        <Stack key={item.id} gap={0}>
                          <Anchor component={Link} to={`/content/${item.id}`} size="sm">
                            {item.title}
                          </Anchor>
                          <Group gap={6}>
                            <Anchor href={item.publicUrl} target="_blank" rel="noopener" size="xs">
                              {t("campaigns.publicLink")}
                            </Anchor>
                            {item.publications.map((p) =>
                              p.url ? (
                                <Anchor key={`${p.platform}-${p.url}`} href={p.url} target="_blank" rel="noopener" size="xs">
                                  {p.platform} · {p.channelName}
                                </Anchor>
                              ) : (
                                <Text key={`${p.platform}-${p.channelName}`} size="xs" c="dimmed">
                                  {p.platform} · {p.channelName}
                                </Text>
                              ),
                            )}
                          </Group>
                        </Stack>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
