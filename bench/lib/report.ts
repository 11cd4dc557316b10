import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

export interface Row {
  /** What was measured, e.g. "GET /api/v1/users?q=…" */
  label: string;
  /** Column → value (numbers are printed with sensible precision). */
  values: Record<string, number | string>;
  /** Target description and verdict; absent for reference rows. */
  target?: string;
  pass?: boolean;
  reference?: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  date: string;
  machine: MachineInfo;
  /** Setup details (data sizes, connections, durations, seeding time). */
  setup: Record<string, unknown>;
  columns: string[];
  rows: Row[];
  notes: string[];
  durationSeconds: number;
}

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  postgres?: string;
}

export function machineInfo(postgres?: string): MachineInfo {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    ...(postgres ? { postgres } : {}),
  };
}

const fmt = (v: number | string) =>
  typeof v === "string" ? v : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

export function formatTable(result: BenchResult): string {
  const head = ["", ...result.columns, "target", "result"];
  const body = result.rows.map((r) => [
    r.label,
    ...result.columns.map((c) => (r.values[c] === undefined ? "" : fmt(r.values[c]))),
    r.target ?? (r.reference ? "(reference)" : ""),
    r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL",
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const sep = `| ${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w - 1)}` : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(head), sep, ...body.map(line)].join("\n");
}

export function writeResult(result: BenchResult) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

export function writeSummary(results: BenchResult[], ran: string[], totalSeconds: number) {
  const m = results[0]?.machine ?? machineInfo();
  const pg = results.find((r) => r.machine.postgres)?.machine.postgres;
  const parts = [
    "# Benchmark results",
    "",
    `Updated ${new Date().toISOString()} by \`npm run bench${ran.length === results.length ? "" : ` -- ${ran.join(" ")}`}\` (${totalSeconds.toFixed(0)} s).`,
    "",
    `Machine: ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB RAM, ${m.platform}; Node ${m.node}${pg ? `; ${pg}` : ""}.`,
    "",
    "Absolute figures depend on the machine; compare the ratios to the reference measured in the same run.",
    "The load generator (wrk) and PostgreSQL run on the same machine as the server, so they share its CPUs.",
    "",
  ];
  for (const r of results) {
    parts.push(`## ${r.title}`, "", `Measured ${r.date} (${r.durationSeconds.toFixed(0)} s).`, "", formatTable(r), "");
    for (const n of r.notes) parts.push(`- ${n}`);
    if (r.notes.length) parts.push("");
    parts.push(`Raw figures: \`bench/results/${r.name}.json\`.`, "");
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, "README.md"), parts.join("\n"));
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
