import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../db/client";
import { createLogger } from "../logger";
import type { Services } from "../services";
import { openTestDatabase } from "../test/test-database";
import { defineJob } from "./define-job";
import { JobQueue } from "./queue";

// PostgreSQL only: two app processes share one database there (PGlite is single-process).
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe("scheduled jobs with two processes on one PostgreSQL", () => {
  it("run once per occurrence, never twice", async () => {
    const runs: { at: number; by: string }[] = [];
    const tick = (by: string) =>
      defineJob({
        name: "test.tick",
        payload: z.object({}),
        cron: "*/2 * * * * *",
        retryLimit: 0,
        handler: async () => {
          runs.push({ at: Date.now(), by });
        },
      });
    const logger = createLogger("silent");
    const queues = ["a", "b"].map((by) => {
      const q = new JobQueue(
        database,
        { mode: "pgboss", work: true, schedule: true, connectionString: database.url, cronIntervalSeconds: 1 },
        logger,
      );
      q.register([tick(by)]);
      return q;
    });
    const services = { database, db: database.db, logger } as unknown as Services;
    await Promise.all(queues.map((q) => q.start({ ...services, jobs: q })));
    // Both schedulers see the due occurrence every second for 6 s; pg-boss files cron jobs in
    // 60-second slots, so the two must together create one job per slot, and it runs once.
    await new Promise((r) => setTimeout(r, 6_000));
    // Stop scheduling, then let the workers finish what was filed.
    const jobs = async () =>
      (await database.sql.query("select count(*)::int as n from pgboss.job where name = 'test.tick'")).rows[0].n as number;
    for (let i = 0; i < 100 && runs.length < (await jobs()); i++) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(queues.map((q) => q.stop()));
    // pg-boss files each due occurrence as a "send-it" job in a 60-second singleton slot, then
    // forwards it to the queue. One job per slot, and each run once, whatever the number of schedulers.
    const { rows } = await database.sql.query(
      `select (select count(*)::int from pgboss.job where name = 'test.tick') as jobs,
              (select count(distinct singleton_on)::int from pgboss.job where singleton_key = 'test.tick__') as slots`,
    );
    expect(rows[0].jobs).toBeGreaterThanOrEqual(1);
    expect(rows[0].jobs).toBe(rows[0].slots);
    expect(runs.length).toBe(rows[0].jobs);
  }, 30_000);
});
