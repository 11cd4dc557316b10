import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { ALL_JOBS } from "../../server/bootstrap";
import { openDatabase } from "../../server/db/client";
import { loadEnv } from "../../server/env";
import { createMailer } from "../../server/features/email/mailer";
import { buildApp } from "../../server/http/app";
import { JobQueue } from "../../server/jobs/queue";
import { localFileStore } from "../../server/lib/file-store";
import { createLogger } from "../../server/logger";
import type { Services } from "../../server/services";

export interface BenchServer {
  app: FastifyInstance;
  services: Services;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real Sinergi app in this process, assembled like server/test/test-server.ts but over
 * the given PostgreSQL database (pool of `poolSize`), inline jobs and a silent logger.
 */
export async function startAppServer(databaseUrl: string, poolSize: number): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-bench-"));
  const env = loadEnv({
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    HOST: "127.0.0.1",
  });
  const logger = createLogger(env.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl, poolSize });
  const jobs = new JobQueue(database, { mode: "inline", work: false, schedule: false }, logger);
  jobs.register(ALL_JOBS);
  const services: Services = {
    env,
    database,
    db: database.db,
    mailer: createMailer(undefined, env.MAIL_FROM),
    jobs,
    files: localFileStore(path.join(dataDir, "files")),
    logger,
    publicUrl: "http://127.0.0.1",
  };
  await jobs.start(services);
  const app = await buildApp(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  services.publicUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    services,
    baseUrl: services.publicUrl,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in once (the login route is rate limited) and returns the session cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${body}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("sinergi_session="));
  if (!cookie) throw new Error("login answered without a sinergi_session cookie");
  return cookie.split(";")[0];
}
