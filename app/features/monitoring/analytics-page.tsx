/**
 * Monitoring analytics: volume and tone over time, top outlets, stories and terms, share of voice
 * among agencies and a tile map of kabupaten/kota — all under the article search's filters, and
 * exportable as XLSX or PDF. Filters live in the URL so a view can be shared.
 */
import { Badge, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TONES } from "../../../common/monitoring-article-enums";
import { ExportMenu } from "../../components/export-menu";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { formatNumber } from "../../lib/format";
import { type AnalyticsView, analyticsExportUrl, useAnalytics } from "./analytics-api";
import { ArticleFilterBar } from "./article-filter-bar";
import { queryErrorPosition } from "./query-syntax";
import { VolumeChart } from "./volume-chart";

const route = getRouteApi("/_authed/monitoring/analytics");

export type AnalyticsSearch = {
  q?: string;
  from?: string;
  to?: string;
  tone?: (typeof TONES)[number];
  outlet?: string;
  organizationId?: string;
  interval?: "day" | "week" | "month";
};

export function AnalyticsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const analytics = useAnalytics(search);
  const setFilters = (patch: Partial<AnalyticsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const syntaxError = queryErrorPosition(analytics.error) !== null;

  return (
    <>
      <PageHeader
        title={t("monitoringAnalytics.title")}
        description={t("monitoringAnalytics.description")}
        actions={
          <ExportMenu
            label={t("monitoringAnalytics.export")}
            formats={[
              { label: "Excel (XLSX)", href: analyticsExportUrl("xlsx", search) },
              { label: "PDF", href: analyticsExportUrl("pdf", search) },
            ]}
          />
        }
      />
      <ArticleFilterBar filters={search} onChange={setFilters} error={analytics.error} placeholder='"Dinas Kesehatan" OR Dinkes'>
        <Select
          label={t("monitoringAnalytics.interval")}
          data={(["day", "week", "month"] as const).map((v) => ({ value: v, label: t(`monitoringAnalytics.intervals.${v}`) }))}
          value={search.interval ?? "day"}
          onChange={(v) => setFilters({ interval: v === "week" || v === "month" ? v : undefined })}
          w={130}
        />
      </ArticleFilterBar>
      {analytics.isLoading ? (
        <LoadingState />
      ) : analytics.isError && !syntaxError ? (
        <ErrorState error={analytics.error} onRetry={() => analytics.refetch()} />
      ) : analytics.data && analytics.data.total === 0 ? (
        <EmptyState title={t("monitoringAnalytics.emptyTitle")} description={t("monitoringAnalytics.emptyBody")} />
      ) : analytics.data ? (
        <AnalyticsBody view={analytics.data} search={search} />
      ) : null}
    </>
  );
}

