/**
 * Monitoring worker memory: does a worker's memory stay flat while it ingests a long stream of
 * items? A child process (bench/lib/monitoring-worker.ts) opens a fresh PostgreSQL database,
 * creates 100 watchlists, then ingests N items (default 1,000,000) through the real
 * `ingestItems` in fetch-job-sized batches, reporting RSS and heap after a full GC every
 * `every` items. The parent prints the samples and judges "flat" by the least-squares slope of
 * RSS over the samples from the 25 % mark to the end (the first quarter holds the warm-up
 * growth: models, caches, the pg pool, V8 code), in MB per 100,000 items.
 *
 * Standalone: `npx tsx bench/monitoring-worker-memory.bench.ts [--items N] [--batch B] [--every K] [--max-minutes M]`
 * (writes bench/results/monitoring-worker-memory.json); in `npm run bench` the size comes from
 * BENCH_WORKER_ITEMS (default 1,000,000).
 */
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkerDone, WorkerOptions, WorkerSample } from "./lib/monitoring-worker";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, formatTable, machineInfo, type Row, writeResult } from "./lib/report";

export interface MonitoringWorkerMemoryOptions {
  items: number;
  /** Items per ingestItems call (the fetch job hands over at most 60 articles per run; feeds in bulk, more). */
  batch: number;
  /** Sample every this many items (default: 50,000, or N/20 for small runs). */
  every?: number;
  /** Stop after this many minutes of ingest (a budgeted run); the result is labelled with the items actually done. */
  maxMinutes?: number;
  watchlists: number;
  sources: number;
}

const DB_NAME = "sinergi_bench_monitoring_worker";
/** "Flat": RSS grows by at most this many MB per 100,000 items after the first quarter. */
const FLAT_MB_PER_100K = 5;
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib", "monitoring-worker.ts");
const MB = 2 ** 20;

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den ? num / den : 0;
}

function runWorker(opts: WorkerOptions): Promise<{ samples: WorkerSample[]; done: WorkerDone }> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(opts)], {
      execArgv: ["--expose-gc", "--import", "tsx"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let tail = "";
    const keep = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const samples: WorkerSample[] = [];
    let done: WorkerDone | null = null;
    child.on("message", (m: WorkerSample | WorkerDone) => {
      if (m.type === "done") {
        done = m;
        return;
      }
      const prev = samples.at(-1);
      const rate = prev ? (m.items - prev.items) / (m.seconds - prev.seconds) : 0;
      samples.push(m);
      console.log(
        `  ${m.items.toLocaleString("en").padStart(9)} items  ${m.seconds.toFixed(0).padStart(6)} s  RSS ${(m.rss / MB).toFixed(1).padStart(7)} MB  heap ${(m.heapUsed / MB).toFixed(1).padStart(6)} MB${prev ? `  ${rate.toFixed(0)} items/s` : "  (baseline)"}`,
      );
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0 && done) resolve({ samples, done });
      else reject(new Error(`worker exited (${code ?? signal}) before finishing:\n${tail}`));
    });
  });
}

