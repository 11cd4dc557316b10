/**
 * The child process of the monitoring worker-memory benchmark: a worker that ingests a long
 * stream of feed items on PostgreSQL the way the fetch job does (one `ingestItems` call per
 * fetched batch, in its own transaction, with the domain-event subscribers registered as in the
 * real server), and reports its memory to the parent every `every` items.
 *
 * Run by bench/monitoring-worker-memory.bench.ts through `fork` with `--expose-gc --import tsx`;
 * the options come as one JSON argument. Samples are taken after a full GC when available, so
 * they show what the process keeps, not garbage that has not been collected yet.
 */
import { openDatabase } from "../../server/db/client";
import { contentItems, monitoringSources, watchlists } from "../../server/db/schema";
import { seededRandom } from "../../server/features/monitoring/classifier/rng";
import { ingestItems } from "../../server/features/monitoring/ingest/ingest-items";
import { compileWatchlist } from "../../server/features/monitoring/watchlists/compile-watchlist";
import { registerSubscriptions } from "../../server/features/subscriptions";
import { newId } from "../../server/lib/ids";
import { type SeedOrg, seedOrganization } from "../../server/setup/seed-helpers";
import { MonitoringItemStream, WATCHED_NAMES } from "./monitoring-items";

export interface WorkerOptions {
  databaseUrl: string;
  items: number;
  batch: number;
  every: number;
  watchlists: number;
  sources: number;
  /** Stop early (after a final sample) once this much ingest time has passed; the result then says how many items were done. */
  maxSeconds?: number;
}

export interface WorkerSample {
  type: "sample";
  items: number;
  seconds: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Peak RSS of the process so far (bytes). */
  maxRss: number;
  inserted: number;
  updated: number;
  duplicates: number;
  nearDuplicates: number;
  rejected: number;
  gc: boolean;
}

export interface WorkerDone {
  type: "done";
  seconds: number;
  /** Items ingested (less than asked when maxSeconds stopped the run). */
  items: number;
  mix: MonitoringItemStream["mix"];
  articles: number;
  mentions: number;
  stories: number;
  /**
   * Share of stored fingerprints that share an LSH band with a stored article, averaged over a
   * sample: each ingest batch loads about batch × this × (articles in the 30-day window) rows.
   */
  bandCollisionRate: number;
  cpuSeconds: number;
}

const opts = JSON.parse(process.argv[2] ?? "{}") as WorkerOptions;
const send = (m: WorkerSample | WorkerDone) =>
  new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

/** Queries in the project's Boolean syntax over the watched names and words of the seed articles. */
function watchlistQueries(n: number): string[] {
  const rnd = seededRandom(7);
  const stream = new MonitoringItemStream(200, { runId: "vocab", seed: 3 });
  const words = [...new Set(stream.batch(200).flatMap((i) => i.text.toLowerCase().match(/\b[a-z]{5,12}\b/g) ?? []))];
  const w = () => words[Math.floor(rnd() * words.length)];
  const name = () => `"${WATCHED_NAMES[Math.floor(rnd() * WATCHED_NAMES.length)]}"`;
  const shapes = [
    () => `${name()} OR ${name()}`,
    () => `${name()} AND (${w()} OR ${w()})`,
    () => `${w()} NEAR/5 ${w()}`,
    () => `${w().slice(0, 5)}* AND (${w()} OR ${name()})`,
    () => `(${w()} OR ${w()}) NOT ${w()}`,
    () => `"${w()} ${w()}" OR (${name()} AND ${w()})`,
  ];
  return Array.from({ length: n }, (_, i) => shapes[i % shapes.length]());
}

function memory(): Pick<WorkerSample, "rss" | "heapUsed" | "heapTotal" | "external" | "arrayBuffers" | "maxRss" | "gc"> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // Two passes: the first may only schedule finalisers (pg buffers, weak refs).
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    maxRss: process.resourceUsage().maxRSS * 1024,
    gc: !!gc,
  };
}

