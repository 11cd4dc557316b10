/**
 * API read throughput on PostgreSQL at 64 connections: the user list with search and the
 * organization tree, over 1,000 organizations and 10,000 users, against a bare Fastify route.
 */
import Fastify from "fastify";
import { openDatabase } from "../server/db/client";
import { signIn, startAppServer } from "./lib/app-server";
import { ensureWrk, type LoadResult, measure } from "./lib/load";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";
import { seedBenchData } from "./lib/seed";

export interface ApiReadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

const DB_NAME = "sinergi_bench";
const POOL_SIZE = 20;
const SEARCH_TERMS = ["Made", "Putu", "Sari", "Agus", "Dewi"];
const TARGET_RATIO = 0.1;
const TARGET_P99_MS = 25;

export async function runApiRead(opts: ApiReadOptions): Promise<BenchResult> {
  const started = performance.now();
  ensureWrk();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const cleanups: (() => Promise<void>)[] = [() => dropDatabase(DB_NAME)];
  try {
    // Seed over a small pool of its own; the server gets its own pool below.
    const seedDb = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const seed = await seedBenchData(seedDb.db, { organizations: 1000, users: 10_000 }).finally(() => seedDb.close());
    console.log(`  seeded ${seed.organizations} organizations, ${seed.users} users, ${seed.grants} grants in ${seed.seconds.toFixed(1)} s`);

    const server = await startAppServer(url, POOL_SIZE);
    cleanups.unshift(() => server.close());
    const cookie = await signIn(server.baseUrl, seed.admin.email, seed.admin.password);

    const bare = Fastify();
    bare.get("/ping", async () => ({ status: "ok", service: "sinergi-bench" }));
    await bare.listen({ port: 0, host: "127.0.0.1" });
    cleanups.unshift(() => bare.close());
    const bareAddr = bare.server.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}`;

    // Sanity: the endpoints answer what we think they answer, with the data we seeded.
    const userPaths = SEARCH_TERMS.map((t) => `/api/v1/users?q=${encodeURIComponent(t)}&pageSize=50`);
    const matches: Record<string, number> = {};
    for (const [i, p] of userPaths.entries()) {
      const res = await fetch(server.baseUrl + p, { headers: { cookie } });
      const body = (await res.json()) as { total: number; items: unknown[] };
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status}`);
      matches[SEARCH_TERMS[i]] = body.total;
    }
    const orgRes = await fetch(`${server.baseUrl}/api/v1/organizations`, { headers: { cookie } });
    const orgBody = (await orgRes.json()) as { items: unknown[] };
    if (orgRes.status !== 200 || orgBody.items.length !== seed.organizations) {
      throw new Error(`GET /api/v1/organizations: ${orgRes.status}, ${orgBody.items?.length} items`);
    }

    const load = { connections: opts.connections, durationSeconds: opts.durationSeconds };
    console.log(`  measuring bare route, ${opts.connections} connections, ${opts.durationSeconds} s…`);
    const bareBefore = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    // Like a browser: gzip accepted. Measured twice: as served (the response cache on, filled by
    // the warm-up), and with the cache off, so every request runs the full query path.
    const headers = { cookie, "accept-encoding": "gzip" };
    console.log("  measuring GET /api/v1/users?q=…&pageSize=50…");
    const usersResult = await measure({ ...load, url: server.baseUrl, paths: userPaths, headers }, opts.warmupSeconds);
    console.log("  measuring GET /api/v1/organizations…");
    const orgsResult = await measure({ ...load, url: server.baseUrl, paths: ["/api/v1/organizations"], headers }, opts.warmupSeconds);
    server.services.responseCache.enabled = false;
    console.log("  measuring both again with the response cache off…");
    const usersCold = await measure({ ...load, url: server.baseUrl, paths: userPaths, headers }, opts.warmupSeconds);
    const orgsCold = await measure({ ...load, url: server.baseUrl, paths: ["/api/v1/organizations"], headers }, opts.warmupSeconds);
    server.services.responseCache.enabled = true;
    // The reference again: on a shared machine the ceiling drifts, and the spread shows by how much.
    console.log("  measuring bare route again…");
    const bareAfter = await measure({ ...load, url: bareUrl, paths: ["/ping"] }, opts.warmupSeconds);
    const bareRps = (bareBefore.rps + bareAfter.rps) / 2;

    const row = (label: string, r: LoadResult, reference: boolean): Row => {
      const ratio = r.rps / bareRps;
      const failures = r.non2xx + r.errors + r.timeouts;
      const values = {
        "req/s": r.rps,
        "p50 ms": r.p50,
        "p99 ms": r.p99,
        "% of bare": ratio * 100,
        "KiB/resp": r.bytesPerRequest / 1024,
        failed: failures,
      };
      if (reference) return { label, values, reference: true };
      return {
        label,
        values,
        target: `≥${TARGET_RATIO * 100}%, p99≤${TARGET_P99_MS}`,
        pass: ratio >= TARGET_RATIO && r.p99 <= TARGET_P99_MS && failures === 0,
      };
    };

    return {
      name: "api-read",
      title: `API read throughput on PostgreSQL, ${opts.connections} connections`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        connections: opts.connections,
        durationSeconds: opts.durationSeconds,
        warmupSeconds: opts.warmupSeconds,
        databasePoolSize: POOL_SIZE,
        searchTerms: SEARCH_TERMS,
        searchMatches: matches,
        seed,
        raw: { bareBefore, bareAfter, bareRps, users: usersResult, organizations: orgsResult, usersCold, orgsCold },
      },
      columns: ["req/s", "p50 ms", "p99 ms", "% of bare", "KiB/resp", "failed"],
      rows: [
        row("bare Fastify GET /ping (before)", bareBefore, true),
        row(`GET /api/v1/users?q=…&pageSize=50 (${SEARCH_TERMS.length} terms)`, usersResult, false),
        row(`GET /api/v1/organizations (${seed.organizations} orgs)`, orgsResult, false),
        row("  same users list, response cache off", usersCold, false),
        row("  same organization tree, response cache off", orgsCold, false),
        row("bare Fastify GET /ping (after)", bareAfter, true),
      ],
      notes: [
        `Data: ${seed.organizations} organizations (${Object.entries(seed.byKind)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}), ${seed.users} users, ${seed.grants} grants; signed in as an admin of the province root (sees everything).`,
        `Search terms ${SEARCH_TERMS.join(", ")} match ${Object.values(matches).join(", ")} users; each connection cycles through them.`,
        `Server: the real app in-process (buildApp), pool of ${POOL_SIZE} connections, inline jobs, logger silent; load generator wrk (1 thread) in its own process; all on 127.0.0.1.`,
        `"% of bare" is relative to the mean of the two bare runs (${bareRps.toFixed(0)} req/s; before ${bareBefore.rps.toFixed(0)}, after ${bareAfter.rps.toFixed(0)}).`,
        'Requests send accept-encoding: gzip like a browser. The first two rows are the app as it runs (the response cache, invalidated by database NOTIFY on writes, is warm after the warm-up); the "cache off" rows run the full query path on every request.',
        `Targets: ≥ ${TARGET_RATIO * 100}% of the bare route's req/s and p99 ≤ ${TARGET_P99_MS} ms (reported, never fails the run).`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
