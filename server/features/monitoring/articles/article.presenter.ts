import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { articleSummary, mentionView } from "../../../../common/schemas/monitoring-articles";
import type { Executor } from "../../../db/client";
import type { Actor } from "../../../policies/core";
import type { Tone } from "../tone/tone-model";
import { uuidArray } from "./article-scope";
import type { ArticleRow } from "./article-search";
import { articlePolicy } from "./monitoring-articles.policy";

type Summary = z.infer<typeof articleSummary>;
type Mention = z.infer<typeof mentionView>;

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

interface MentionRow {
  article_id: string;
  watchlist_id: string;
  watchlist_name: string;
  organization_id: string;
  organization_name: string;
  path: string;
  tone: Tone;
  corrected_tone: Tone | null;
  positive: number;
  neutral: number;
  negative: number;
  snippet: string;
}

/** Mentions of organizations in scope only: another unit's watchlists are not the reader's business. */
export async function mentionsOf(db: Executor, actor: Actor, articleIds: string[], orgs: string[]): Promise<Map<string, Mention[]>> {
  const out = new Map<string, Mention[]>();
  if (!articleIds.length || !orgs.length) return out;
  const rows = rowsOf<MentionRow>(
    await db.execute(sql`select m.article_id, m.watchlist_id, w.name as watchlist_name, m.mentioned_organization_id as organization_id,
      o.name as organization_name, o.path, m.tone, m.corrected_tone, m.positive, m.neutral, m.negative, m.snippet
      from article_mentions m join watchlists w on w.id = m.watchlist_id join organizations o on o.id = m.mentioned_organization_id
      where m.article_id = any(${uuidArray(articleIds)}) and m.mentioned_organization_id = any(${uuidArray(orgs)})
      order by o.name, w.name`),
  );
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({
      watchlistId: r.watchlist_id,
      watchlistName: r.watchlist_name,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      tone: r.corrected_tone ?? r.tone,
      modelTone: r.tone,
      corrected: r.corrected_tone !== null,
      scores: { positive: Number(r.positive), neutral: Number(r.neutral), negative: Number(r.negative) },
      snippet: r.snippet,
      can: { correctTone: articlePolicy.can(actor, "correctTone", { path: r.path }) },
    });
    out.set(r.article_id, list);
  }
  return out;
}

/** The list rows with their mentions, near-duplicate and story sizes. */
export async function presentArticles(db: Executor, actor: Actor, rows: ArticleRow[], orgs: string[]): Promise<Summary[]> {
  if (!rows.length) return [];
  const mentions = await mentionsOf(
    db,
    actor,
    rows.map((r) => r.id),
    orgs,
  );
  const groups = [...new Set(rows.map((r) => r.near_dup_group_id).filter((g): g is string => !!g))];
  const clusters = [...new Set(rows.map((r) => r.cluster_id).filter((c): c is string => !!c))];
  const groupSize = new Map(
    groups.length
      ? rowsOf<{ g: string; n: number }>(
          await db.execute(sql`select near_dup_group_id as g, count(*)::int as n from articles
            where near_dup_group_id = any(${uuidArray(groups)}) group by near_dup_group_id`),
        ).map((r) => [r.g, Number(r.n)])
      : [],
  );
  const clusterOutlets = new Map(
    clusters.length
      ? rowsOf<{ id: string; n: number }>(
          await db.execute(sql`select id, outlet_count as n from story_clusters where id = any(${uuidArray(clusters)})`),
        ).map((r) => [r.id, Number(r.n)])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    outletName: r.outlet_name,
    kind: r.kind,
    language: r.language,
    publishedAt: new Date(r.published_at).toISOString(),
    lead: r.lead.slice(0, 500),
    hoaxScore: r.hoax_score === null ? null : Number(r.hoax_score),
    hoaxClarificationId: r.hoax_clarification_id,
    clusterId: r.cluster_id,
    clusterOutletCount: r.cluster_id ? (clusterOutlets.get(r.cluster_id) ?? 1) : 1,
    nearDupGroupId: r.near_dup_group_id,
    nearDupCount: r.near_dup_group_id ? Math.max(0, (groupSize.get(r.near_dup_group_id) ?? 1) - 1) : 0,
    mentions: mentions.get(r.id) ?? [],
  }));
}
