/**
 * `npm run bench [-- NAME…] [--quick]`: runs the benchmarks (all by default), prints a table per
 * benchmark and writes bench/results/<name>.json plus a summary in bench/results/README.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runApiRead } from "./api-read.bench";
import { runBundleSize } from "./bundle-size.bench";
import { runContactSearch } from "./contact-search.bench";
import { runDistributionSend } from "./distribution-send.bench";
import { runExtraction } from "./extraction.bench";
import { type BenchResult, formatTable, RESULTS_DIR, writeResult, writeSummary } from "./lib/report";
import { runMonitoringIngest } from "./monitoring-ingest.bench";
import { runMonitoringLibs } from "./monitoring-libs.bench";
import { runMonitoringSearch } from "./monitoring-search.bench";
import { runMonitoringWorkerMemory } from "./monitoring-worker-memory.bench";
import { runNewsroom } from "./newsroom.bench";
import { runPublishFanout } from "./publish-fanout.bench";
import { runStartup } from "./startup.bench";
import { runTone } from "./tone.bench";
import { runWorkLogQueue } from "./work-log-queue.bench";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const wanted = args.filter((a) => !a.startsWith("--"));

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  "api-read": () => runApiRead({ connections: 64, durationSeconds: quick ? 3 : 10, warmupSeconds: quick ? 1 : 2 }),
  "bundle-size": () => runBundleSize(),
  "contact-search": () =>
    runContactSearch({
      journalists: 100_000,
      outlets: 20_000,
      connections: 8,
      durationSeconds: quick ? 3 : 10,
      warmupSeconds: quick ? 1 : 2,
      samples: quick ? 20 : 60,
    }),
  extraction: () => runExtraction({ pages: quick ? 200 : 1000, runs: quick ? 2 : 3, chromeRepeat: 25 }),
  "distribution-send": () => runDistributionSend({ recipients: quick ? 1000 : 5000, ratePerMinute: 1800, timeoutSeconds: 900 }),
  "monitoring-ingest": () => runMonitoringIngest({ items: quick ? 2_050 : 10_050, batch: 500, watchlists: 100 }),
  "monitoring-libs": () => runMonitoringLibs({ articles: quick ? 2_000 : 10_000, queries: 100, runs: quick ? 1 : 3 }),
  "monitoring-search": () => runMonitoringSearch({ articles: quick ? 100_000 : 1_000_000, samples: quick ? 10 : 30 }),
  // BENCH_WORKER_ITEMS sizes a full run (1,000,000 takes hours on a 2-core machine).
  "monitoring-worker-memory": () =>
    runMonitoringWorkerMemory({
      items: quick ? 5_000 : Number(process.env.BENCH_WORKER_ITEMS ?? 1_000_000),
      batch: 100,
      watchlists: 100,
      sources: 20,
    }),
  newsroom: () =>
    runNewsroom({ connections: 64, durationSeconds: quick ? 3 : 10, warmupSeconds: quick ? 1 : 2, items: quick ? 20_000 : 100_000 }),
  "publish-fanout": () => runPublishFanout({ items: quick ? 200 : 1000, timeoutSeconds: 600 }),
  startup: () => runStartup({ runs: quick ? 2 : 5 }),
  tone: () => runTone({ sentences: quick ? 20_000 : 100_000, runs: quick ? 3 : 5 }),
  "work-log-queue": () =>
    runWorkLogQueue({
      connections: 16,
      durationSeconds: quick ? 3 : 10,
      warmupSeconds: quick ? 1 : 2,
      workLogs: quick ? 100_000 : 1_000_000,
    }),
};

async function main() {
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  for (const n of names) if (!BENCHMARKS[n]) throw new Error(`unknown benchmark ${n}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  const started = performance.now();
  const results: BenchResult[] = [];
  for (const name of names) {
    console.log(`\n▶ ${name}`);
    const result = await BENCHMARKS[name]();
    writeResult(result);
    results.push(result);
    console.log(`\n${result.title}  (${result.durationSeconds.toFixed(0)} s)\n${formatTable(result)}`);
  }
  const total = (performance.now() - started) / 1000;
  // The summary keeps figures of benchmarks not run this time from their last JSON.
  const all = Object.keys(BENCHMARKS).flatMap((n) => {
    const fresh = results.find((r) => r.name === n);
    if (fresh) return [fresh];
    try {
      return [JSON.parse(readFileSync(path.join(RESULTS_DIR, `${n}.json`), "utf8")) as BenchResult];
    } catch {
      return [];
    }
  });
  writeSummary(all, names, total);
  console.log(`\nDone in ${total.toFixed(0)} s; results in bench/results/.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
