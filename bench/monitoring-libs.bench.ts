/**
 * Media-monitoring building blocks on one core: Boolean watchlist matching (100 compiled queries
 * over 10,000 tokenised articles) and near-duplicate fingerprinting (MinHash, 128 hashes over
 * 3-word shingles), with the tokeniser alone as the reference measured in the same run.
 *
 * Articles are synthetic but Indonesian: sentences of the five seed news articles
 * (server/features/monitoring/near-dup/fixtures) mixed with SmSA comments and a few watchlist
 * names, about the seeds' length (≈ 2,700 characters). Queries are generated from the corpus's
 * own mid-frequency words with the shapes officers write: OR lists of names and phrases AND
 * topic groups with exclusions, NEAR/n pairs, prefixes.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../server/features/monitoring/classifier/rng";
import { fingerprint, fingerprintTokens, NearDupIndex } from "../server/features/monitoring/near-dup";
import { type CompiledQuery, compileQuery, parseQuery } from "../server/features/monitoring/query";
import { tokenizeId } from "../server/features/monitoring/text/tokenize-id";
import { type TokenizedDoc, tokenizeDoc } from "../server/features/monitoring/text/tokenized-doc";
import { readToneData } from "../server/features/monitoring/tone/train-tone";
import { type BenchResult, machineInfo, median, type Row } from "./lib/report";

export interface MonitoringLibsBenchOptions {
  articles: number;
  queries: number;
  runs: number;
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../server/features/monitoring/near-dup/fixtures");
/** A regional newsroom feed is tens of thousands of articles a day (< 1/s); these floors leave
 *  room for 100× that on one core. */
const TARGET_MATCH_ARTICLES = 1_000; // articles/CPU-s, tokenise + 100 queries
const TARGET_FINGERPRINTS = 1_000; // articles/CPU-s

const NAMES = [
  "Pemprov Bali",
  "Gubernur Koster",
  "Dinas Kesehatan",
  "banjir bandang",
  "vaksinasi lansia",
  "Diskominfos Bali",
  "longsor di Karangasem",
  "Wali Kota Denpasar",
];

function buildArticles(n: number): string[] {
  const rnd = seededRandom(42);
  const seedSentences = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(path.join(FIXTURES, f), "utf8").split(/(?<=[.!?])\s+/))
    .filter((s) => s.length > 20);
  const comments = readToneData().train.map((e) => e.text);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: n }, () => {
    const parts: string[] = [];
    let length = 0;
    while (length < 2700) {
      const r = rnd();
      const s = r < 0.2 ? pick(seedSentences) : r < 0.95 ? pick(comments) : `${pick(NAMES)} ${pick(comments)}`;
      parts.push(s);
      length += s.length + 1;
    }
    return parts.join(" ");
  });
}

function buildQueries(docs: TokenizedDoc[], n: number): string[] {
  const rnd = seededRandom(7);
  const df = new Map<string, number>();
  for (const d of docs.slice(0, 2000)) for (const t of d.index.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // Mid-frequency words (0.5–20 % of articles): common enough to match sometimes, rare enough to
  // be a real filter, and long enough to be names or topics rather than particles.
  const vocab = [...df].filter(([t, c]) => c >= 10 && c <= 400 && t.length >= 4 && /^[a-z]/.test(t)).map(([t]) => t);
  const w = () => vocab[Math.floor(rnd() * vocab.length)];
  const name = () => `"${NAMES[Math.floor(rnd() * NAMES.length)]}"`;
  const shapes = [
    () => `(${name()} OR ${name()} OR ${w()}) AND (${w()} OR ${w()}) NOT "${w()} ${w()}"`,
    () => `${w()} NEAR/5 ${w()}`,
    () => `${w().slice(0, 5)}* AND (${w()} OR ${name()})`,
    () => `(${w()} OR ${w()} OR ${w()}) -${w()}`,
    () => `${name()} NEAR/10 (${w()} OR ${w()})`,
    () => `"${w()} ${w()}" OR (${w()} ${w()})`,
  ];
  return Array.from({ length: n }, (_, i) => shapes[i % shapes.length]());
}

interface Rates {
  wall: number[];
  cpu: number[];
}

/** `work` runs once over everything and returns how many units it did; rates are units/second. */
function timeRuns(runs: number, work: () => number): Rates {
  work(); // warm-up
  const rates: Rates = { wall: [], cpu: [] };
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const units = work();
    const wallSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    rates.wall.push(units / wallSeconds);
    rates.cpu.push(units / ((used.user + used.system) / 1e6));
  }
  return rates;
}

