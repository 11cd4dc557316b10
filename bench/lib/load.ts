import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  p99: number;
  max: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerRequest: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const worker = path.join(here, "load-worker.ts");
const repoRoot = path.resolve(here, "../..");

/** Runs autocannon in a child process (same Node binary, tsx loader) and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const host = new URL(spec.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`load only against loopback, not ${host}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, JSON.stringify(spec)], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    // Bounded: the run itself plus a generous margin for process start-up.
    const timer = setTimeout(() => child.kill("SIGKILL"), (spec.durationSeconds + 30) * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`load generator exited ${code}: ${err.trim()}`));
      const raw = JSON.parse(out) as Omit<LoadResult, "rps">;
      resolve({ ...raw, rps: raw.total / raw.durationSeconds });
    });
  });
}

/** A short warm-up followed by the measured run. */
export async function measure(spec: LoadSpec, warmupSeconds = 2): Promise<LoadResult> {
  await runLoad({ ...spec, durationSeconds: warmupSeconds });
  return runLoad(spec);
}
