import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { monitoringOcrScans } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { OcrFailure, readScan } from "./ocr/read-scan";

export const OCR_SCAN_JOB = "monitoring.ocr_scan";

/**
 * OCR of an uploaded scan in the background. Progress (pages done of pages total) is written as
 * it goes; the manual-entry form polls it. A failure is recorded on the row with its code, never
 * thrown: reading the same file again fails the same way, so there is no retry.
 */
export const ocrScanJob = defineJob({
  name: OCR_SCAN_JOB,
  payload: z.object({ scanId: z.uuid() }),
  retryLimit: 0,
  handler: async ({ scanId }, { db, files, env, logger }) => {
    // Claim the scan: of two jobs for one scan (the sweep re-queued it while the first waited),
    // only the one that moves it out of "queued" reads the file.
    const [scan] = await db
      .update(monitoringOcrScans)
      .set({ status: "running", errorCode: null, updatedAt: new Date() })
      .where(and(eq(monitoringOcrScans.id, scanId), eq(monitoringOcrScans.status, "queued")))
      .returning();
    if (!scan) return;
    const set = (values: Partial<typeof monitoringOcrScans.$inferInsert>) =>
      db
        .update(monitoringOcrScans)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(monitoringOcrScans.id, scanId));
    try {
      const data = await files.get(scan.fileKey);
      if (!data) throw new OcrFailure("ocr_unreadable");
      const result = await readScan(data, scan.mimeType, {
        tesseractBin: env.TESSERACT_BIN,
        timeoutMs: env.OCR_TIMEOUT_SECONDS * 1000,
        maxPages: env.OCR_MAX_PAGES,
        onProgress: async (pagesDone, pagesTotal) => {
          await set({ pagesDone, pagesTotal });
        },
      });
      await set({ status: "done", text: result.text, confidence: result.confidence, finishedAt: new Date() });
    } catch (err) {
      const code = err instanceof OcrFailure ? err.code : "ocr_unreadable";
      if (!(err instanceof OcrFailure)) logger.error({ err, scanId }, "OCR failed");
      await set({ status: "failed", errorCode: code, finishedAt: new Date() });
    }
  },
});

/**
 * Safety net: re-queues scans whose job never started (a crash between the commit and the
 * enqueue), and fails scans left "running" by a worker that died mid-page.
 */
export const sweepOcrScansJob = defineJob({
  name: "monitoring.ocr_scan_sweep",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs, env }) => {
    const queuedBefore = new Date(Date.now() - 5 * 60_000);
    const stale = await db
      .select({ id: monitoringOcrScans.id })
      .from(monitoringOcrScans)
      .where(and(eq(monitoringOcrScans.status, "queued"), lt(monitoringOcrScans.createdAt, queuedBefore)))
      .limit(100);
    await jobs.enqueueMany(
      OCR_SCAN_JOB,
      stale.map((row) => ({ payload: { scanId: row.id }, singletonKey: row.id })),
    );
    // updated_at moves after every page, and a page (render + OCR) is bounded by two timeouts.
    const runningBefore = new Date(Date.now() - (env.OCR_TIMEOUT_SECONDS * 3 + 600) * 1000);
    await db
      .update(monitoringOcrScans)
      .set({ status: "failed", errorCode: "ocr_timeout", finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(monitoringOcrScans.status, "running"), lt(monitoringOcrScans.updatedAt, runningBefore)));
  },
});
