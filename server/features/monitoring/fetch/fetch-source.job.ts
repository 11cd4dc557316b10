import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { monitoringSources } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { FEED_KINDS, fetchSource } from "./fetch-source";

/** Fetches one source; at most one fetch per source is queued or running (exclusive queue). */
export const fetchSourceJob = defineJob({
  name: "monitoring.fetch-source",
  payload: z.object({ sourceId: z.uuid(), trigger: z.enum(["schedule", "manual"]).default("schedule") }),
  // A failed fetch is recorded on the source and retried by its schedule (with back-off), not here.
  retryLimit: 0,
  policy: "exclusive",
  // Fetching waits on other sites; the per-host gate keeps each site's load low.
  concurrency: 4,
  handler: async ({ sourceId, trigger }, services) => {
    await fetchSource(services, sourceId, trigger);
  },
});

/** Sources claimed per sweep; the rest are due next minute. */
const SWEEP_BATCH = 200;

/**
 * Every minute: enabled feed sources whose next fetch is due are claimed (next_fetch_at moved
 * to their schedule, so a slow queue does not enqueue them twice) and one job each is queued.
 */
export const monitoringSweepJob = defineJob({
  name: "monitoring.sweep",
  payload: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs }) => {
    const due = and(
      eq(monitoringSources.enabled, true),
      isNotNull(monitoringSources.url),
      inArray(monitoringSources.kind, [...FEED_KINDS]),
      or(isNull(monitoringSources.nextFetchAt), lte(monitoringSources.nextFetchAt, sql`now()`)),
    );
    const claimed = await db
      .update(monitoringSources)
      .set({ nextFetchAt: sql`now() + ${monitoringSources.scheduleMinutes} * interval '1 minute'` })
      .where(inArray(monitoringSources.id, db.select({ id: monitoringSources.id }).from(monitoringSources).where(due).limit(SWEEP_BATCH)))
      .returning({ id: monitoringSources.id });
    await jobs.enqueueMany(
      "monitoring.fetch-source",
      claimed.map((c) => ({ payload: { sourceId: c.id, trigger: "schedule" }, singletonKey: c.id })),
    );
  },
});
