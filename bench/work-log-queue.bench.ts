/**
 * Issue 3: the verification queue over 10,000 officers and 1,000,000 work-log entries on
 * PostgreSQL (target p95 ≤ 200 ms), next to a bare route and a plain count over the same rows.
 */

import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { openDatabase } from "../server/db/client";
import { signIn, startAppServer } from "./lib/app-server";
import { ensureWrk, type LoadResult, measure } from "./lib/load";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";
import { BENCH_PASSWORD, seedBenchData } from "./lib/seed";
import { seedWorkLogs } from "./lib/seed-work-logs";

const DB_NAME = "sinergi_bench_worklogs";
const TARGET_P95_MS = 200;

export async function runWorkLogQueue(opts: {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  workLogs: number;
}): Promise<BenchResult> {
  const started = performance.now();
  ensureWrk();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const cleanups: (() => Promise<void>)[] = [() => dropDatabase(DB_NAME)];
  try {
    const seedDb = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const base = await seedBenchData(seedDb.db, { organizations: 1000, users: 10_000 });
    const seed = await seedWorkLogs(seedDb.db, opts.workLogs);
    console.log(
      `  seeded ${seed.officers} officers, ${seed.workLogs} work logs (${seed.submitted} submitted) in ${seed.seconds.toFixed(1)} s`,
    );
    // The supervisor with the most submitted entries waiting, and an editor of an agency.
    const pick = async (query: ReturnType<typeof sql>) =>
      ((await seedDb.db.execute(query)) as unknown as { rows: { email: string; waiting: number }[] }).rows[0];
    const boss = await pick(sql`select u.email, count(*)::int as waiting from work_logs w join officers o on o.id = w.officer_id
      join officers s on s.id = o.supervisor_id join users u on u.id = s.user_id where w.status = 'submitted' and u.status = 'active' group by u.email order by 2 desc limit 1`);
    const editor =
      await pick(sql`select u.email, 0 as waiting from grants g join users u on u.id = g.user_id join organizations o on o.id = g.organization_id
      where g.role = 'editor' and o.kind = 'opd' and u.status = 'active' order by o.path limit 1`);
    const reportOfficer = (
      (await seedDb.db.execute(
        sql`select officer_id as id from work_logs where status = 'approved' group by officer_id order by count(*) desc limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows[0].id;
    const recapOrg = (
      (await seedDb.db.execute(
        sql`select g.id, count(o.id)::int as n from organizations g join organizations s on s.path like g.path || '%' join officers o on o.organization_id = s.id
          group by g.id having count(o.id) >= 1000 order by count(o.id) asc limit 1`,
      )) as unknown as { rows: { id: string; n: number }[] }
    ).rows[0];
    // The reference: a plain count of the waiting entries, timed in this run.
    const countTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await seedDb.db.execute(sql`select count(*) from work_logs where status = 'submitted'`);
      countTimes.push(performance.now() - t);
    }
    await seedDb.close();
    countTimes.sort((a, b) => a - b);

    const server = await startAppServer(url, 20);
    cleanups.unshift(() => server.close());
    const bare = Fastify();
    bare.get("/ping", async () => ({ status: "ok" }));
    await bare.listen({ port: 0, host: "127.0.0.1" });
    cleanups.unshift(() => bare.close());
    const bareAddr = bare.server.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}`;

    const load = { connections: opts.connections, durationSeconds: opts.durationSeconds };
    const bossCookie = await signIn(server.baseUrl, boss.email, BENCH_PASSWORD);
    const editorCookie = await signIn(server.baseUrl, editor.email, BENCH_PASSWORD);
    const check = await fetch(`${server.baseUrl}/api/v1/work-logs/queue?pageSize=50`, { headers: { cookie: bossCookie } });
    const checked = (await check.json()) as { total: number };
    if (check.status !== 200 || checked.total < 1) throw new Error(`queue sanity check failed: ${check.status} ${JSON.stringify(checked)}`);

    console.log("  measuring bare route…");
    const bareResult = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    console.log("  measuring the supervisor's queue…");
    const bossResult = await measure(
      {
        ...load,
        url: server.baseUrl,
        paths: ["/api/v1/work-logs/queue?pageSize=50", "/api/v1/work-logs/queue/count"],
        headers: { cookie: bossCookie },
      },
      opts.warmupSeconds,
    );
    console.log("  measuring an agency editor's queue…");
    console.log("  measuring the agency dashboard…");
    const dashboardResult = await measure(
      {
        ...load,
        url: server.baseUrl,
        paths: [`/api/v1/dashboard/pranata-humas?year=${new Date().getUTCFullYear()}`],
        headers: { cookie: editorCookie },
      },
      opts.warmupSeconds,
    );
    const editorResult = await measure(
      { ...load, url: server.baseUrl, paths: ["/api/v1/work-logs/queue?pageSize=50"], headers: { cookie: editorCookie } },
      opts.warmupSeconds,
    );

    // Documents: one at a time, as a person downloads them (median and max of several runs).
    const adminCookie = await signIn(server.baseUrl, base.admin.email, base.admin.password);
    const timeGet = async (path: string, runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = await fetch(server.baseUrl + path, { headers: { cookie: adminCookie } });
        const body = await res.arrayBuffer();
        if (res.status !== 200 || body.byteLength < 1000) throw new Error(`GET ${path}: ${res.status}`);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
    };
    const year = new Date().getUTCFullYear();
    console.log("  timing the officer's annual PDF and a 1,000-officer recap XLSX…");
    const pdf = await timeGet(`/api/v1/officers/${reportOfficer}/report.pdf?from=${year}-01-01&to=${year}-12-31`, 7);
    const recap = await timeGet(`/api/v1/reports/recap.xlsx?organizationId=${recapOrg.id}&year=${year}`, 3);

    const row = (label: string, r: LoadResult): Row => ({
      label,
      values: { "req/s": r.rps, "p50 ms": r.p50, "p95 ms": r.p95, "p99 ms": r.p99, failed: r.non2xx + r.errors + r.timeouts },
      target: `p95≤${TARGET_P95_MS}`,
      pass: r.p95 <= TARGET_P95_MS && r.non2xx + r.errors + r.timeouts === 0,
    });
    const p = (q: number) => countTimes[Math.min(countTimes.length - 1, Math.floor(q * countTimes.length))];
    return {
      name: "work-log-queue",
      title: `Verification queue and agency dashboard on PostgreSQL, ${opts.workLogs.toLocaleString("en")} work logs, ${opts.connections} connections`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: { ...opts, seed, base: { organizations: base.organizations, users: base.users }, boss, editor: editor.email },
      columns: ["req/s", "p50 ms", "p95 ms", "p99 ms", "failed"],
      rows: [
        {
          label: "bare Fastify GET /ping",
          values: { "req/s": bareResult.rps, "p50 ms": bareResult.p50, "p95 ms": bareResult.p95, "p99 ms": bareResult.p99, failed: 0 },
          reference: true,
        },
        {
          label: "plain SELECT count(*) … where status = 'submitted' (one at a time)",
          values: { "req/s": 1000 / p(0.5), "p50 ms": p(0.5), "p95 ms": p(0.95), "p99 ms": p(0.99), failed: 0 },
          reference: true,
        },
        row(`supervisor's queue (${boss.waiting} waiting) + count`, bossResult),
        row("agency editor's queue", editorResult),
        row("agency dashboard (editor of an OPD, current year)", dashboardResult),
        {
          label: "one officer's annual PDF report (median / max of 7)",
          values: { "req/s": 1000 / pdf.median, "p50 ms": pdf.median, "p95 ms": pdf.max, "p99 ms": pdf.max, failed: 0 },
          target: "≤1000 ms",
          pass: pdf.max <= 1000,
        },
        {
          label: `recap XLSX of ${recapOrg.n} officers (median / max of 3)`,
          values: { "req/s": 1000 / recap.median, "p50 ms": recap.median, "p95 ms": recap.max, "p99 ms": recap.max, failed: 0 },
          target: "≤10000 ms",
          pass: recap.max <= 10_000,
        },
      ],
      notes: [
        `Data: ${seed.officers} officers, ${seed.workLogs} work logs (${seed.submitted} submitted) over 1,000 organizations; seeded in ${seed.seconds.toFixed(0)} s.`,
        "Load: wrk (1 thread) on 127.0.0.1; the supervisor alternates the queue page (50) and the navigation count.",
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
