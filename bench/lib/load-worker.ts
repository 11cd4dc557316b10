/**
 * Child process that runs one autocannon load test and prints its result as JSON on stdout.
 * Kept out of the benchmarked process so the load generator does not steal the server's
 * event loop. Input: one JSON argument (LoadSpec).
 */
import autocannon from "autocannon";
import type { LoadSpec } from "./load";

async function main() {
  const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: spec.headers ?? {},
    requests: spec.paths.map((p) => ({ method: "GET" as const, path: p })),
    timeout: 10,
  });
  process.stdout.write(
    JSON.stringify({
      total: result.requests.total,
      durationSeconds: result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bytesPerRequest: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