function AnalyticsBody({ view, search }: { view: AnalyticsView; search: AnalyticsSearch }) {
  const { t } = useTranslation();
  const pct = (n: number) => (view.total ? Math.round((n / view.total) * 100) : 0);
  const maxRegion = Math.max(1, ...view.regions.map((r) => r.articles));
  const { interval: _interval, ...articleFilters } = search;
  return (
    <Stack gap="md" data-testid="analytics">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Stat label={t("monitoringAnalytics.total")} value={formatNumber(view.total, 0)} />
        {(["positive", "neutral", "negative", "unrated"] as const).map((k) => (
          <Stat key={k} label={t(`monitoringAnalytics.tones.${k}`)} value={`${formatNumber(view.tone[k], 0)} (${pct(view.tone[k])}%)`} />
        ))}
      </SimpleGrid>
      <Card withBorder radius="md">
        <Title order={4} mb="sm">
          {t("monitoringAnalytics.volume")}
        </Title>
        <VolumeChart volume={view.volume} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            {t("monitoringAnalytics.topOutlets")}
          </Title>
          <RankTable
            rows={view.topOutlets.map((o) => ({ key: o.outlet, label: o.outlet, value: o.articles, negative: o.negative }))}
            max={view.topOutlets[0]?.articles ?? 1}
          />
        </Card>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            {t("monitoringAnalytics.shareOfVoice")}
          </Title>
          <RankTable
            rows={view.shareOfVoice.map((v) => ({
              key: v.organizationId,
              label: `${v.name} (${Math.round(v.share * 1000) / 10}%)`,
              value: v.mentions,
              negative: v.negative,
            }))}
            max={view.shareOfVoice[0]?.mentions ?? 1}
          />
        </Card>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            {t("monitoringAnalytics.topStories")}
          </Title>
          {view.topStories.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("monitoringAnalytics.none")}
            </Text>
          ) : (
            <Stack gap={6}>
              {view.topStories.map((s) => (
                <Group key={s.clusterId} justify="space-between" wrap="nowrap">
                  <Text size="sm" lineClamp={2}>
                    <Link to="/monitoring/articles" search={{ ...articleFilters, clusterId: s.clusterId }}>
                      {s.title}
                    </Link>
                  </Text>
                  <Badge variant="light">{t("monitoringAnalytics.storySize", { articles: s.articles, outlets: s.outlets })}</Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder radius="md">
          <Title order={4} mb="sm">
            {t("monitoringAnalytics.topTerms")}
          </Title>
          {view.topTerms.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("monitoringAnalytics.none")}
            </Text>
          ) : (
            <Group gap={6}>
              {view.topTerms.map((term) => (
                <Badge key={term.term} variant="outline" size="lg" style={{ textTransform: "none" }}>
                  {term.term} · {term.count}
                </Badge>
              ))}
            </Group>
          )}
        </Card>
      </SimpleGrid>
      {view.regions.length > 0 && (
        <Card withBorder radius="md">
          <Title order={4}>{t("monitoringAnalytics.regions")}</Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t("monitoringAnalytics.regionsHint")}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing={6} data-testid="region-map">
            {view.regions.map((r) => (
              <Tooltip key={r.code} label={t("monitoringAnalytics.regionTip", { articles: r.articles, negative: r.negative })}>
                <Card
                  padding="xs"
                  radius="sm"
                  style={{
                    background: `color-mix(in srgb, var(--mantine-color-${r.negative > r.articles / 2 ? "red" : "blue"}-6) ${Math.round((r.articles / maxRegion) * 85)}%, var(--mantine-color-body))`,
                    border: "1px solid var(--mantine-color-default-border)",
                  }}
                >
                  <Text size="xs" fw={600} c={r.articles / maxRegion > 0.5 ? "white" : undefined} lineClamp={1}>
                    {r.name.replace(/^Kabupaten /, "Kab. ")}
                  </Text>
                  <Text size="xs" c={r.articles / maxRegion > 0.5 ? "white" : "dimmed"}>
                    {formatNumber(r.articles, 0)}
                  </Text>
                </Card>
              </Tooltip>
            ))}
          </SimpleGrid>
        </Card>
      )}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
}

function RankTable({ rows, max }: { rows: { key: string; label: string; value: number; negative: number }[]; max: number }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("monitoringAnalytics.none")}
      </Text>
    );
  return (
    <Table verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td style={{ width: "55%" }}>
              <Text size="sm" lineClamp={1}>
                {r.label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Progress.Root size="md" aria-label={r.label}>
                <Progress.Section value={((r.value - r.negative) / Math.max(1, max)) * 100} color="blue" />
                <Progress.Section value={(r.negative / Math.max(1, max)) * 100} color="red" />
              </Progress.Root>
            </Table.Td>
            <Table.Td style={{ width: 80, textAlign: "right" }}>
              <Text size="sm">{formatNumber(r.value, 0)}</Text>
              {r.negative > 0 && (
                <Text size="xs" c="red.7">
                  {t("monitoringAnalytics.negativeCount", { count: r.negative })}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
