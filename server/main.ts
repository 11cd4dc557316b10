import { count } from "drizzle-orm";
import { closeServices, createServices } from "./bootstrap";
import { users } from "./db/schema";
import { loadEnv } from "./env";
import { buildApp } from "./http/app";
import { createLogger } from "./logger";
import { loadDemo } from "./setup/demo";

/**
 * Starts the services named by --services (web, worker, scheduler; all by default).
 * `--demo` loads the demo data first.
 */
async function main() {
  const args = process.argv.slice(2);
  const servicesArg = args.find((a) => a.startsWith("--services="))?.split("=")[1] ?? "web,worker,scheduler";
  const wanted = new Set(servicesArg.split(",").map((s) => s.trim()));
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const services = await createServices(env, logger, {
    mode: "pgboss",
    work: wanted.has("worker"),
    schedule: wanted.has("scheduler"),
  });
  if (args.includes("--demo")) {
    const result = await loadDemo(services);
    logger.info(
      { logins: result.logins.map((l) => `${l.role}: ${l.email}`) },
      `demo loaded; password for every demo login: ${result.password}`,
    );
  }
  // Signals are handled before the app listens: /readyz can answer 200 before start-up has
  // finished, and a SIGTERM then must still close the server, the queue and the database cleanly.
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await app?.close();
    await closeServices(services);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  // The queue starts while the web app is built and listens (their work overlaps); /healthz
  // answers at once, /readyz once the queue is up.
  let queueReady = false;
  const queueStarted = services.jobs.start(services).then(() => {
    queueReady = true;
  });
  app = wanted.has("web") ? await buildApp(services, { ready: () => queueReady }) : null;
  if (app) await app.listen({ port: env.PORT, host: env.HOST });
  await queueStarted;

  const [{ n }] = await services.db.select({ n: count() }).from(users);
  if (n === 0) {
    logger.warn(
      "No users yet. Create the first administrator with: npm run sinergi -- create-admin (or load the demo: npm run sinergi -- demo)",
    );
  }
  logger.info({ services: [...wanted], database: services.database.kind, url: services.publicUrl }, "Sinergi is running");
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
