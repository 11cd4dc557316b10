/**
 * "Artikel": search of monitored articles with the Boolean syntax (help + the error's position),
 * filters, tone badges per mentioned organization, "n outlet lain" for copies and stories, the
 * article drawer and the export of the current search.
 */
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ARTICLE_KINDS, type TONES } from "../../../common/monitoring-article-enums";
import { ExportMenu } from "../../components/export-menu";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { ArticleDrawer } from "./article-drawer";
import { ArticleFilterBar } from "./article-filter-bar";
import { type ArticleSummary, articleExportUrl, useArticles } from "./monitoring-articles-api";
import { queryErrorPosition } from "./query-syntax";
import { ToneBadge } from "./tone-badge";

const route = getRouteApi("/_authed/monitoring/articles");
export type ArticlesSearch = {
  q?: string;
  from?: string;
  to?: string;
  tone?: (typeof TONES)[number];
  kind?: (typeof ARTICLE_KINDS)[number];
  outlet?: string;
  organizationId?: string;
  clusterId?: string;
  nearDupGroupId?: string;
  sourceId?: string;
  sort?: "date" | "relevance";
  article?: string;
};

export function ArticlesPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { article: openId, ...filters } = search;
  const list = useArticles(filters);
  const setFilters = (patch: Partial<ArticlesSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const syntaxError = queryErrorPosition(list.error) !== null;
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        title={t("monitoringArticles.title")}
        description={t("monitoringArticles.description")}
        actions={
          <ExportMenu
            label={t("monitoringArticles.export")}
            formats={[
              { label: "Excel (XLSX)", href: articleExportUrl("xlsx", filters) },
              { label: "CSV", href: articleExportUrl("csv", filters) },
            ]}
          />
        }
      />
      <ArticleFilterBar
        filters={search}
        onChange={setFilters}
        error={list.error}
        placeholder='("Dinas Kesehatan" OR Dinkes) AND (vaksin* OR imunisasi) NOT hoaks'
      >
        <Select
          label={t("monitoringArticles.kind")}
          data={ARTICLE_KINDS.map((v) => ({ value: v, label: t(`monitoringArticles.kinds.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as ArticlesSearch["kind"]) ?? undefined })}
          w={150}
        />
        <Select
          label={t("monitoringArticles.sort")}
          data={[
            { value: "date", label: t("monitoringArticles.sortDate") },
            { value: "relevance", label: t("monitoringArticles.sortRelevance") },
          ]}
          value={search.sort ?? "date"}
          onChange={(v) => setFilters({ sort: v === "relevance" ? "relevance" : undefined })}
          w={140}
        />
      </ArticleFilterBar>
      {(search.clusterId || search.nearDupGroupId || search.sourceId) && (
        <Group mb="sm" gap="xs">
          <Badge variant="light">
            {search.clusterId
              ? t("monitoringArticles.filteredStory")
              : search.nearDupGroupId
                ? t("monitoringArticles.filteredCopies")
                : t("monitoringArticles.filteredSource")}
          </Badge>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setFilters({ clusterId: undefined, nearDupGroupId: undefined, sourceId: undefined })}
          >
            {t("monitoringArticles.clearGroup")}
          </Button>
        </Group>
      )}
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError && !syntaxError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("monitoringArticles.noMatches") : t("monitoringArticles.noArticles")}
          description={filtered ? t("common.tryOtherSearch") : t("monitoringArticles.noArticlesHint")}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((a) => (
              <ArticleCard
                key={a.id}
                article={a}
                date={date(a.publishedAt)}
                onOpen={() => setFilters({ article: a.id })}
                onCopies={() => setFilters({ nearDupGroupId: a.nearDupGroupId ?? undefined, clusterId: undefined })}
                onStory={() => setFilters({ clusterId: a.clusterId ?? undefined, nearDupGroupId: undefined })}
              />
            ))}
          </Stack>
          {list.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("monitoringArticles.loadMore")}
              </Button>
            </Group>
          )}
        </>
      )}
      <ArticleDrawer id={openId ?? null} onClose={() => setFilters({ article: undefined })} />
    </>
  );
}

function ArticleCard(props: { article: ArticleSummary; date: string; onOpen: () => void; onCopies: () => void; onStory: () => void }) {
  const { t } = useTranslation();
  const a = props.article;
  return (
    <Card withBorder radius="md" padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component="button" type="button" fw={600} ta="left" onClick={props.onOpen}>
            {a.title}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {props.date}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {[a.outletName, t(`monitoringArticles.kinds.${a.kind}`)].filter(Boolean).join(" · ")}
        </Text>
        {a.lead && (
          <Text size="sm" lineClamp={2}>
            {a.lead}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          {a.mentions.map((m) => (
            <ToneBadge key={m.watchlistId} tone={m.tone} corrected={m.corrected} label={m.organizationName} />
          ))}
          {a.nearDupCount > 0 && (
            <Button size="compact-xs" variant="light" onClick={props.onCopies}>
              {t("monitoringArticles.otherOutlets", { count: a.nearDupCount })}
            </Button>
          )}
          {a.clusterOutletCount > 1 && (
            <Button size="compact-xs" variant="subtle" onClick={props.onStory}>
              {t("monitoringArticles.storyOutlets", { count: a.clusterOutletCount })}
            </Button>
          )}
          {a.hoaxClarificationId && (
            <Badge color="orange" size="sm">
              {t("monitoringArticles.hoaxMatch")}
            </Badge>
          )}
          {a.hoaxScore !== null && a.hoaxScore >= 0.7 && !a.hoaxClarificationId && (
            <Badge color="yellow" variant="light" size="sm">
              {t("monitoringArticles.hoaxLike", { score: Math.round(a.hoaxScore * 100) })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