export async function runMonitoringWorkerMemory(opts: MonitoringWorkerMemoryOptions): Promise<BenchResult> {
  const started = performance.now();
  const every = opts.every ?? Math.max(opts.batch, Math.min(50_000, Math.round(opts.items / 20 / opts.batch) * opts.batch));
  const pgVersion = await postgresVersion();
  const databaseUrl = await createFreshDatabase(DB_NAME);
  try {
    const { samples, done } = await runWorker({
      databaseUrl,
      items: opts.items,
      batch: opts.batch,
      every,
      watchlists: opts.watchlists,
      sources: opts.sources,
      maxSeconds: opts.maxMinutes === undefined ? undefined : opts.maxMinutes * 60,
    });
    const n = done.items;
    const baseline = samples[0];
    const last = samples[samples.length - 1];
    const tail = samples.filter((s) => s.items >= n * 0.25);
    const rssSlope = (slope(tail.map((s) => ({ x: s.items, y: s.rss }))) * 100_000) / MB;
    const heapSlope = (slope(tail.map((s) => ({ x: s.items, y: s.heapUsed }))) * 100_000) / MB;
    const measured = last.items - baseline.items;
    const rate = measured / (last.seconds - baseline.seconds);
    const beforeLast = samples[samples.length - 2] ?? baseline;
    const lastRate = (last.items - beforeLast.items) / Math.max(1e-9, last.seconds - beforeLast.seconds);

    const rows: Row[] = samples.map((s, i) => {
      const prev = samples[i - 1];
      return {
        label: i === 0 ? `after the first batch (${s.items} items, baseline)` : `after ${s.items.toLocaleString("en")} items`,
        values: {
          "RSS MB": s.rss / MB,
          "heap MB": s.heapUsed / MB,
          "heap total MB": s.heapTotal / MB,
          "external MB": s.external / MB,
          "items/s": prev ? (s.items - prev.items) / (s.seconds - prev.seconds) : "",
        },
        reference: i === 0,
      };
    });
    rows.push({
      label: `slope from the 25 % mark to the end (MB per 100,000 items; ${tail.length} samples)`,
      values: { "RSS MB": rssSlope, "heap MB": heapSlope, "heap total MB": "", "external MB": "", "items/s": rate },
      target: `RSS ≤ ${FLAT_MB_PER_100K} MB per 100k items`,
      pass: tail.length >= 3 && rssSlope <= FLAT_MB_PER_100K,
    });

    const peak = Math.max(...samples.map((s) => s.maxRss));
    return {
      name: "monitoring-worker-memory",
      title: `Monitoring worker memory over ${n.toLocaleString("en")} items (PostgreSQL)`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        items: n,
        itemsAsked: opts.items,
        stoppedByTimeBudget: n < opts.items,
        batch: opts.batch,
        sampleEvery: every,
        watchlists: opts.watchlists,
        sources: opts.sources,
        clarifications: 20,
        mix: done.mix,
        inserted: last.inserted,
        updated: last.updated,
        duplicates: last.duplicates,
        nearDuplicates: last.nearDuplicates,
        rejected: last.rejected,
        articlesInDatabase: done.articles,
        mentionsInDatabase: done.mentions,
        storiesInDatabase: done.stories,
        nearDupBandCollisionRate: done.bandCollisionRate,
        gcBeforeSamples: baseline.gc,
        peakRssMB: Math.round((peak / MB) * 10) / 10,
        workerCpuSeconds: Math.round(done.cpuSeconds),
        ingestSeconds: Math.round(done.seconds),
        itemsPerSecond: Math.round(rate * 10) / 10,
        loadAverage1mAtEnd: os.loadavg()[0],
      },
      columns: ["RSS MB", "heap MB", "heap total MB", "external MB", "items/s"],
      rows,
      notes: [
        `N = ${n.toLocaleString("en")} items${n < opts.items ? ` (of ${opts.items.toLocaleString("en")} asked; stopped by the ${opts.maxMinutes}-minute budget)` : ""} in ${done.seconds.toFixed(0)} s (${rate.toFixed(1)} items/s after the first batch; worker CPU ${done.cpuSeconds.toFixed(0)} s, ${((1000 * done.cpuSeconds) / n).toFixed(1)} ms per item). At this average rate 1,000,000 items would take about ${(1_000_000 / rate / 3600).toFixed(1)} h; the last interval ran at ${lastRate.toFixed(1)} items/s, so if the rate keeps falling as the archive grows (see the items/s column) it takes longer.`,
        `Samples after ${baseline.gc ? "two forced GCs (--expose-gc)" : "no forced GC"}; RSS ${(baseline.rss / MB).toFixed(0)} → ${(last.rss / MB).toFixed(0)} MB, heap ${(baseline.heapUsed / MB).toFixed(0)} → ${(last.heapUsed / MB).toFixed(0)} MB, peak RSS ${(peak / MB).toFixed(0)} MB (the peak includes per-batch garbage before collection).`,
        `Items from the five seed articles and the hoax-dataset news texts (bench/lib/monitoring-items.ts): ${done.mix.originals} originals, ${done.mix.syndicated} syndicated copies, ${done.mix.exactDuplicates} exact duplicates, ${done.mix.updates} updates, dates over 6 weeks; one transaction per batch of ${opts.batch} as the fetch job does, ${opts.sources} sources of one province, ${opts.watchlists} watchlists over its 10 units, domain-event subscribers registered.`,
        "PostgreSQL and other work share the 2-core machine; items/s is the machine's, the memory slope is the point.",
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await dropDatabase(DB_NAME);
  }
}

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1].replaceAll("_", "")) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMonitoringWorkerMemory({
    items: flag("items") ?? Number(process.env.BENCH_WORKER_ITEMS ?? 1_000_000),
    batch: flag("batch") ?? 100,
    every: flag("every"),
    maxMinutes: flag("max-minutes"),
    watchlists: 100,
    sources: 20,
  })
    .then((result) => {
      writeResult(result);
      console.log(`\n${result.title}  (${result.durationSeconds.toFixed(0)} s)\n${formatTable(result)}\n`);
      for (const n of result.notes) console.log(`- ${n}`);
    })
    .catch((err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 1;
    });
}
