import type { Logger } from "pino";
import type { Database, Db } from "./db/client";
import type { Env } from "./env";
import type { Mailer } from "./features/email/mailer";
import type { ActorCache } from "./http/authenticate";
import type { ResponseCache } from "./http/response-cache";
import type { JobQueue } from "./jobs/queue";
import type { ChangeFeed } from "./lib/change-feed";
import type { FileStore } from "./lib/file-store";

/** What commands, jobs and routes share: built once in main.ts (or the test server). */
export interface Services {
  env: Env;
  database: Database;
  db: Db;
  mailer: Mailer;
  jobs: JobQueue;
  files: FileStore;
  logger: Logger;
  /** Invalidates the caches below when the data behind them changes (any process). */
  changes: ChangeFeed;
  actorCache: ActorCache;
  responseCache: ResponseCache;
  /** Base URL for links in emails. */
  publicUrl: string;
}