export async function runMonitoringLibs(opts: MonitoringLibsBenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const texts = buildArticles(opts.articles);
  const docs = texts.map(tokenizeDoc);
  const queryTexts = buildQueries(docs, opts.queries);
  const queries: CompiledQuery[] = queryTexts.map((q) => compileQuery(parseQuery(q)));
  const evaluations = texts.length * queries.length;
  console.log(`  ${texts.length.toLocaleString("en")} articles, ${queries.length} queries, ${opts.runs} runs each…`);

  let sink = 0;
  const tokenise = timeRuns(opts.runs, () => {
    for (const t of texts) sink += tokenizeId(t, { keepNumbers: true }).length;
    return texts.length;
  });
  const index = timeRuns(opts.runs, () => {
    for (const t of texts) sink += tokenizeDoc(t).tokens.length;
    return texts.length;
  });
  let matched = 0;
  const match = timeRuns(opts.runs, () => {
    matched = 0;
    for (const d of docs) for (const q of queries) if (q(d)) matched++;
    return evaluations;
  });
  const endToEnd = timeRuns(opts.runs, () => {
    for (const t of texts) {
      const d = tokenizeDoc(t);
      for (const q of queries) if (q(d)) sink++;
    }
    return texts.length;
  });
  const fingerprints = timeRuns(opts.runs, () => {
    for (const t of texts) sink += fingerprint(t).shingles;
    return texts.length;
  });
  const fromTokens = timeRuns(opts.runs, () => {
    for (const d of docs) sink += fingerprintTokens(d.tokens).shingles;
    return texts.length;
  });
  const prints = docs.map((d) => fingerprintTokens(d.tokens));
  let duplicatesFound = 0;
  const lookup = timeRuns(opts.runs, () => {
    const nd = new NearDupIndex<number>();
    duplicatesFound = 0;
    prints.forEach((fp, i) => {
      if (nd.query(fp).length) duplicatesFound++;
      nd.add(i, fp);
    });
    return prints.length;
  });

  const floor = median(tokenise.cpu);
  const row = (label: string, unit: string, rates: Rates, extra: Partial<Row> = {}): Row => ({
    label,
    values: {
      "per CPU-s": median(rates.cpu),
      "per s": median(rates.wall),
      unit,
      "µs CPU each": 1e6 / median(rates.cpu),
      "× tokenise": unit === "articles" ? median(rates.cpu) / floor : "",
    },
    ...extra,
  });
  const endToEndRate = median(endToEnd.cpu);
  const fingerprintRate = median(fingerprints.cpu);
  return {
    name: "monitoring-libs",
    title: `Monitoring libraries (watchlist queries, MinHash), one core, ${texts.length.toLocaleString("en")} articles × ${queries.length} queries`,
    date: new Date().toISOString(),
    machine: machineInfo(),
    setup: {
      ...opts,
      meanCharacters: Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length),
      meanTokens: Math.round(docs.reduce((s, d) => s + d.tokens.length, 0) / docs.length),
      matchRate: matched / evaluations,
      articlesWithAnEarlierNearDuplicate: duplicatesFound,
      sampleQueries: queryTexts.slice(0, 6),
      checksum: sink === Number.POSITIVE_INFINITY ? 0 : 1,
    },
    columns: ["per CPU-s", "per s", "unit", "µs CPU each", "× tokenise"],
    rows: [
      row("tokenise only (tokenizeId, numbers kept)", "articles", tokenise, { reference: true }),
      row("tokenise + position index (tokenizeDoc)", "articles", index, { reference: true }),
      row(`match: ${queries.length} compiled queries on tokenised articles`, "query evals", match),
      row(`tokenise + index + ${queries.length} queries`, "articles", endToEnd, {
        target: `≥${TARGET_MATCH_ARTICLES.toLocaleString("en")}/CPU-s`,
        pass: endToEndRate >= TARGET_MATCH_ARTICLES,
      }),
      row("fingerprint(text): tokenise + shingles + 128 MinHashes", "articles", fingerprints, {
        target: `≥${TARGET_FINGERPRINTS.toLocaleString("en")}/CPU-s`,
        pass: fingerprintRate >= TARGET_FINGERPRINTS,
      }),
      row("fingerprint from tokens (no tokenising)", "articles", fromTokens),
      row("NearDupIndex query + add (64 bands × 2 rows)", "articles", lookup),
    ],
    notes: [
      `${(100 * (matched / evaluations)).toFixed(2)} % of query evaluations matched; sample queries: ${queryTexts
        .slice(0, 3)
        .map((q) => `\`${q}\``)
        .join(", ")}.`,
      "Matching reads the per-article token → positions map: a plain word is one Map lookup, a phrase checks the following tokens, a prefix scans the article's vocabulary, NEAR compares position lists.",
      "per CPU-s divides by this process's CPU time (the per-core figure); per s by wall-clock time, which drops when other processes share the machine.",
    ],
    durationSeconds: (performance.now() - started) / 1000,
  };
}
