import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { reportExports } from "../../db/schema";
import { defineJob } from "../../jobs/define-job";
import { loadRecap } from "./recap-data";
import { renderRecapXlsx } from "./recap-xlsx";

export const RECAP_JOB = "report.recap";

export const recapParams = z.object({ year: z.number().int() });

/**
 * Builds an agency recap in the background: progress is written as it goes (the staff app
 * polls it), the XLSX lands in the file store, and a failure is recorded on the row.
 */
export const recapJob = defineJob({
  name: RECAP_JOB,
  payload: z.object({ exportId: z.uuid() }),
  // A recap that failed will fail again the same way; the requester sees the error and retries.
  retryLimit: 0,
  handler: async ({ exportId }, { db, files, logger }) => {
    const [row] = await db.select().from(reportExports).where(eq(reportExports.id, exportId)).limit(1);
    if (!row || row.status === "done") return;
    const set = (values: Partial<typeof reportExports.$inferInsert>) =>
      db.update(reportExports).set(values).where(eq(reportExports.id, exportId));
    await set({ status: "running", progress: 5, error: null });
    try {
      const { year } = recapParams.parse(row.params);
      const data = await loadRecap(db, row.organizationId, year, async (progress) => {
        await set({ progress });
      });
      const file = await renderRecapXlsx(data);
      const key = `reports/${exportId}.xlsx`;
      await files.put(key, file);
      await set({ status: "done", progress: 100, fileKey: key, finishedAt: new Date() });
    } catch (err) {
      logger.error({ err, exportId }, "recap export failed");
      await set({ status: "failed", error: String((err as Error).message).slice(0, 500), finishedAt: new Date() });
    }
  },
});

/**
 * Safety net, like the email sweeper: re-queues recaps whose job never started (a crash
 * between the commit and the enqueue), so a requester is not left watching "queued" forever.
 */
export const sweepRecapsJob = defineJob({
  name: "report.recap_sweep",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs }) => {
    const stale = await db
      .select({ id: reportExports.id })
      .from(reportExports)
      .where(and(eq(reportExports.status, "queued"), lt(reportExports.createdAt, new Date(Date.now() - 5 * 60_000))))
      .limit(100);
    for (const row of stale) await jobs.enqueue(RECAP_JOB, { exportId: row.id });
  },
});
