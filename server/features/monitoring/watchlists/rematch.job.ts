/**
 * After a watchlist is created or edited, its mentions over the last REMATCH_DAYS are brought in
 * line with the new query: new matches get a mention (with tone), mentions that no longer match
 * go unless an officer corrected their tone (a correction is a judgement worth keeping).
 */
import { and, eq, gte, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import { articleMentions, organizations, watchlists } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { scoreMention } from "../ingest/ingest-items";
import { parseQuery } from "../query";
import { matchableWatchlist } from "./compile-watchlist";
import { matchRecent, rootPathOf } from "./match-recent";

export const WATCHLIST_REMATCH_JOB = "monitoring.watchlist-rematch";
export const REMATCH_DAYS = 7;

export const watchlistRematchJob = defineJob({
  name: WATCHLIST_REMATCH_JOB,
  payload: z.object({ watchlistId: z.uuid(), days: z.number().int().min(1).max(90).default(REMATCH_DAYS) }),
  retryLimit: 3,
  handler: async ({ watchlistId, days }, services) => {
    const { db } = services;
    const [w] = await db
      .select({ w: watchlists, path: organizations.path })
      .from(watchlists)
      .innerJoin(organizations, eq(organizations.id, watchlists.organizationId))
      .where(eq(watchlists.id, watchlistId));
    if (!w) return;
    const since = new Date(Date.now() - days * 86_400_000);
    const active = w.w.enabled && !w.w.deletedAt;
    const { matches } = active
      ? await matchRecent(db, { rootPath: rootPathOf(w.path), ast: parseQuery(w.w.compiledQuery), days })
      : { matches: [] };
    const matchable = matchableWatchlist(w.w);
    await db.transaction(async (tx) => {
      const keep = matches.map((m) => m.id);
      await tx
        .delete(articleMentions)
        .where(
          and(
            eq(articleMentions.watchlistId, watchlistId),
            gte(articleMentions.publishedAt, since),
            isNull(articleMentions.correctedTone),
            keep.length ? notInArray(articleMentions.articleId, keep) : sql`true`,
          ),
        );
      for (let i = 0; i < matches.length; i += 200) {
        const part = matches.slice(i, i + 200);
        const known = new Set(
          (
            await tx
              .select({ id: articleMentions.articleId })
              .from(articleMentions)
              .where(
                and(
                  eq(articleMentions.watchlistId, watchlistId),
                  inArray(
                    articleMentions.articleId,
                    part.map((m) => m.id),
                  ),
                ),
              )
          ).map((r) => r.id),
        );
        const rows = part
          .filter((m) => !known.has(m.id))
          .map((m) => {
            const s = scoreMention(matchable, m.text);
            return {
              articleId: m.id,
              watchlistId,
              mentionedOrganizationId: w.w.organizationId,
              publishedAt: m.publishedAt,
              tone: s.tone,
              positive: s.scores.positive,
              neutral: s.scores.neutral,
              negative: s.scores.negative,
              mentionCount: s.mentionCount,
              snippet: s.snippet,
            };
          });
        if (rows.length) await tx.insert(articleMentions).values(rows).onConflictDoNothing();
      }
    });
  },
});
