import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { distributionRecipients, distributions } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import type { Services } from "../../../services";
import { sendBatch } from "../commands/send-batch";
import { batchPlan } from "../commands/start-distribution";

/** One batch of one send. Failures are recorded per recipient, so the job itself rarely fails. */
export const distributionSendJob = defineJob({
  name: "distribution.send",
  payload: z.object({ distributionId: z.uuid(), recipientIds: z.array(z.uuid()).min(1).max(500) }),
  retryLimit: 3,
  retryDelaySeconds: 60,
  // Sending waits on the SMTP server: several batches side by side per worker.
  concurrency: 4,
  handler: async ({ distributionId, recipientIds }, services) => sendBatch(services, distributionId, recipientIds),
});

/** Due rows are left this long to their own job before the sweep takes them. */
const GRACE_MS = 5 * 60_000;

/**
 * The backstop (every minute): recipients whose batch or retry is due but whose job was lost,
 * and rows claimed by a worker that never settled them (the lease ran out). They are queued
 * again in batches that keep the send's rate limit: the first now, the rest at their interval.
 */
export async function sweepDistributions(services: Services, now = new Date()) {
  const { db } = services;
  await db
    .update(distributionRecipients)
    .set({ status: "queued", updatedAt: now })
    .where(and(eq(distributionRecipients.status, "sending"), lte(distributionRecipients.nextAttemptAt, now)));
  const due = await db
    .select({ id: distributionRecipients.id, distributionId: distributionRecipients.distributionId, rate: distributions.ratePerMinute })
    .from(distributionRecipients)
    .innerJoin(distributions, eq(distributions.id, distributionRecipients.distributionId))
    .where(
      and(
        inArray(distributionRecipients.status, ["queued", "deferred"]),
        lte(distributionRecipients.nextAttemptAt, new Date(now.getTime() - GRACE_MS)),
      ),
    )
    .orderBy(asc(distributionRecipients.nextAttemptAt), asc(distributionRecipients.id))
    .limit(5000);
  const byDistribution = new Map<string, typeof due>();
  for (const r of due) byDistribution.set(r.distributionId, [...(byDistribution.get(r.distributionId) ?? []), r]);
  for (const [distributionId, rows] of byDistribution) {
    const { size, intervalMs } = batchPlan(rows[0].rate);
    for (let i = 0, k = 0; i < rows.length; i += size, k++) {
      const ids = rows.slice(i, i + size).map((r) => r.id);
      const startAfter = new Date(Date.now() + k * intervalMs);
      // The new due time keeps the sweep from taking the same rows again before their job runs.
      await db
        .update(distributionRecipients)
        .set({ nextAttemptAt: sql`greatest(${distributionRecipients.nextAttemptAt}, ${startAfter.toISOString()}::timestamptz)` })
        .where(inArray(distributionRecipients.id, ids));
      await services.jobs.enqueue("distribution.send", { distributionId, recipientIds: ids }, k > 0 ? { startAfter } : {});
    }
  }
}

export const distributionSweepJob = defineJob({
  name: "distribution.sweep",
  payload: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  handler: async (_payload, services) => sweepDistributions(services),
});
