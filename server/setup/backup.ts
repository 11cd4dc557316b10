import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { newPglite } from "../db/client";

/**
 * Backup and restore of the embedded database (PGlite's own data-dir dump, gzip tarball).
 * The app should be stopped: PGlite allows one process per data directory.
 * On PostgreSQL use pg_dump / pg_restore instead (docs/SERVICES.md).
 */
export async function backupEmbedded(dbDir: string, file: string): Promise<number> {
  if (!existsSync(dbDir)) throw new Error(`No embedded database at ${dbDir}.`);
  const db = newPglite(dbDir);
  await db.waitReady;
  const dump = await db.dumpDataDir("gzip");
  await db.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  await writeFile(file, bytes);
  return bytes.length;
}

/** Restores into the data directory; the current database is kept aside, never deleted. */
export async function restoreEmbedded(dbDir: string, file: string): Promise<string | null> {
  const bytes = await readFile(file);
  let keptAside: string | null = null;
  if (existsSync(dbDir)) {
    keptAside = `${dbDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(dbDir, keptAside);
  }
  try {
    const db = newPglite(dbDir, { loadDataDir: new Blob([bytes]) });
    await db.waitReady;
    await db.query("select 1");
    await db.close();
  } catch (err) {
    if (keptAside) await rename(keptAside, dbDir).catch(() => undefined);
    throw new Error(`The backup could not be restored (${(err as Error).message}); the current database is unchanged.`);
  }
  return keptAside;
}
