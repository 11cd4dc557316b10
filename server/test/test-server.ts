import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { closeServices, createServices } from "../bootstrap";
import { openDatabase } from "../db/client";
import { loadEnv } from "../env";
import { buildApp } from "../http/app";
import { createLogger } from "../logger";
import type { Services } from "../services";
import { openTestDatabase } from "./test-database";

export interface TestServer {
  app: FastifyInstance;
  services: Services;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the (inline) job queue, builds the app and listens on a free loopback port; the
 * services' public URL then points at it. Shared by the test server and the benchmarks.
 */
export async function startOnLoopback(services: Services): Promise<FastifyInstance> {
  await services.jobs.start(services);
  const app = await buildApp(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  services.publicUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return app;
}

/** A real Sinergi server on a random port, over a fresh database, with inline jobs. */
export async function startTestServer(
  opts: {
    smtpUrl?: string;
    env?: Record<string, string> /** Share another server's PostgreSQL database (two processes). */;
    databaseUrl?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-test-"));
  const env = loadEnv({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
  });
  const { database, drop } = opts.databaseUrl
    ? { database: await openDatabase({ databaseUrl: opts.databaseUrl, poolSize: 5 }), drop: async () => undefined }
    : await openTestDatabase();
  const services = await createServices(env, createLogger(env.LOG_LEVEL), { mode: "inline", work: false, schedule: false }, database);
  const app = await startOnLoopback(services);
  return {
    app,
    services,
    baseUrl: services.publicUrl,
    close: async () => {
      await app.close();
      await closeServices(services);
      await drop();
    },
  };
}
