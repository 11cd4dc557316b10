import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Env } from "../../env";
import { defineJob } from "../../jobs/define-job";

/** Where tus keeps unfinished uploads (data file `<id>` and record `<id>.json`). */
export const tusDirectory = (env: Env) => path.join(env.dataDir, "tus");
/** Where multipart uploads are spooled while they are checked. */
export const multipartDirectory = (env: Env) => path.join(env.dataDir, "tmp", "media");
/** Unfinished uploads nobody touched for this long are swept. */
export const UPLOAD_EXPIRY_MS = 24 * 3_600_000;

/** Removes a tus upload: its data file and its `.json` record (either may already be gone). */
export async function forgetUpload(directory: string, id: string) {
  await Promise.all([rm(path.join(directory, id), { force: true }), rm(path.join(directory, `${id}.json`), { force: true })]);
}

/**
 * Deletes uploads in `directory` idle for longer than `maxAgeMs` and answers how many files
 * went. An upload's data file and its record count as one: the record is written once, the data
 * file on every chunk, so an upload still being resumed is kept.
 */
export async function sweepStaleUploads(directory: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const lastTouched = new Map<string, number>();
  for (const name of names) {
    const info = await stat(path.join(directory, name)).catch(() => null);
    if (!info?.isFile()) continue;
    const id = name.replace(/\.json$/, "");
    lastTouched.set(id, Math.max(lastTouched.get(id) ?? 0, info.mtimeMs));
  }
  let removed = 0;
  for (const [id, touched] of lastTouched) {
    if (now - touched <= maxAgeMs) continue;
    await forgetUpload(directory, id);
    removed++;
  }
  return removed;
}

/**
 * Abandoned uploads would fill the disk: resumable uploads nobody resumed for a day, and
 * multipart spool files a crash left behind, are removed every hour.
 */
export const sweepMediaUploadsJob = defineJob({
  name: "media.uploads_sweep",
  payload: z.object({}),
  cron: "23 * * * *",
  retryLimit: 0,
  handler: async (_payload, { env, logger }) => {
    const removed =
      (await sweepStaleUploads(tusDirectory(env), UPLOAD_EXPIRY_MS)) + (await sweepStaleUploads(multipartDirectory(env), UPLOAD_EXPIRY_MS));
    if (removed > 0) logger.info({ removed }, "stale media uploads removed");
  },
});
