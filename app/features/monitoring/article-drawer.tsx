/** One article: its text, the organizations it mentions with the tone toward each, correction, copies. */
import { Anchor, Badge, Divider, Drawer, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { TONES } from "../../../common/monitoring-article-enums";
import { ErrorState, LoadingState } from "../../components/query-state";
import { type ArticleView, type Tone, useArticle, useCorrectTone } from "./monitoring-articles-api";
import { ToneBadge } from "./tone-badge";

export function ArticleDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const article = useArticle(id);
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="xl" title={t("monitoringArticles.article")}>
      {article.isLoading ? (
        <LoadingState />
      ) : article.isError ? (
        <ErrorState error={article.error} onRetry={() => void article.refetch()} />
      ) : article.data ? (
        <ArticleBody article={article.data} />
      ) : null}
    </Drawer>
  );
}

function ArticleBody({ article: a }: { article: ArticleView }) {
  const { t, i18n } = useTranslation();
  const correct = useCorrectTone(a.id);
  const date = new Date(a.publishedAt).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID", {
    dateStyle: "long",
    timeStyle: "short",
  });
  const setTone = (watchlistId: string, tone: Tone) =>
    correct.mutate(
      { watchlistId, tone },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("monitoringArticles.toneSaved") }),
        onError: (err) => notifications.show({ color: "red", title: t("errors.title"), message: err.message }),
      },
    );
  return (
    <Stack gap="sm">
      <Title order={3}>{a.title}</Title>
      <Text size="sm" c="dimmed">
        {[a.outletName, a.section, a.author, date, t(`monitoringArticles.kinds.${a.kind}`), a.language?.toUpperCase()]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      <Anchor href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
        {t("monitoringArticles.openOriginal")}
      </Anchor>
      {a.hoaxClarificationId && <Badge color="orange">{t("monitoringArticles.hoaxMatch")}</Badge>}
      {a.hoaxScore !== null && (
        <Text size="xs" c="dimmed">
          {t("monitoringArticles.hoaxScore", { score: Math.round(a.hoaxScore * 100) })}
        </Text>
      )}
      <Divider label={t("monitoringArticles.mentions")} labelPosition="left" />
      {a.mentions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("monitoringArticles.noMentions")}
        </Text>
      ) : (
        a.mentions.map((m) => (
          <Paper key={m.watchlistId} withBorder p="sm" radius="md">
            <Group justify="space-between" mb={4}>
              <Text fw={600} size="sm">
                {m.organizationName} · {m.watchlistName}
              </Text>
              <ToneBadge tone={m.tone} corrected={m.corrected} />
            </Group>
            <Text size="sm" fs="italic" mb="xs">
              “{m.snippet}”
            </Text>
            <Text size="xs" c="dimmed">
              {t("monitoringArticles.modelScores", {
                positive: Math.round(m.scores.positive * 100),
                neutral: Math.round(m.scores.neutral * 100),
                negative: Math.round(m.scores.negative * 100),
              })}
              {m.corrected ? ` · ${t("monitoringArticles.modelSaid", { tone: t(`monitoringArticles.tones.${m.modelTone}`) })}` : ""}
            </Text>
            {m.can.correctTone && (
              <Group mt="xs" gap="xs">
                <Text size="xs">{t("monitoringArticles.correctTone")}</Text>
                <SegmentedControl
                  size="xs"
                  value={m.tone}
                  disabled={correct.isPending}
                  data={TONES.map((v) => ({ value: v, label: t(`monitoringArticles.tones.${v}`) }))}
                  onChange={(v) => v !== m.tone && setTone(m.watchlistId, v as Tone)}
                />
              </Group>
            )}
          </Paper>
        ))
      )}
      <Divider label={t("monitoringArticles.text")} labelPosition="left" />
      {[a.lead, ...a.body.split(/\n\n+/)].filter(Boolean).map((p, i) => (
        // Paragraph order never changes for one article: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: static paragraphs
        <Text key={i} size="sm">
          {p}
        </Text>
      ))}
      {a.nearDuplicates.length > 0 && (
        <>
          <Divider label={t("monitoringArticles.copies", { count: a.nearDuplicates.length })} labelPosition="left" />
          {a.nearDuplicates.map((c) => (
            <Text key={c.id} size="sm">
              <Anchor href={c.url} target="_blank" rel="noopener noreferrer">
                {c.outletName ?? c.url}
              </Anchor>{" "}
              — {c.title}
            </Text>
          ))}
        </>
      )}
    </Stack>
  );
}
