/**
 * The public newsroom on PostgreSQL over 100,000 content items: home, agency home, item pages and
 * full-text search at 64 connections, against a bare Fastify route in the same run; plus the
 * transferred size of an item page (budget 60 KB without images).
 */
import { gzipSync } from "node:zlib";
import Fastify from "fastify";
import { openDatabase } from "../server/db/client";
import { startAppServer } from "./lib/app-server";
import { ensureWrk, type LoadResult, measure } from "./lib/load";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";
import { seedBenchData } from "./lib/seed";
import { seedContent, TOPICS } from "./lib/seed-content";

export interface NewsroomOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  items: number;
}

const DB_NAME = "sinergi_bench_newsroom";
const POOL_SIZE = 20;
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 20;
const TARGET_SEARCH_P95_MS = 50;
const PAGE_BUDGET_KB = 60;

export async function runNewsroom(opts: NewsroomOptions): Promise<BenchResult> {
  const started = performance.now();
  ensureWrk();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const cleanups: (() => Promise<void>)[] = [() => dropDatabase(DB_NAME)];
  try {
    const seedDb = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const orgSeed = await seedBenchData(seedDb.db, { organizations: 1000, users: 200 });
    const seed = await seedContent(seedDb.db, opts.items).finally(() => seedDb.close());
    console.log(`  seeded ${seed.items} items (${seed.published} public, ${seed.embargoed} embargoed) in ${seed.seconds.toFixed(1)} s`);

    const server = await startAppServer(url, POOL_SIZE);
    cleanups.unshift(() => server.close());
    const pick = (await server.services.database.sql.query(
      `select o.slug as org, c.slug as item from content_items c join organizations o on o.id = c.organization_id
       where c.status = 'published' and c.public_from <= now() order by c.id limit 200`,
    )) as unknown as { rows: { org: string; item: string }[] };
    const itemPaths = pick.rows.map((r) => `/${r.org}/${r.item}`);
    const agencies = [...new Set(pick.rows.map((r) => r.org))].slice(0, 50).map((o) => `/${o}`);
    const searchPaths = TOPICS.slice(0, 20).map((t) => `/?q=${encodeURIComponent(t)}`);

    // Sanity: each kind of page answers 200 with what we seeded.
    for (const p of [itemPaths[0], agencies[0], "/", searchPaths[0]]) {
      const res = await fetch(server.baseUrl + p);
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status}`);
    }
    const sample = await fetch(server.baseUrl + itemPaths[0], { headers: { "accept-encoding": "gzip" } });
    const html = await sample.text();
    const pageBytes = Buffer.byteLength(html);
    const pageGzip = sample.headers.get("content-encoding") === "gzip" ? null : gzipSync(html).length;

    const bare = Fastify();
    bare.get("/ping", async () => ({ status: "ok", service: "sinergi-bench" }));
    await bare.listen({ port: 0, host: "127.0.0.1" });
    cleanups.unshift(() => bare.close());
    const bareAddr = bare.server.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}`;

    const load = { connections: opts.connections, durationSeconds: opts.durationSeconds };
    const headers = { "accept-encoding": "gzip" };
    console.log("  measuring bare route…");
    const bareBefore = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    console.log("  measuring newsroom home /…");
    const home = await measure({ ...load, url: server.baseUrl, paths: ["/"], headers }, opts.warmupSeconds);
    console.log(`  measuring agency homes (${agencies.length})…`);
    const agency = await measure({ ...load, url: server.baseUrl, paths: agencies, headers }, opts.warmupSeconds);
    console.log(`  measuring item pages (${itemPaths.length})…`);
    const items = await measure({ ...load, url: server.baseUrl, paths: itemPaths, headers }, opts.warmupSeconds);
    console.log(`  measuring search (${searchPaths.length} queries)…`);
    const search = await measure({ ...load, url: server.baseUrl, paths: searchPaths, headers }, opts.warmupSeconds);
    console.log("  measuring bare route again…");
    const bareAfter = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    const bareRps = (bareBefore.rps + bareAfter.rps) / 2;

    const row = (label: string, r: LoadResult, target: "page" | "search" | null): Row => {
      const ratio = r.rps / bareRps;
      const failures = r.non2xx + r.errors + r.timeouts;
      const values = {
        "req/s": r.rps,
        "p50 ms": r.p50,
        "p95 ms": r.p95,
        "p99 ms": r.p99,
        "% of bare": ratio * 100,
        "KiB/resp": r.bytesPerRequest / 1024,
        failed: failures,
      };
      if (!target) return { label, values, reference: true };
      if (target === "search")
        return { label, values, target: `p95≤${TARGET_SEARCH_P95_MS}`, pass: r.p95 <= TARGET_SEARCH_P95_MS && failures === 0 };
      return {
        label,
        values,
        target: `≥${TARGET_RATIO * 100}%, p99≤${TARGET_P99_MS}`,
        pass: ratio >= TARGET_RATIO && r.p99 <= TARGET_P99_MS && failures === 0,
      };
    };
    const transferred = (pageGzip ?? Number(sample.headers.get("content-length") ?? pageBytes)) / 1024;

    return {
      name: "newsroom",
      title: `Public newsroom on PostgreSQL, ${seed.items.toLocaleString("en")} content items, ${opts.connections} connections`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        ...opts,
        databasePoolSize: POOL_SIZE,
        orgSeed: { organizations: orgSeed.organizations },
        seed,
        pageBytes,
        raw: { bareBefore, bareAfter, home, agency, items, search },
      },
      columns: ["req/s", "p50 ms", "p95 ms", "p99 ms", "% of bare", "KiB/resp", "failed"],
      rows: [
        row("bare Fastify GET /ping (before)", bareBefore, null),
        row("GET / (top organization home)", home, "page"),
        row(`GET /<agency> (${agencies.length} agencies)`, agency, "page"),
        row(`GET /<agency>/<item> (${itemPaths.length} items)`, items, "page"),
        row(`GET /?q=… full-text search (${searchPaths.length} queries)`, search, "search"),
        row("bare Fastify GET /ping (after)", bareAfter, null),
      ],
      notes: [
        `Data: ${orgSeed.organizations} organizations; ${seed.items} content items with the five seed articles as bodies, ${seed.published} public, ${seed.embargoed} under a future embargo, the rest in the workflow.`,
        `Item page weight: ${(pageBytes / 1024).toFixed(1)} KiB of HTML, ${transferred.toFixed(1)} KiB transferred with gzip, excluding images (budget ${PAGE_BUDGET_KB} KB): ${transferred <= PAGE_BUDGET_KB ? "within" : "OVER"} budget.`,
        `"% of bare" is relative to the mean of the two bare runs (${bareRps.toFixed(0)} req/s). Server: the real app in-process, pool of ${POOL_SIZE}, wrk (1 thread) in its own process, all on 127.0.0.1; requests accept gzip like a browser.`,
        `Targets: pages ≥ ${TARGET_RATIO * 100}% of the bare route and p99 ≤ ${TARGET_P99_MS} ms; search p95 ≤ ${TARGET_SEARCH_P95_MS} ms (reported, never fails the run).`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
