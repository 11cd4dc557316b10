import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client";
import { articleMentions, organizations, toneCorrections } from "../../../../db/schema";
import { AppError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import { recordAudit } from "../../../audit/record-audit";
import type { Tone } from "../../tone/tone-model";
import { articleVisible, visibleOrganizationIds } from "../article-scope";
import { articlePolicy } from "../monitoring-articles.policy";

/**
 * An officer sets the tone of one mention. The mention shows the corrected tone from then on;
 * the sentence window it was judged on goes to tone_corrections, the training data of
 * `train-tone --db`.
 */
export async function correctTone(tx: Executor, ctx: CommandContext, articleId: string, watchlistId: string, tone: Tone) {
  const actor = actorRequired(ctx);
  const orgs = await visibleOrganizationIds(tx, actor);
  const visible = await tx.execute(sql`select 1 from articles a where a.id = ${articleId} and ${articleVisible("a", orgs)}`);
  if (!(visible as unknown as { rows: unknown[] }).rows.length) throw new AppError(404, "not_found");
  const [mention] = await tx
    .select({ m: articleMentions, path: organizations.path })
    .from(articleMentions)
    .innerJoin(organizations, eq(organizations.id, articleMentions.mentionedOrganizationId))
    .where(and(eq(articleMentions.articleId, articleId), eq(articleMentions.watchlistId, watchlistId)));
  if (!mention || !orgs.includes(mention.m.mentionedOrganizationId)) throw new AppError(404, "not_found");
  articlePolicy.authorize(actor, "correctTone", { path: mention.path });
  const previous = (mention.m.correctedTone ?? mention.m.tone) as Tone;
  const now = new Date();
  await tx
    .update(articleMentions)
    .set({ correctedTone: tone, correctedBy: actor.userId, correctedAt: now })
    .where(and(eq(articleMentions.articleId, articleId), eq(articleMentions.watchlistId, watchlistId)));
  await tx.insert(toneCorrections).values({
    id: newId(),
    organizationId: mention.m.mentionedOrganizationId,
    articleId,
    watchlistId,
    previousTone: previous,
    tone,
    text: mention.m.snippet,
    correctedBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, ctx, {
    action: "article_mention.correct_tone",
    entityType: "article",
    entityId: articleId,
    organizationId: mention.m.mentionedOrganizationId,
    before: { watchlistId, tone: previous },
    after: { watchlistId, tone },
  });
}
