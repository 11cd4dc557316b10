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
        ...(def.policy ? { policy: def.policy } : {}),
      });
      if (this.options.schedule && def.cron) await boss.schedule(def.name, def.cron, {});
      if (this.options.work) {
        // A full batch is followed by the next fetch at once (burst) rather than after the poll
        // interval. Jobs of a batch run `concurrency` at a time, and a failing job is failed (and
        // retried) alone: pg-boss then completes only the jobs still active.
        const width = Math.max(1, def.concurrency ?? 1);
        await boss.work(
          def.name,
          { batchSize: Math.max(10, width * 4), burstWhenBatchFull: true, pollingIntervalSeconds: 1 },
          async (jobs) => {
            for (let i = 0; i < jobs.length; i += width) {
              const slice = jobs.slice(i, i + width);
              const results = await Promise.allSettled(slice.map((job) => this.run(def, job.data)));
              for (const [k, result] of results.entries()) {
                if (result.status === "fulfilled") continue;
                const err = result.reason;
                this.logger.error({ err, job: def.name }, "job failed");
                await boss.fail(def.name, slice[k].id, { message: err instanceof Error ? err.message : String(err) });
              }
            }
          },
        );
      }
    }
  }

  /**
   * Queues a job. Call it after the transaction that created its data has committed.
   * `startAfter` delays it (e.g. to an embargo time); `singletonKey` keeps one queued job per key.
   */
  async enqueue(name: string, payload: unknown, opts: { startAfter?: Date; singletonKey?: string } = {}) {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    const data = def.payload.parse(payload) as object;
    if (this.options.mode === "inline" || !this.boss) {
      // Inline mode has no clock of its own: a delayed job is left to the sweeper that a test
      // drives with its own time. Otherwise it mirrors a worker: a failure is logged, not thrown.
      if (opts.startAfter && opts.startAfter.getTime() > Date.now()) return;
      await this.run(def, data).catch((err) => this.logger.error({ err, job: name }, "job failed"));
      return;
    }
    await this.boss.send(name, data, {
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    });
  }

  /** Queues many jobs of one kind in one statement (a fan-out: one job per channel post). */
  async enqueueMany(name: string, jobs: { payload: unknown; singletonKey?: string }[]) {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    if (jobs.length === 0) return;
    if (this.options.mode === "inline" || !this.boss) {
      for (const job of jobs) await this.enqueue(name, job.payload, { singletonKey: job.singletonKey });
      return;
    }
    await this.boss.insert(
      name,
      jobs.map((job) => ({
        data: def.payload.parse(job.payload) as object,
        ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}),
      })),
    );
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
