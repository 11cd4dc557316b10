import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { contentItems, organizations } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { emit } from "../../../lib/domain-events";
import type { Services } from "../../../services";
import { releasePublications } from "../../channels/commands/plan-publications";
import { sendEmailsQueuedAt, transactionStart } from "../../email/send-queued-email";
import { publicUrlOf } from "../public-url";

/** Scheduled items whose time has come become published (public at once, or at their embargo). */
export async function publishDue(services: Services, now = new Date()) {
  await services.db
    .update(contentItems)
    .set({
      status: "published",
      publishedAt: now,
      publicFrom: sql`greatest(${now.toISOString()}::timestamptz, coalesce(${contentItems.embargoUntil}, ${now.toISOString()}::timestamptz))`,
      updatedAt: now,
    })
    .where(and(eq(contentItems.status, "scheduled"), lte(contentItems.publishAt, now)));
}

/**
 * Runs the once-only side effects of going public: the `content.released` event (work-log
 * evidence) lands with `released_at` in one transaction; channel posts are queued after commit.
 * SKIP LOCKED lets several workers sweep at once without doing an item twice.
 */
export async function releaseDue(services: Services, now = new Date()): Promise<string[]> {
  let txStart: string | null = null;
  const released = await services.db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: contentItems.id,
        organizationId: contentItems.organizationId,
        authorId: contentItems.authorId,
        type: contentItems.type,
        title: contentItems.title,
        slug: contentItems.slug,
        orgSlug: organizations.slug,
        publicFrom: contentItems.publicFrom,
      })
      .from(contentItems)
      .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
      .where(and(eq(contentItems.status, "published"), isNull(contentItems.releasedAt), lte(contentItems.publicFrom, now)))
      .orderBy(contentItems.publicFrom)
      .limit(200)
      .for("update", { of: contentItems, skipLocked: true });
    if (due.length) txStart = await transactionStart(tx);
    for (const item of due) {
      await tx.update(contentItems).set({ releasedAt: now }).where(eq(contentItems.id, item.id));
      await emit(tx, "content.released", {
        contentId: item.id,
        organizationId: item.organizationId,
        authorId: item.authorId,
        type: item.type,
        title: item.title,
        publicUrl: publicUrlOf(services.publicUrl, item.orgSlug, item.slug),
        publicFrom: item.publicFrom ?? now,
      });
    }
    return due.map((d) => d.id);
  });
  if (released.length) services.changes.local();
  // Reactions to content.released (e.g. journalists' subscription emails) queue emails in the transaction.
  if (txStart) await sendEmailsQueuedAt(services, txStart);
  // A job lost between this commit and its enqueue is re-queued by the channels sweep.
  await releasePublications(services, released);
  return released;
}

/** After a schedule: publish/release at the right moment (the cron sweep is the backstop). */
export async function scheduleRelease(services: Services, releaseAt: Date | null) {
  if (!releaseAt) return;
  if (releaseAt.getTime() <= Date.now()) await releaseDue(services);
  else await services.jobs.enqueue(contentReleaseJob.name, {}, { startAfter: releaseAt });
}

export const contentReleaseJob = defineJob({
  name: "content.release",
  payload: z.object({}),
  retryLimit: 5,
  handler: async (_payload, services) => {
    await publishDue(services);
    await releaseDue(services);
  },
});

/** Every minute: the backstop for delayed jobs that were lost or for items scheduled in bulk. */
export const contentSweepJob = defineJob({
  name: "content.sweep",
  payload: z.object({}),
  cron: "* * * * *",
  handler: async (_payload, services) => {
    await publishDue(services);
    await releaseDue(services);
  },
});
