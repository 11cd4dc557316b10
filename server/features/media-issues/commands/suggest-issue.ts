import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { alertEvents, articles, organizations, storyClusters } from "../../../db/schema";
import { fieldError, notFound } from "../../../http/errors";
import type { Actor } from "../../../policies/core";
import { inScope } from "../../organizations/organization-queries";
import { ISSUE_READERS } from "../media-issues.policy";

export interface IssueSourceRef {
  articleId?: string;
  clusterId?: string;
  alertId?: string;
}

/**
 * What an issue opened from an article, a cluster or an alert starts with: its title, the
 * articles behind it and the responsible organization suggested from their mentions — the most
 * mentioned organization the actor reaches (ties go to the more specific one, deeper in the tree).
 */
export async function suggestIssue(tx: Executor, actor: Actor, ref: IssueSourceRef) {
  let title = "";
  let summary = "";
  let url: string | null = null;
  let articleIds: string[] = [];
  let clusterId = ref.clusterId ?? null;
  let articleId = ref.articleId ?? null;
  if (ref.alertId) {
    const [alert] = await tx
      .select({ e: alertEvents })
      .from(alertEvents)
      .innerJoin(organizations, eq(organizations.id, alertEvents.organizationId))
      .where(and(eq(alertEvents.id, ref.alertId), inScope(actor, ISSUE_READERS)));
    if (!alert) throw fieldError("source.alertId", "issue_source_missing", {}, 404);
    title = alert.e.title;
    summary = alert.e.summary;
    url = alert.e.url;
    clusterId ??= alert.e.clusterId;
    articleId ??= alert.e.articleId;
    for (const story of alert.e.explanation?.stories ?? []) articleIds.push(story.articleId);
  }
  // Articles belong to the owner of their source; the actor must reach that owner.
  const visibleArticles = (where: ReturnType<typeof eq>) =>
    tx
      .select({ id: articles.id, title: articles.title, lead: articles.lead, url: articles.url, clusterId: articles.clusterId })
      .from(articles)
      .innerJoin(organizations, eq(organizations.id, articles.organizationId))
      .where(and(where, inScope(actor, ISSUE_READERS)))
      .limit(200);
  if (articleId) {
    const [a] = await visibleArticles(eq(articles.id, articleId));
    if (!a) {
      if (!ref.alertId) throw fieldError("source.articleId", "issue_source_missing", {}, 404);
    } else {
      title ||= a.title;
      summary ||= a.lead;
      url ??= a.url;
      articleIds.push(a.id);
      clusterId ??= a.clusterId;
    }
  }
  if (clusterId) {
    const found = await visibleArticles(eq(articles.clusterId, clusterId));
    if (found.length === 0 && ref.clusterId) throw fieldError("source.clusterId", "issue_source_missing", {}, 404);
    const [cluster] = await tx.select({ title: storyClusters.title }).from(storyClusters).where(eq(storyClusters.id, clusterId));
    title ||= cluster?.title ?? found[0]?.title ?? "";
    url ??= found[0]?.url ?? null;
    articleIds.push(...found.map((a) => a.id));
  }
  articleIds = [...new Set(articleIds)];
  if (articleIds.length === 0 && !ref.alertId) throw notFound();
  const counts = articleIds.length
    ? ((await tx.execute(sql`
        select o.id as "organizationId", o.name, o.depth, sum(greatest(m.mention_count, 1))::int as mentions
          from article_mentions m join organizations o on o.id = m.mentioned_organization_id
         where m.article_id in (${sql.join(
           articleIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         group by o.id, o.name, o.depth
         order by mentions desc, o.depth desc, o.name`)) as unknown as {
        rows: { organizationId: string; name: string; depth: number; mentions: number }[];
      })
    : { rows: [] };
  const reachable = counts.rows.length
    ? new Set(
        (
          await tx
            .select({ id: organizations.id })
            .from(organizations)
            .where(
              and(
                inArray(
                  organizations.id,
                  counts.rows.map((r) => r.organizationId),
                ),
                inScope(actor, ISSUE_READERS),
              ),
            )
        ).map((o) => o.id),
      )
    : new Set<string>();
  const mentionCounts = counts.rows
    .filter((r) => reachable.has(r.organizationId))
    .map((r) => ({ organizationId: r.organizationId, name: r.name, mentions: Number(r.mentions) }));
  const top = mentionCounts[0] ?? null;
  return {
    title: title.slice(0, 300),
    summary: summary.slice(0, 5000),
    url,
    articleIds,
    clusterId,
    articleId,
    suggestedOrganizationId: top?.organizationId ?? null,
    suggestedOrganizationName: top?.name ?? null,
    mentionCounts,
  };
}
