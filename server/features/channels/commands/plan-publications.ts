import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { contentPublications } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Services } from "../../../services";
import { channelAccountPolicy } from "../channel.policy";
import { accountsByIds } from "../channel-queries";
import { connectorFor } from "../connectors/registry";
import { defaultText, loadMedia } from "../post-builder";

/** An item about to be scheduled, as the content studio describes it. */
export interface PlannedItem {
  id: string;
  organizationId: string;
  orgPath: string;
  type: string;
  title: string;
  summary: string;
  bodyText: string;
  publicUrl: string;
  mediaAssetIds: string[];
}

/**
 * Checks and records where an item will be posted when it publishes. Every account must be
 * active, visible to the actor and belong to the item's organization or an ancestor; every post
 * must pass its platform's rules (the first failure answers 400 on `channels.<accountId>` with a
 * precise message). Then one pending content_publications row per channel is upserted and
 * pending rows of channels no longer chosen are removed. Nothing is sent here.
 *
 * Rows already published, publishing or failed keep their status: a failed post is sent again
 * only by an explicit retry, never by re-scheduling.
 */
export async function planPublications(
  tx: Executor,
  ctx: CommandContext,
  item: PlannedItem,
  channelAccountIds: string[],
  texts?: Record<string, string>,
): Promise<void> {
  const actor = actorRequired(ctx);
  const ids = [...new Set(channelAccountIds)];
  const accounts = await accountsByIds(tx, ids);
  for (const id of ids) {
    const account = accounts.get(id);
    const usable =
      account?.active && item.orgPath.startsWith(account.path) && channelAccountPolicy.can(actor, "read", { path: account.path });
    if (!usable) throw fieldError("channelAccountIds", "not_found", {}, 404);
  }
  const media = await loadMedia(tx, ctx.services, item.mediaAssetIds);
  const posts = ids.map((id) => {
    const text = texts?.[id] ?? defaultText(item);
    const post = {
      text,
      title: item.title,
      link: item.publicUrl,
      media,
      item: { id: item.id, type: item.type, summary: item.summary, bodyText: item.bodyText },
    };
    const account = accounts.get(id) as NonNullable<ReturnType<typeof accounts.get>>;
    const [issue] = connectorFor(ctx.services.env, account.platform).validate(post);
    if (issue) throw fieldError(`channels.${id}`, issue.code, issue.params);
    return { id, account, text };
  });

  await tx
    .delete(contentPublications)
    .where(
      and(
        eq(contentPublications.contentId, item.id),
        eq(contentPublications.status, "pending"),
        ids.length ? notInArray(contentPublications.channelAccountId, ids) : undefined,
      ),
    );
  const snapshot = { title: item.title, link: item.publicUrl, mediaAssetIds: item.mediaAssetIds };
  for (const p of posts) {
    await tx
      .insert(contentPublications)
      .values({
        id: newId(),
        contentId: item.id,
        channelAccountId: p.id,
        organizationId: item.organizationId,
        text: p.text,
        post: snapshot,
        status: "pending",
      })
      .onConflictDoUpdate({
        target: [contentPublications.contentId, contentPublications.channelAccountId],
        set: { text: p.text, post: snapshot, updatedAt: sql`now()` },
        setWhere: inArray(contentPublications.status, ["pending", "failed"]),
      });
  }
}

/**
 * After the commit that made the item public: one publish job per pending publication. The
 * publication id is the job's singleton key, so a publication is never queued twice (and in
 * inline test mode the job runs at once).
 */
export async function releasePublications(services: Services, contentId: string | string[]): Promise<void> {
  const ids = Array.isArray(contentId) ? contentId : [contentId];
  if (ids.length === 0) return;
  const pending = await services.db
    .select({ id: contentPublications.id })
    .from(contentPublications)
    .where(and(inArray(contentPublications.contentId, ids), eq(contentPublications.status, "pending")));
  await services.jobs.enqueueMany(
    "channel.publish",
    pending.map((p) => ({ payload: { publicationId: p.id }, singletonKey: p.id })),
  );
}
