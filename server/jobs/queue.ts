import { fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "../db/client";
import type { Services } from "../services";
import type { JobDefinition } from "./define-job";

export interface QueueOptions {
  /** "inline" runs a job at once in the caller (tests); "pgboss" queues it in the database. */
  mode: "inline" | "pgboss";
  /** Run workers for the registered jobs in this process. */
  work: boolean;
  /** Run the cron scheduler in this process. */
  schedule: boolean;
  connectionString?: string;
  /** How often the scheduler looks for due cron occurrences (pg-boss default 30 s). */
  cronIntervalSeconds?: number;
}

/**
 * The job queue. Jobs are defined as data (defineJob) and registered here; pg-boss keeps them
 * in PostgreSQL or PGlite, so any process can enqueue and any worker process can run them.
 */
export class JobQueue {
  private boss: PgBoss | null = null;
  private readonly defs = new Map<string, JobDefinition>();
  private services: Services | null = null;

  constructor(
    private readonly database: Database,
    private readonly options: QueueOptions,
    private readonly logger: Logger,
  ) {}

  private bossOptions() {
    const cron = this.options.cronIntervalSeconds;
    return {
      schedule: this.options.schedule,
      supervise: this.options.work,
      ...(cron ? { cronMonitorIntervalSeconds: cron, cronWorkerIntervalSeconds: cron } : {}),
    };
  }

  register(defs: JobDefinition[]) {
    for (const d of defs) this.defs.set(d.name, d);
  }

  async start(services: Services) {
    this.services = services;
    if (this.options.mode === "inline") return;
    const boss =
      this.database.kind === "pglite" && this.database.pglite
        ? new PgBoss({ db: fromPglite(this.database.pglite), backend: "pglite", ...this.bossOptions() })
        : new PgBoss({ connectionString: this.options.connectionString, max: 4, ...this.bossOptions() });
    boss.on("error", (err) => this.logger.error({ err }, "job queue error"));
    await boss.start();
    this.boss = boss;
    for (const def of this.defs.values()) {
      await boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 3,
        retryDelay: def.retryDelaySeconds ?? 30,
        retryBackoff: def.retryBackoff ?? true,
      });
      if (this.options.schedule && def.cron) await boss.schedule(def.name, def.cron, {});
      if (this.options.work) {
        await boss.work(def.name, { batchSize: 10 }, async (jobs) => {
          for (const job of jobs) await this.run(def, job.data);
        });
      }
    }
  }

  /** Queues a job. Call it after the transaction that created its data has committed. */
  async enqueue(name: string, payload: unknown) {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    const data = def.payload.parse(payload) as object;
    if (this.options.mode === "inline" || !this.boss) {
      // Inline mode mirrors a worker: a failing job is logged, not thrown at the enqueuer.
      await this.run(def, data).catch((err) => this.logger.error({ err, job: name }, "job failed"));
      return;
    }
    await this.boss.send(name, data);
  }

  private async run(def: JobDefinition, data: unknown) {
    if (!this.services) throw new Error("job queue not started");
    await def.handler(def.payload.parse(data), this.services);
  }

  get pgBoss() {
    return this.boss;
  }

  async stop() {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = null;
  }
}
