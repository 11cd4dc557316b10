import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { closeServices, createServices } from "../../server/bootstrap";
import { openDatabase } from "../../server/db/client";
import { loadEnv } from "../../server/env";
import { createLogger } from "../../server/logger";
import type { Services } from "../../server/services";
import { startOnLoopback } from "../../server/test/test-server";

export interface BenchServer {
  app: FastifyInstance;
  services: Services;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real Sinergi app in this process, assembled by createServices() like the test server, over
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
  const database = await openDatabase({ databaseUrl, poolSize });
  const services = await createServices(env, createLogger(env.LOG_LEVEL), { mode: "inline", work: false, schedule: false }, database);
  const app = await startOnLoopback(services);
  return {
    app,
    services,
    baseUrl: services.publicUrl,
    close: async () => {
      await app.close();
      await closeServices(services);
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
