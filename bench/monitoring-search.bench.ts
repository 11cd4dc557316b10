/**
 * Article search over 1,000,000 articles on PostgreSQL: the Boolean syntax (tsquery prefilter on
 * the GIN index + exact matcher) with filters, through planSearch/searchPage as the route runs
 * them, for a province coordinator (scope = the whole tree). p95 per query shape, sequential.
 *
 * Seeding is SQL only (generate_series over word lists, one INSERT … SELECT per 100,000 rows) and
 * the seeded database is kept by name: a later run reuses it when it already holds the rows.
 */
import os from "node:os";
import pg from "pg";
import { openDatabase } from "../server/db/client";
import { planSearch, searchPage } from "../server/features/monitoring/articles/article-search";
import type { Actor } from "../server/policies/core";
import { seedOrganization } from "../server/setup/seed-helpers";
import { PG_SERVER_URL, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo, type Row } from "./lib/report";

export interface MonitoringSearchOptions {
  articles: number;
  samples: number;
}

const TARGET_P95_MS = 50;
const WORDS = [
  "banjir",
  "longsor",
  "vaksinasi",
  "imunisasi",
  "puskesmas",
  "jalan",
  "jembatan",
  "pariwisata",
  "festival",
  "pasar",
  "harga",
  "cabai",
  "beras",
  "sekolah",
  "guru",
  "beasiswa",
  "pelayanan",
  "perizinan",
  "investasi",
  "pelabuhan",
  "bandara",
  "sampah",
  "air",
  "listrik",
  "kemiskinan",
  "bantuan",
  "sosial",
  "stunting",
  "posyandu",
  "rumah",
  "sakit",
  "dokter",
  "pajak",
  "retribusi",
  "anggaran",
  "korupsi",
  "kejaksaan",
  "polisi",
  "lalu",
  "lintas",
];
const PLACES = ["Denpasar", "Badung", "Gianyar", "Tabanan", "Buleleng", "Karangasem", "Bangli", "Klungkung", "Jembrana", "Sanur"];
const AGENCIES = ["Dinas Kesehatan", "Dinas Pariwisata", "Dinas PUPR", "Diskominfos", "Dinas Pendidikan", "BPBD", "Satpol PP", "Bappeda"];