async function main() {
  registerSubscriptions();
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, poolSize: 2 });
  try {
    const db = database.db;
    const { root, sourceIds } = await db.transaction(async (tx) => {
      const root = await seedOrganization(tx, null, {
        name: "Pemerintah Provinsi Bench",
        shortName: "Prov Bench",
        kind: "provinsi",
        regionCode: "51",
      });
      const units: SeedOrg[] = [];
      for (let i = 0; i < 10; i++)
        units.push(await seedOrganization(tx, root, { name: `Dinas Bench ${i}`, shortName: `Dinas ${i}`, kind: "opd" }));
      await tx.insert(watchlists).values(
        watchlistQueries(opts.watchlists).map((q, i) => {
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
      // A register of hoax clarifications, so the register stage has work to do.
      await tx.insert(contentItems).values(
        Array.from({ length: 20 }, (_, i) => ({
          id: newId(),
          organizationId: units[i % units.length].id,
          type: "klarifikasi",
          title: `[HOAKS] Klaim ${i}`,
          slug: `hoaks-${i}`,
          status: "published",
          fields: {
            claim: `Beredar pesan berantai bahwa ${WATCHED_NAMES[i % WATCHED_NAMES.length]} membagikan bantuan tunai ${i} juta lewat tautan`,
          },
        })) as (typeof contentItems.$inferInsert)[],
      );
      const sourceIds = Array.from({ length: opts.sources }, () => newId());
      await tx.insert(monitoringSources).values(
        sourceIds.map((id, i) => ({
          id,
          organizationId: root.id,
          kind: "rss",
          name: `Feed ${i}`,
          url: `https://media${i}.example.id/rss`,
        })),
      );
      return { root, sourceIds };
    });

    const stream = new MonitoringItemStream(opts.items, { runId: newId().slice(-8) });
    const totals = { inserted: 0, updated: 0, duplicates: 0, nearDuplicates: 0, rejected: 0 };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let done = 0;
    let nextSample = opts.batch; // the first sample is the baseline after one batch (models and caches loaded)
    for (let call = 0; ; call++) {
      const items = stream.batch(opts.batch);
      if (!items.length) break;
      const sourceId = sourceIds[call % sourceIds.length];
      const res = await db.transaction((tx) => ingestItems(tx, { organizationId: root.id, sourceId, items }));
      totals.inserted += res.inserted;
      totals.updated += res.updated;
      totals.duplicates += res.duplicates;
      totals.nearDuplicates += res.nearDuplicates;
      totals.rejected += res.rejected.length;
      done += items.length;
      const overTime = opts.maxSeconds !== undefined && (performance.now() - t0) / 1000 > opts.maxSeconds;
      if (done >= nextSample || done === opts.items || overTime) {
        const seconds = (performance.now() - t0) / 1000;
        await send({ type: "sample", items: done, seconds, ...memory(), ...totals });
        nextSample = nextSample === opts.batch ? opts.every : nextSample + opts.every;
      }
      if (overTime) break;
    }
    const cpu = process.cpuUsage(cpu0);
    const count = async (table: string) => (await database.sql.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
    await send({
      type: "done",
      seconds: (performance.now() - t0) / 1000,
      items: done,
      mix: stream.mix,
      articles: await count("articles"),
      mentions: await count("article_mentions"),
      stories: await count("story_clusters"),
      bandCollisionRate: (
        await database.sql.query(
          `select coalesce(avg(c), 0)::float8 / greatest(1, (select count(*) from article_fingerprints) - 1) as rate from (
             select (select count(distinct g.article_id) from article_band_keys k join article_band_keys g
                       on g.organization_id = k.organization_id and g.band_key = k.band_key and g.article_id <> k.article_id
                     where k.article_id = f.article_id) as c
             from (select article_id from article_fingerprints order by random() limit 50) f) x`,
        )
      ).rows[0].rate as number,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    });
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
