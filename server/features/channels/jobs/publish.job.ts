import { and, eq, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { contentItems, contentPublications } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { LEASE_MS, MAX_ATTEMPTS } from "../commands/publication-state";
import { runPublication } from "../commands/run-publication";

/** Posts one publication; at most one job per publication is queued or running (exclusive queue). */
export const publishJob = defineJob({
  name: "channel.publish",
  payload: z.object({ publicationId: z.uuid() }),
  retryLimit: MAX_ATTEMPTS - 1,
  retryDelaySeconds: 60,
  retryBackoff: true,
  policy: "exclusive",
  // Posting waits on the platforms, not on this process: several at once per worker.
  concurrency: 8,
  handler: async ({ publicationId }, services) => runPublication(services, publicationId),
});

/** Pending rows this old whose job is lost (a crash between commit and enqueue) are queued again. */
const LOST_AFTER_MS = 10 * 60_000;

/**
 * Safety net, every 5 minutes: re-queues publications of public items whose job never ran, and
 * rows left `publishing` past the lease (a crashed worker, or an answer that never came), which
 * the job then resolves by looking the post up on the platform, never by posting blindly.
 */
export const sweepPublicationsJob = defineJob({
  name: "channels.sweep",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs }) => {
    const rows = await db
      .select({ id: contentPublications.id })
      .from(contentPublications)
      .innerJoin(contentItems, eq(contentItems.id, contentPublications.contentId))
      .where(
        or(
          and(
            eq(contentPublications.status, "publishing"),
            lt(contentPublications.updatedAt, sql`now() - (${LEASE_MS} * interval '1 millisecond')`),
          ),
          and(
            eq(contentPublications.status, "pending"),
            lt(contentPublications.updatedAt, sql`now() - (${LOST_AFTER_MS} * interval '1 millisecond')`),
            eq(contentItems.status, "published"),
            sql`(${contentItems.publicFrom} is null or ${contentItems.publicFrom} <= now())`,
          ),
        ),
      )
      .limit(500);
    for (const row of rows) await jobs.enqueue("channel.publish", { publicationId: row.id }, { singletonKey: row.id });
  },
});
