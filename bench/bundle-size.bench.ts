/**
 * Staff app bundle size: builds the app (`npm run build`, under the shared build lock when
 * `flock` exists) and weighs what a first visit downloads before anything renders — the entry
 * script plus every chunk dist/app/index.html modulepreloads — gzipped at level 9, against the
 * 250 KB gzip budget (issue 4). References in the same run: all JS of the build (what the app
 * would cost without code splitting), the largest lazy chunks, and the first-load CSS. The notes
 * name the packages that weigh most in the initial JS (from the source maps), the place to look
 * when the budget is tight again.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type BenchResult, machineInfo, type Row } from "./lib/report";

export interface BundleSizeOptions {
  /** false: weigh dist/app as it is (e.g. right after a build of your own). */
  build?: boolean;
  /** Lazy chunks listed one by one. */
  largestLazy?: number;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(repoRoot, "dist", "app");
const BUDGET_KB = 250;
const BUILD_LOCK = "/tmp/sinergi-build.lock";
/** Measured the same way on the build before the pages were lazy (commit 71c9e91). */
const BEFORE = { commit: "71c9e91", initialKbGzip: 366.9, files: 14 };

export interface WeighedFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleWeights {
  entry: WeighedFile;
  preloads: WeighedFile[];
  initialCss: WeighedFile[];
  lazy: WeighedFile[];
  allJs: WeighedFile[];
  /** Minified bytes of the initial JS per npm package (or app file), from the source maps. */
  initialByOrigin: [string, number][];
}

const kb = (bytes: number) => bytes / 1024;
const sum = (files: WeighedFile[], key: "bytes" | "gzip") => files.reduce((s, f) => s + f[key], 0);

