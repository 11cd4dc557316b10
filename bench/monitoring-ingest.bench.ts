/**
 * Monitoring ingest throughput on PostgreSQL: feed items with full text (≈ 2,800 characters)
 * through `ingestItems` with every stage on — validation, canonical URL, exact dedup, language,
 * MinHash/LSH near-duplicates against stored fingerprints, story clusters, 100 watchlists with
 * tone around each mention, hoax-likeness and the clarification register, the generated
 * `indonesian` tsvector — in batches of 500, one transaction each. The reference is a plain
 * multi-row INSERT of the same rows (same table, indexes and generated column) in the same run.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../server/db/client";
import { articles, contentItems, watchlists } from "../server/db/schema";
import { seededRandom } from "../server/features/monitoring/classifier/rng";
import { canonicalUrl } from "../server/features/monitoring/ingest/canonical-url";
import { contentHash, ingestItems, splitLead } from "../server/features/monitoring/ingest/ingest-items";
import type { RawItem } from "../server/features/monitoring/ingest/raw-item";
import type { StageTimings } from "../server/features/monitoring/ingest/stage-timer";
import { tokenizeDoc } from "../server/features/monitoring/text/tokenized-doc";
import { readToneData } from "../server/features/monitoring/tone/train-tone";
import { compileWatchlist } from "../server/features/monitoring/watchlists/compile-watchlist";
import { newId } from "../server/lib/ids";
import { seedOrganization } from "../server/setup/seed-helpers";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";

export interface MonitoringIngestOptions {
  items: number;
  batch: number;
  watchlists: number;
}

const DB_NAME = "sinergi_bench_monitoring_ingest";
const TARGET_ITEMS_PER_SECOND = 2_000;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../server/features/monitoring/near-dup/fixtures");
const NAMES = [
  "Pemprov Bali",
  "Gubernur Koster",
  "Dinas Kesehatan",
  "banjir bandang",
  "vaksinasi lansia",
  "Diskominfos Bali",
  "Wali Kota Denpasar",
];
const OUTLETS = Array.from({ length: 20 }, (_, i) => `Media ${i + 1}`);

/** Articles like the libraries' benchmark: seed-article sentences, SmSA texts and watched names, in paragraphs. */
function buildItems(n: number, runId: string): RawItem[] {
  const rnd = seededRandom(42);
  const seedSentences = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(path.join(FIXTURES, f), "utf8").split(/(?<=[.!?])\s+/))
    .filter((s) => s.length > 20);
  const comments = readToneData().train.map((e) => e.text);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const paragraphs: string[] = [];
    let para: string[] = [];
    let length = 0;
    while (length < 2700) {
      const r = rnd();
      const s = r < 0.2 ? pick(seedSentences) : r < 0.95 ? pick(comments) : `${pick(NAMES)} ${pick(comments)}`;
      para.push(s);
      length += s.length + 1;
      if (para.length >= 5) {
        paragraphs.push(para.join(" "));
        para = [];
      }
    }
    if (para.length) paragraphs.push(para.join(" "));
    return {
      url: `https://${pick(OUTLETS).toLowerCase().replace(" ", "")}.example.id/berita/${runId}/${i}?utm_source=rss`,
      title: paragraphs[0].split(/(?<=[.!?])\s+/)[0].slice(0, 150),
      text: paragraphs.join("\n\n"),
      kind: "news" as const,
      outletName: pick(OUTLETS),
      publishedAt: new Date(now - rnd() * 48 * 3_600_000),
    };
  });
}

