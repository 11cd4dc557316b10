import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL runner used by the job queue and the CLI (pg-boss speaks SQL, not Drizzle). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  sql: SqlRunner;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The connection string, for PostgreSQL (the job queue opens its own pool). */
  url?: string;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
  pglite?: PGlite;
}

/** A PGlite instance with the extensions our migrations use. */
export function newPglite(dir: string, options: { loadDataDir?: Blob } = {}): PGlite {
  const opts = { extensions: { pg_trgm }, ...options };
  return dir === "memory://" ? new PGlite(opts) : new PGlite(dir, opts);
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 20);
  return openPglite(opts.pglite, opts.pgliteDir ?? "memory://");
}

async function openPglite(existing: PGlite | undefined, dir: string): Promise<Database> {
  if (!existing && dir !== "memory://") mkdirSync(dir, { recursive: true });
  const client = existing ?? newPglite(dir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    kind: "pglite",
    db,
    pglite: client,
    sql: {
      query: async (text, values) => {
        const r = await client.query<Record<string, unknown>>(text, values);
        return { rows: r.rows };
      },
      exec: async (text) => {
        await client.exec(text);
      },
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Loaded only for PostgreSQL, so the embedded default starts without them.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  // Migrate on one dedicated connection under an advisory lock, so that several
  // processes starting together do not race each other through the migrations.
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  try {
    await migrator.query("select pg_advisory_lock(7320117)");
    await migratePg(drizzlePg(migrator, { schema }), { migrationsFolder });
  } finally {
    await migrator.query("select pg_advisory_unlock(7320117)").catch(() => undefined);
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, failover, a dropped test database) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    pool,
    url,
    sql: {
      query: async (text, values) => {
        const r = await pool.query(text, values as unknown[]);
        return { rows: r.rows };
      },
      exec: async (text) => {
        await pool.query(text);
      },
    },
    close: () => pool.end(),
  };
}
