/**
 * Startup time: spawning the server as `npm start` runs it (tsx server/main.ts) over a DATA_DIR
 * that already holds the embedded database, until /readyz answers 200; against a bare
 * `node -e http.createServer` as the floor.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, spawnProcess, stopProcess, waitFor200 } from "./lib/proc";
import { type BenchResult, machineInfo, median } from "./lib/report";

export interface StartupOptions {
  runs: number;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsxCli = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
const TARGET_MS = 3000;
const READY_TIMEOUT_MS = 60_000;
const FLOOR_SCRIPT = "require('http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')";

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The embedded database, no SMTP: nothing from the caller's configuration leaks in.
  for (const k of ["DATABASE_URL", "SMTP_URL", "PUBLIC_URL", "DATABASE_POOL_SIZE"]) delete env[k];
  env.PATH = [path.join(repoRoot, "node_modules", ".bin"), path.dirname(process.execPath), env.PATH ?? ""].join(path.delimiter);
  return { ...env, NODE_ENV: "production", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...extra };
}

interface Timing {
  readyMs: number;
  stopMs: number;
}

async function timeStart(args: string[], dataDir: string | null, readyPath: string): Promise<Timing> {
  const port = await freePort();
  const env = childEnv({ PORT: String(port), ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  const t0 = performance.now();
  const proc = spawnProcess(process.execPath, args, { cwd: repoRoot, env });
  try {
    const readyMs = await waitFor200(`http://127.0.0.1:${port}${readyPath}`, t0, READY_TIMEOUT_MS, proc.child);
    const s0 = performance.now();
    await stopProcess(proc.child);
    return { readyMs, stopMs: performance.now() - s0 };
  } catch (err) {
    await stopProcess(proc.child);
    throw new Error(`${err instanceof Error ? err.message : err}\n${proc.output()}`);
  }
}

export async function runStartup(opts: StartupOptions): Promise<BenchResult> {
  const started = performance.now();
  const work = mkdtempSync(path.join(tmpdir(), "sinergi-startup-"));
  try {
    const prepared = path.join(work, "prepared");
    const appArgs = [tsxCli, "server/main.ts"];
    // First start ever: creates the embedded database and runs the migrations.
    console.log("  preparing a DATA_DIR with an embedded database…");
    const first = await timeStart(appArgs, prepared, "/readyz");

    const app: Timing[] = [];
    const floor: Timing[] = [];
    for (let i = 0; i < opts.runs; i++) {
      floor.push(await timeStart(["-e", FLOOR_SCRIPT], null, "/"));
      const dataDir = path.join(work, `run-${i}`);
      cpSync(prepared, dataDir, { recursive: true });
      app.push(await timeStart(appArgs, dataDir, "/readyz"));
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`  run ${i + 1}/${opts.runs}: app ${app[i].readyMs.toFixed(0)} ms, floor ${floor[i].readyMs.toFixed(0)} ms`);
    }
    const stats = (xs: Timing[]) => {
      const ready = xs.map((x) => x.readyMs);
      return {
        "median ms": median(ready),
        "max ms": Math.max(...ready),
        "min ms": Math.min(...ready),
        "× floor": 0,
        "stop ms": median(xs.map((x) => x.stopMs)),
      };
    };
    const floorStats = stats(floor);
    const appStats = stats(app);
    floorStats["× floor"] = 1;
    appStats["× floor"] = appStats["median ms"] / floorStats["median ms"];
    return {
      name: "startup",
      title: "Startup time to /readyz (embedded database)",
      date: new Date().toISOString(),
      machine: machineInfo(),
      setup: { runs: opts.runs, command: "node node_modules/tsx/dist/cli.mjs server/main.ts", firstStart: first, app, floor },
      columns: ["median ms", "max ms", "min ms", "× floor", "stop ms"],
      rows: [
        { label: "floor: node -e http.createServer", values: floorStats, reference: true },
        {
          label: "tsx server/main.ts → /readyz 200",
          values: appStats,
          target: `max≤${TARGET_MS} ms`,
          pass: appStats["max ms"] <= TARGET_MS,
        },
        { label: "first start (creates embedded DB)", values: { "median ms": first.readyMs, "stop ms": first.stopMs } },
      ],
      notes: [
        `${opts.runs} runs each, interleaved; each app run gets a fresh copy of a DATA_DIR that already holds the migrated embedded database (PGlite), all services (web, worker, scheduler), LOG_LEVEL=warn.`,
        "Measured from spawn to the first 200 from /readyz (database answers and the job queue has started), polling every 10 ms; stop ms is SIGTERM to exit.",
        "`npm start` runs the same command plus npm's own start-up (not included).",
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