function buildQueries(items: RawItem[], n: number): string[] {
  const rnd = seededRandom(7);
  const df = new Map<string, number>();
  for (const it of items.slice(0, 2000)) for (const t of tokenizeDoc(it.text).index.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const sample = Math.min(2000, items.length);
  const vocab = [...df].filter(([t, c]) => c >= sample * 0.005 && c <= sample * 0.2 && t.length >= 4 && /^[a-z]/.test(t)).map(([t]) => t);
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

export async function runMonitoringIngest(opts: MonitoringIngestOptions): Promise<BenchResult> {
  const started = performance.now();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    const db = database.db;
    const { root, units, plainOwner } = await db.transaction(async (tx) => {
      const root = await seedOrganization(tx, null, {
        name: "Pemerintah Provinsi Bench",
        shortName: "Prov Bench",
        kind: "provinsi",
        regionCode: "51",
      });
      const units = [];
      for (let i = 0; i < 10; i++)
        units.push(await seedOrganization(tx, root, { name: `Dinas Bench ${i}`, shortName: `Dinas ${i}`, kind: "opd" }));
      const plainOwner = await seedOrganization(tx, null, {
        name: "Pemerintah Provinsi Referensi",
        shortName: "Prov Ref",
        kind: "provinsi",
        regionCode: "52",
      });
      return { root, units, plainOwner };
    });
    const items = buildItems(opts.items, newId().slice(-8));
    const queries = buildQueries(items, opts.watchlists);
    await db.insert(watchlists).values(
      queries.map((q, i) => {
        const c = compileWatchlist([{ kind: "query", value: q }]);
        return {
          id: newId(),
          organizationId: units[i % units.length].id,
          name: `WL ${i}`,
          entries: [{ kind: "query" as const, value: q }],
          compiledQuery: c.query,
          toneTerms: c.toneTerms,
        };
      }),
    );
    // A small register of hoax clarifications, so the register stage has work to do.
    await db.insert(contentItems).values(
      Array.from({ length: 20 }, (_, i) => ({
        id: newId(),
        organizationId: units[i % units.length].id,
        type: "klarifikasi",
        title: `[HOAKS] Klaim ${i}`,
        slug: `hoaks-${i}`,
        status: "published",
        fields: {
          claim: `Beredar pesan berantai bahwa ${NAMES[i % NAMES.length]} membagikan bantuan tunai ${i} juta lewat tautan pendaftaran`,
        },
      })) as (typeof contentItems.$inferInsert)[],
    );

    // Warm-up: models and caches load once per process (not part of the throughput).
    await ingestItems(db, { organizationId: root.id, sourceId: null, items: items.slice(0, 50) });

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let mentions = 0;
    let nearDup = 0;
    let inserted = 0;
    const timings: StageTimings = {};
    for (let i = 50; i < items.length; i += opts.batch) {
      const res = await ingestItems(db, { organizationId: root.id, sourceId: null, items: items.slice(i, i + opts.batch) }, { timings });
      inserted += res.inserted;
      nearDup += res.nearDuplicates;
    }
    const ingestSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const counted = (await database.sql.query("select count(*)::int as n from article_mentions")).rows[0].n as number;
    mentions = counted;

    // Reference: the same rows, prepared, in plain multi-row INSERTs (same table, indexes, tsvector).
    const now = new Date();
    const rows = items.slice(50).map((it) => {
      const { lead, body } = splitLead(it.text);
      return {
        id: newId(),
        organizationId: plainOwner.id,
        url: it.url,
        canonicalUrl: canonicalUrl(it.url) as string,
        contentHash: contentHash(it.title, it.text),
        title: it.title,
        lead,
        body,
        publishedAt: it.publishedAt as Date,
        fetchedAt: now,
        updatedAt: now,
        language: "id",
        outletName: it.outletName ?? null,
        kind: it.kind,
        images: [],
      };
    });
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += opts.batch) await db.insert(articles).values(rows.slice(i, i + opts.batch));
    const plainSeconds = (performance.now() - t1) / 1000;

    const measured = items.length - 50;
    // Wall-clock ms per item and stage, largest first (sums to the ingest time).
    const stages = Object.entries(timings)
      .sort((a, b) => b[1] - a[1])
      .map(([stage, ms]) => [stage, Math.round((ms / measured) * 1000) / 1000] as const);
    const rate = measured / ingestSeconds;
    const plainRate = measured / plainSeconds;
    const table: Row[] = [
      {
        label: "plain multi-row INSERT of the same rows (reference)",
        values: { "items/s": plainRate, seconds: plainSeconds, "× plain": 1 },
        reference: true,
      },
      {
        label: `ingestItems, all stages, ${opts.watchlists} watchlists, batches of ${opts.batch}`,
        values: { "items/s": rate, seconds: ingestSeconds, "× plain": rate / plainRate },
        target: `≥ ${TARGET_ITEMS_PER_SECOND.toLocaleString("en")} items/s`,
        pass: rate >= TARGET_ITEMS_PER_SECOND,
      },
    ];
    return {
      name: "monitoring-ingest",
      title: "Monitoring ingest throughput (PostgreSQL)",
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        items: measured,
        averageCharacters: Math.round(items.reduce((s, it) => s + it.text.length, 0) / items.length),
        batch: opts.batch,
        watchlists: opts.watchlists,
        clarifications: 20,
        inserted,
        nearDuplicates: nearDup,
        mentions,
        nodeCpuSecondsDuringIngest: Math.round(nodeCpuSeconds * 10) / 10,
        loadAverage1mAtEnd: os.loadavg()[0],
        msPerItemByStage: Object.fromEntries(stages),
      },
      columns: ["items/s", "seconds", "× plain"],
      rows: table,
      notes: [
        "One Node process, one transaction per batch; PostgreSQL on the same 2-core machine (shared with other work), so the CPU stages and the database compete for the same cores.",
        `Node spent ${nodeCpuSeconds.toFixed(1)} CPU-seconds in ${ingestSeconds.toFixed(1)} s of ingest (${((nodeCpuSeconds / measured) * 1000).toFixed(2)} ms per item).`,
        `Wall-clock ms per item by stage (Node work: "text:" stages, near-dup + story assignment, building the write; waits on PostgreSQL: "(wait)" stages — the slices' writes overlap the text work, "writes (wait)" is what was left when Node had finished a batch): ${stages
          .slice(0, 8)
          .map(([stage, ms]) => `${stage} ${ms.toFixed(2)}`)
          .join("; ")}.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
    await dropDatabase(DB_NAME);
  }
}