function weigh(dist: string, file: string): WeighedFile {
  const data = readFileSync(path.join(dist, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** Asset paths in index.html are absolute under the app's base (/app/); make them dist-relative. */
function distPath(href: string): string {
  return href.replace(/^\/app\//, "").replace(/^\//, "");
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Weighs a built app: the entry and its modulepreloads as index.html lists them, and the rest. */
export function measureBundle(dist = DIST): BundleWeights {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => attr(t, "type") === "module" && attr(t, "src"));
  if (scripts.length !== 1) throw new Error(`expected one module entry script in ${dist}/index.html, found ${scripts.length}`);
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const hrefs = (rel: string) => links.filter((t) => attr(t, "rel") === rel).map((t) => distPath(attr(t, "href") ?? ""));

  const entry = weigh(dist, distPath(attr(scripts[0], "src") ?? ""));
  const preloads = hrefs("modulepreload").map((f) => weigh(dist, f));
  const initialCss = hrefs("stylesheet").map((f) => weigh(dist, f));
  const initial = new Set([entry.file, ...preloads.map((f) => f.file)]);
  const allJs = readdirSync(path.join(dist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => weigh(dist, `assets/${f}`));
  const lazy = allJs.filter((f) => !initial.has(f.file)).sort((a, b) => b.gzip - a.gzip);
  return { entry, preloads, initialCss, lazy, allJs, initialByOrigin: originsOf(dist, [...initial]) };
}

// ---- attribution through the source maps (Vite builds with `sourcemap: true`) ---------------
const BASE64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = BASE64.get(c) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The package (`@mantine/core`) or app file a source belongs to. */
function origin(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  return pkg ? pkg[1] : source.replace(/^(\.\.\/)+/, "");
}

/** Minified bytes per origin: each mapped segment's generated span is charged to its source. */
function originsOf(dist: string, files: string[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const file of files) {
    const mapFile = path.join(dist, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const lines = readFileSync(path.join(dist, file), "utf8").split("\n");
    const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[]; mappings: string };
    let source = 0;
    map.mappings.split(";").forEach((line, li) => {
      const segments = line ? line.split(",").map(decodeVlq) : [];
      let column = 0;
      segments.forEach((seg, i) => {
        column += seg[0];
        if (seg.length > 1) source += seg[1];
        const end = i + 1 < segments.length ? column + segments[i + 1][0] : (lines[li]?.length ?? column);
        const key = seg.length > 1 ? origin(map.sources[source]) : "(no source map: app/i18n/id.json core texts, bundler runtime)";
        totals.set(key, (totals.get(key) ?? 0) + end - column);
      });
    });
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function buildApp(): number {
  const hasFlock = spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
  const [cmd, args] = hasFlock ? ["flock", [BUILD_LOCK, "npm", "run", "build"]] : ["npm", ["run", "build"]];
  console.log(`  building: ${cmd} ${args.join(" ")}…`);
  const started = performance.now();
  const run = spawnSync(cmd, args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`build failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

export async function runBundleSize(opts: BundleSizeOptions = {}): Promise<BenchResult> {
  const started = performance.now();
  const buildSeconds = opts.build === false ? null : buildApp();
  const w = measureBundle();
  const initial = [w.entry, ...w.preloads];
  const initialGzip = kb(sum(initial, "gzip"));
  const allGzip = kb(sum(w.allJs, "gzip"));
  const row = (label: string, files: WeighedFile[], extra: Partial<Row> = {}): Row => ({
    label,
    values: { "KB gzip": kb(sum(files, "gzip")), "KB min": kb(sum(files, "bytes")), files: String(files.length) },
    ...extra,
  });
  const largestLazy = w.lazy.slice(0, opts.largestLazy ?? 5);
  const initialMin = sum(initial, "bytes");
  return {
    name: "bundle-size",
    title: `Staff app first-load JavaScript (entry + modulepreloads, gzip -9) vs the ${BUDGET_KB} KB budget`,
    date: new Date().toISOString(),
    machine: machineInfo(),
    setup: {
      budgetKbGzip: BUDGET_KB,
      before: BEFORE,
      gzipLevel: 9,
      buildSeconds,
      entry: w.entry.file,
      modulepreloads: w.preloads.map((f) => f.file),
      jsFiles: w.allJs.length,
    },
    columns: ["KB gzip", "KB min", "files", "% of budget"],
    rows: [
      {
        ...row(`initial JS (entry + ${w.preloads.length} modulepreloads)`, initial),
        values: { ...row("", initial).values, "% of budget": (100 * initialGzip) / BUDGET_KB },
        target: `≤${BUDGET_KB} KB gzip`,
        pass: initialGzip <= BUDGET_KB,
      },
      row(`  entry chunk ${path.basename(w.entry.file)}`, [w.entry], { reference: true }),
      ...largestLazy.map((f) => row(`  lazy ${path.basename(f.file)}`, [f], { reference: true })),
      row(`all lazy chunks (${w.lazy.length})`, w.lazy, { reference: true }),
      row("all JS of the build", w.allJs, { reference: true }),
      row("first-load CSS", w.initialCss, { reference: true }),
    ],
    notes: [
      `Before the pages loaded lazily (commit ${BEFORE.commit}): ${BEFORE.initialKbGzip} KB gzip in ${BEFORE.files} files, measured the same way.`,
      `Initial JS is ${((100 * initialGzip) / allGzip).toFixed(0)}% of all JS (gzip); the rest loads with the page that needs it (lazyRouteComponent in app/router.tsx) or, for English, when the language switches.`,
      `Heaviest in the initial JS (minified KB, from the source maps): ${w.initialByOrigin
        .slice(0, 10)
        .map(([o, b]) => `${o} ${kb(b).toFixed(0)} (${((100 * b) / initialMin).toFixed(0)}%)`)
        .join(", ")}.`,
      "gzip level 9 in Node (zlib); a server's on-the-fly gzip (level 6) or brotli would differ by a few percent.",
    ],
    durationSeconds: (performance.now() - started) / 1000,
  };
}
