/**
 * Journalist contact search on PostgreSQL at 100,000 journalists and 20,000 outlets: GET
 * /api/v1/journalists with a name search and filters, p95 per query (one user, sequential) and
 * under load (wrk), without and with the trigram index on lower(name), against a bare Fastify route.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { openDatabase } from "../server/db/client";
import { signIn, startAppServer } from "./lib/app-server";
import { ensureWrk, type LoadResult, measure } from "./lib/load";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";
import { seedBenchData } from "./lib/seed";
import { seedContacts } from "./lib/seed-contacts";

export interface ContactSearchOptions {
  journalists: number;
  outlets: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Sequential requests per query for the single-user latency. */
  samples: number;
}

const DB_NAME = "sinergi_bench_contacts";
const POOL_SIZE = 20;
const TARGET_P95_MS = 50;
const INDEX = "journalists_name_trgm_idx";

/** What people type: part of a name, often with a filter or two. */
const QUERIES = [
  "q=wirawan",
  "q=hidayat&ukwLevel=madya",
  "q=sari&beat=politik",
  "q=kusuma&regionCode=35",
  "q=rahma&role=reporter",
  "q=budi%20santoso&ukwLevel=utama",
  "q=eko&beat=ekonomi&regionCode=35.78",
  "q=made%20adnyana",
  // The broad lists: the page as it opens (no filter), a filter without a name, a one-letter search.
  "sort=name",
  "ukwLevel=utama&beat=politik",
  "regionCode=35.78",
  "q=a",
];

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** One user searching: each query `samples` times in a row, after one warm-up call. */
async function sequential(baseUrl: string, cookie: string, samples: number) {
  const out: { query: string; total: number; p50: number; p95: number }[] = [];
  for (const q of QUERIES) {
    const url = `${baseUrl}/api/v1/journalists?${q}&pageSize=50`;
    const first = await fetch(url, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`GET ${url}: ${first.status} ${await first.text()}`);
    const { total } = (await first.json()) as { total: number };
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
    }
    out.push({ query: q, total, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return out;
}

export async function runContactSearch(opts: ContactSearchOptions): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore1 = os.loadavg()[0];
  ensureWrk();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const cleanups: (() => Promise<void>)[] = [() => dropDatabase(DB_NAME)];
  try {
    const seedDb = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const { seed, contacts } = await (async () => {
      const seed = await seedBenchData(seedDb.db, { organizations: 1000, users: 1000 });
      const contacts = await seedContacts(seedDb.db, { outlets: opts.outlets, journalists: opts.journalists });
      return { seed, contacts };
    })().finally(() => seedDb.close());
    console.log(
      `  seeded ${seed.organizations} organizations, ${contacts.outlets} outlets, ${contacts.journalists} journalists, ${contacts.memberships} memberships in ${(seed.seconds + contacts.seconds).toFixed(1)} s`,
    );

    const server = await startAppServer(url, POOL_SIZE);
    cleanups.unshift(() => server.close());
    const cookie = await signIn(server.baseUrl, seed.admin.email, seed.admin.password);
    const db = server.services.db;

    const bare = Fastify();
    bare.get("/ping", async () => ({ status: "ok", service: "sinergi-bench" }));
    await bare.listen({ port: 0, host: "127.0.0.1" });
    cleanups.unshift(() => bare.close());
    const bareAddr = bare.server.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}`;

    const paths = QUERIES.map((q) => `/api/v1/journalists?${q}&pageSize=50`);
    const load = { connections: opts.connections, durationSeconds: opts.durationSeconds };
    const headers = { cookie, "accept-encoding": "gzip" };

    console.log("  measuring bare route…");
    const bareBefore = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);

    // Before: the schema as it was (sequential scan of lower(name) like '%q%').
    await db.execute(sql.raw(`drop index if exists ${INDEX}`));
    await db.execute(sql`analyze journalists`);
    console.log("  without the trigram index: sequential, then under load…");
    const seqBefore = await sequential(server.baseUrl, cookie, opts.samples);
    const loadBefore = await measure({ ...load, url: server.baseUrl, paths, headers }, opts.warmupSeconds);

    // After: the migration's index (0025_journalist_name_trgm).
    const t0 = performance.now();
    await db.execute(sql.raw(`create index ${INDEX} on journalists using gin (lower(name) gin_trgm_ops)`));
    await db.execute(sql`analyze journalists`);
    const indexSeconds = (performance.now() - t0) / 1000;
    console.log(`  with the trigram index (built in ${indexSeconds.toFixed(1)} s)…`);
    const seqAfter = await sequential(server.baseUrl, cookie, opts.samples);
    const loadAfter = await measure({ ...load, url: server.baseUrl, paths, headers }, opts.warmupSeconds);

    console.log("  measuring bare route again…");
    const bareAfter = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    const bareRps = (bareBefore.rps + bareAfter.rps) / 2;

    const seqP95 = (xs: { p95: number }[]) => Math.max(...xs.map((x) => x.p95));
    const loadRow = (label: string, r: LoadResult, seq: { p95: number }[] | null, reference: boolean): Row => {
      const values = {
        "req/s": r.rps,
        "p50 ms": r.p50,
        "p95 ms": r.p95,
        "p99 ms": r.p99,
        "1-user p95 ms": seq ? seqP95(seq) : "",
        "% of bare": (r.rps / bareRps) * 100,
        failed: r.non2xx + r.errors + r.timeouts,
      };
      if (reference) return { label, values, reference: true };
      return { label, values, target: `p95≤${TARGET_P95_MS}`, pass: r.p95 <= TARGET_P95_MS && values.failed === 0 };
    };
    const perQuery = (label: string, s: (typeof seqAfter)[number], before: (typeof seqBefore)[number]): Row => ({
      label,
      values: {
        "p50 ms": s.p50,
        "1-user p95 ms": s.p95,
        "req/s": "",
        "p95 ms": "",
        "p99 ms": "",
        "% of bare": "",
        failed: `${s.total} hits (${before.p95.toFixed(1)} ms before)`,
      },
      target: `p95≤${TARGET_P95_MS}`,
      pass: s.p95 <= TARGET_P95_MS,
    });

    return {
      name: "contact-search",
      title: `Journalist contact search on PostgreSQL, ${contacts.journalists.toLocaleString("en")} journalists / ${contacts.outlets.toLocaleString("en")} outlets`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        ...opts,
        databasePoolSize: POOL_SIZE,
        queries: QUERIES,
        seed: { ...seed, contacts },
        indexBuildSeconds: indexSeconds,
        loadAverage1m: { atStart: loadBefore1, atEnd: os.loadavg()[0] },
        raw: { bareBefore, bareAfter, bareRps, seqBefore, seqAfter, loadBefore, loadAfter },
      },
      columns: ["req/s", "p50 ms", "p95 ms", "p99 ms", "1-user p95 ms", "% of bare", "failed"],
      rows: [
        loadRow("bare Fastify GET /ping (before)", bareBefore, null, true),
        loadRow("GET /api/v1/journalists?q=…&filters, no trigram index", loadBefore, seqBefore, false),
        loadRow("GET /api/v1/journalists?q=…&filters, trigram index", loadAfter, seqAfter, false),
        ...seqAfter.map((s, i) => perQuery(`  ${s.query} (1 user, index)`, s, seqBefore[i])),
        loadRow("bare Fastify GET /ping (after)", bareAfter, null, true),
      ],
      notes: [
        `Data: ${seed.organizations} organizations; ${contacts.outlets} outlets and ${contacts.journalists} journalists (${contacts.memberships} memberships) over the agencies, with Indonesian names, 14 beats, kabupaten/kota codes of Jatim, Jateng, Bali and NTB, Dewan Pers statuses (55% not registered) and UKW levels (45% none, 30% Muda, 15% Madya, 10% Utama). Signed in as an admin of the province root: every search runs over all 100,000.`,
        `Each list request returns 50 rows with the outlets of each journalist and the total: a name search of 3+ letters reads its matches once through the trigram index (page + exact total by a window count in an unordered subquery); a broad list (no name, or 1–2 letters) reads its page in the order of the (lower(name), id) index and counts apart, capped at 10,000 ("10.000+", migration 0028). "1-user p95" is the worst query's p95 over ${opts.samples} sequential requests each; the load rows cycle the ${QUERIES.length} queries over ${opts.connections} connections (wrk, 1 thread) for ${opts.durationSeconds} s.`,
        `Before: lower(name) like '%q%' reads the whole table (the btree on (organization_id, lower(name)) cannot serve a substring). After: migration 0025 adds a GIN trigram index on lower(name) (pg_trgm, also loaded in PGlite), built in ${indexSeconds.toFixed(1)} s here.`,
        `The machine's 1-minute load average was ${loadBefore1.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end (${os.availableParallelism()} cores, shared with other work): the bare route's p95 shows how much of every latency is waiting for a core.`,
        `"% of bare" is relative to the mean of the two bare runs (${bareRps.toFixed(0)} req/s). Target: p95 ≤ ${TARGET_P95_MS} ms (issue 5), reported, never fails the run. The machine is shared (2 cores): figures vary between runs.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
