import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { SOCIAL_SOURCE_KINDS } from "../../../../common/monitoring-intake-enums";
import { monitoringSources } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { runSocialFetch } from "./run-social-fetch";

export const SOCIAL_FETCH_JOB = "monitoring.social-fetch";

/** Fetches one social source; at most one per source is queued or running (exclusive queue). */
export const socialFetchJob = defineJob({
  name: SOCIAL_FETCH_JOB,
  payload: z.object({ sourceId: z.uuid(), trigger: z.enum(["schedule", "manual"]).default("schedule") }),
  // Failures are recorded on the source and retried by its schedule (with back-off).
  retryLimit: 0,
  policy: "exclusive",
  concurrency: 2,
  handler: async ({ sourceId, trigger }, services) => {
    await runSocialFetch(services, sourceId, trigger);
  },
});

const SWEEP_BATCH = 100;

/**
 * Every minute, like the feed sweep (fetch/fetch-source.job.ts), for the social kinds: enabled
 * sources whose next fetch is due are claimed (next_fetch_at moved on by their schedule) and
 * one job each is queued. A platform back-off pushes next_fetch_at out (run-social-fetch.ts).
 */
export const socialSweepJob = defineJob({
  name: "monitoring.social-sweep",
  payload: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs }) => {
    const due = and(
      eq(monitoringSources.enabled, true),
      inArray(monitoringSources.kind, [...SOCIAL_SOURCE_KINDS]),
      or(isNull(monitoringSources.nextFetchAt), lte(monitoringSources.nextFetchAt, sql`now()`)),
    );
    const claimed = await db
      .update(monitoringSources)
      .set({ nextFetchAt: sql`now() + ${monitoringSources.scheduleMinutes} * interval '1 minute'` })
      .where(inArray(monitoringSources.id, db.select({ id: monitoringSources.id }).from(monitoringSources).where(due).limit(SWEEP_BATCH)))
      .returning({ id: monitoringSources.id });
    await jobs.enqueueMany(
      SOCIAL_FETCH_JOB,
      claimed.map((c) => ({ payload: { sourceId: c.id, trigger: "schedule" }, singletonKey: c.id })),
    );
  },
});