const QUERIES: { label: string; q: { q?: string; from?: string; kind?: string; outlet?: string; sort?: string } }[] = [
  { label: "banjir AND Denpasar", q: { q: "banjir AND Denpasar" } },
  {
    label: '"Dinas Kesehatan" AND (vaksinasi OR imunisasi), last 30 days',
    q: { q: '"Dinas Kesehatan" AND (vaksinasi OR imunisasi)', from: "-30" },
  },
  { label: "festiv* NOT Sanur, kind=news", q: { q: "festiv* NOT Sanur", kind: "news" } },
  { label: "harga NEAR/3 cabai, outlet filter", q: { q: "harga NEAR/3 cabai", outlet: "Media 3" } },
  { label: "longsor OR banjir, sort=relevance", q: { q: "longsor OR banjir", sort: "relevance" } },
  { label: "no query, last 7 days (newest first)", q: { from: "-7" } },
];

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function ensureDatabase(name: string): Promise<{ url: string; fresh: boolean }> {
  const admin = new pg.Client({ connectionString: PG_SERVER_URL });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rows.length > 0;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), fresh: !exists };
}

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(",")}]`;

export async function runMonitoringSearch(opts: MonitoringSearchOptions): Promise<BenchResult> {
  const started = performance.now();
  const pgVersion = await postgresVersion();
  const dbName = `sinergi_bench_monitoring_search_${opts.articles}`;
  const { url } = await ensureDatabase(dbName);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    const run = (text: string, values: unknown[] = []) => database.sql.query(text, values);
    let seedSeconds = 0;
    const have = Number((await run("select count(*)::int as n from articles")).rows[0].n);
    let root = (await run("select id, path from organizations where name = 'Pemerintah Provinsi Cari' limit 1")).rows[0] as
      | { id: string; path: string }
      | undefined;
    if (!root || have < opts.articles) {
      const t0 = performance.now();
      await run("truncate articles cascade");
      if (!root) {
        const org = await database.db.transaction((tx) =>
          seedOrganization(tx, null, { name: "Pemerintah Provinsi Cari", shortName: "Prov Cari", kind: "provinsi", regionCode: "51" }),
        );
        root = { id: org.id, path: org.path };
      }
      const w = sqlArray(WORDS);
      const p = sqlArray(PLACES);
      const a = sqlArray(AGENCIES);
      // Deterministic pseudo-random picks from the row number: titles and leads of 25–40 words.
      const pick = (arr: string, salt: number) => `(${arr})[1 + ((g * ${salt} + ${salt * 7}) % array_length(${arr}, 1))]`;
      for (let from = 1; from <= opts.articles; from += 100_000) {
        const to = Math.min(opts.articles, from + 99_999);
        await run(
          `insert into articles (id, organization_id, url, canonical_url, content_hash, title, lead, body, published_at, kind, outlet_name, language, near_dup_group_id)
          select id, $1, 'https://m.example.id/' || g, 'https://m.example.id/' || g, md5(g::text),
            ${pick(w, 7)} || ' ' || ${pick(w, 13)} || ' di ' || ${pick(p, 17)} || ', ' || ${pick(a, 19)} || ' turun tangan',
            'Warga ' || ${pick(p, 23)} || ' mengeluhkan ' || ${pick(w, 29)} || ' dan ' || ${pick(w, 31)} || '. ' || ${pick(a, 37)} ||
              ' menyatakan ' || ${pick(w, 41)} || ' ' || ${pick(w, 43)} || ' akan ditangani pekan ini bersama pemerintah kabupaten ' || ${pick(p, 47)} || '.',
            'Menurut keterangan ' || ${pick(a, 53)} || ', program ' || ${pick(w, 59)} || ' ' || ${pick(w, 61)} || ' berjalan sesuai rencana.',
            now() - ((g % 525600) || ' minutes')::interval, case when g % 10 = 0 then 'social' else 'news' end,
            'Media ' || (g % 20 + 1), 'id', id
          from (select gen_random_uuid() as id, g from generate_series(${from}, ${to}) g) s`,
          [root.id],
        );
      }
      await run("analyze articles");
      seedSeconds = (performance.now() - t0) / 1000;
    }
    const actor: Actor = {
      kind: "user",
      userId: null,
      name: "bench",
      grants: [{ organizationId: root.id, path: root.path, role: "coordinator" }],
    };
    const rows: Row[] = [];
    const day = (d: string) => new Date(Date.now() + Number(d) * 86_400_000).toISOString();
    for (const { label, q } of QUERIES) {
      const query = {
        q: q.q,
        from: q.from ? day(q.from) : undefined,
        kind: q.kind as "news" | undefined,
        outlet: q.outlet,
        sort: (q.sort === "relevance" ? "relevance" : "date") as "date" | "relevance",
      };
      const once = async () => {
        const plan = await planSearch(database.db, actor, query);
        return searchPage(database.db, plan, { sort: query.sort, limit: 25 });
      };
      const first = await once();
      const times: number[] = [];
      for (let i = 0; i < opts.samples; i++) {
        const t0 = performance.now();
        await once();
        times.push(performance.now() - t0);
      }
      const p95 = percentile(times, 95);
      rows.push({
        label,
        values: { p50: percentile(times, 50), p95, "rows on page": first.rows.length },
        target: `p95 ≤ ${TARGET_P95_MS} ms`,
        pass: p95 <= TARGET_P95_MS,
      });
    }
    return {
      name: "monitoring-search",
      title: `Article search over ${opts.articles.toLocaleString("en")} articles (PostgreSQL)`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: {
        articles: opts.articles,
        samples: opts.samples,
        seedSeconds: Math.round(seedSeconds),
        database: dbName,
        loadAverage1m: os.loadavg()[0],
      },
      columns: ["p50", "p95", "rows on page"],
      rows,
      notes: [
        "planSearch + searchPage in-process (what GET /api/v1/monitoring/articles runs, without HTTP), one query at a time, page size 25.",
        "Scope: a coordinator of the province root (visibility = owner in subtree OR a mention in subtree). Seeded rows: title + lead + body of about 45 words from fixed word lists, spread over one year.",
        seedSeconds
          ? `Seeded in ${seedSeconds.toFixed(0)} s (SQL generate_series, 100,000 rows per INSERT); the database ${dbName} is kept for the next run.`
          : `Reused the seeded database ${dbName}.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
  }
}
