import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface LoadSpec {
  /** Origin, e.g. http://127.0.0.1:4321 (always loopback). */
  url: string;
  /** Paths cycled through by every connection. */
  paths: string[];
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  total: number;
  durationSeconds: number;
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerRequest: number;
}

/**
 * wrk (C, from Debian) is the load generator. autocannon was tried first: its JavaScript
 * parser costs more per response byte than the server does, so a 34 KiB response measured
 * the generator (1.3k req/s) rather than the server (wrk: 30k+ req/s for the same bytes).
 */
export function ensureWrk() {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT" && (err as { status?: number }).status !== undefined) return;
    console.log("  installing wrk (apt-get)…");
    execFileSync("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"], { stdio: "inherit" });
  }
}

// Cycles the paths per connection and prints the figures as JSON when done.
const LUA = `
local paths = {}
local i = 0
for p in string.gmatch(os.getenv("WRK_PATHS"), "[^\\n]+") do table.insert(paths, p) end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local ms = function(us) return us / 1000 end
  io.write(string.format('JSON{"total":%d,"us":%d,"bytes":%d,"p50":%f,"p90":%f,"p95":%f,"p99":%f,"max":%f,"mean":%f,"non2xx":%d,"errors":%d,"timeouts":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max), ms(latency.mean),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout))
end
`;

let script: string | null = null;

/** Runs one wrk load test (1 thread: the other core is the server's) and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const host = new URL(spec.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`load only against loopback, not ${host}`);
  if (!script) {
    script = path.join(mkdtempSync(path.join(tmpdir(), "sinergi-wrk-")), "cycle.lua");
    writeFileSync(script, LUA);
  }
  const args = ["-t1", `-c${spec.connections}`, `-d${spec.durationSeconds}s`, "--timeout", "10s", "-s", script];
  for (const [k, v] of Object.entries(spec.headers ?? {})) args.push("-H", `${k}: ${v}`);
  args.push(spec.url);
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRK_PATHS: spec.paths.join("\n") } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    // Bounded: the run itself plus a margin.
    const timer = setTimeout(() => child.kill("SIGKILL"), (spec.durationSeconds + 30) * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("JSON"));
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}: ${err.trim() || out.trim()}`));
      const r = JSON.parse(line.slice(4)) as { total: number; us: number; bytes: number } & Omit<
        LoadResult,
        "total" | "durationSeconds" | "rps" | "bytesPerRequest"
      >;
      const durationSeconds = r.us / 1e6;
      resolve({
        total: r.total,
        durationSeconds,
        rps: r.total / durationSeconds,
        p50: r.p50,
        p90: r.p90,
        p95: r.p95,
        p99: r.p99,
        max: r.max,
        mean: r.mean,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        // wrk counts header bytes too; close enough to compare response sizes.
        bytesPerRequest: r.total > 0 ? Math.round(r.bytes / r.total) : 0,
      });
    });
  });
}

/** A short warm-up followed by the measured run. */
export async function measure(spec: LoadSpec, warmupSeconds = 2): Promise<LoadResult> {
  await runLoad({ ...spec, durationSeconds: warmupSeconds });
  return runLoad(spec);
}
