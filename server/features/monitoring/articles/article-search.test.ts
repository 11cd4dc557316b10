/**
 * The time slices of article search (slice-scan.ts) must not change what a search finds: these
 * tests put matches at ages that fall in the first slice, in walked and bitmap slices and beyond
 * the horizon, and compare every page with a plain ORDER BY over the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import type { Actor } from "../../../policies/core";
import { seedOrganization } from "../../../setup/seed-helpers";
import { openTestDatabase } from "../../../test/test-database";
import { type ArticleRow, planSearch, RELEVANCE_POOL, searchPage } from "./article-search";

let database: Database;
let drop: () => Promise<void>;
let actor: Actor;
const DAY = 86_400_000;

async function insert(orgId: string, rows: { title: string; body?: string; ageDays: number }[]) {
  for (const r of rows) {
    const n = Math.random().toString(36).slice(2);
    await database.sql.query(
      `insert into articles (id, organization_id, url, canonical_url, content_hash, title, body, published_at, kind)
       values (gen_random_uuid(), $1, $2, $2, $3, $4, $5, $6, 'news')`,
      [orgId, `https://t.example.id/${n}`, n, r.title, r.body ?? "", new Date(Date.now() - r.ageDays * DAY).toISOString()],
    );
  }
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const org = await database.db.transaction((tx) =>
    seedOrganization(tx, null, { name: "Provinsi Uji Cari", shortName: "Uji", kind: "provinsi", regionCode: "51" }),
  );
  actor = { kind: "user", userId: null, name: "test", grants: [{ organizationId: org.id, path: org.path, role: "coordinator" }] };
  // Rare matches at ages in every kind of slice, down to beyond the two-year horizon.
  const rareAges = [0.2, 2, 10, 45, 200, 600, 1000];
  await insert(
    org.id,
    rareAges.map((ageDays, i) => ({ title: `Banjir ke-${i} di Denpasar`, ageDays })),
  );
  // A dense term over the last three days, plus noise that matches nothing.
  await insert(
    org.id,
    Array.from({ length: 240 }, (_, i) => ({
      title: `Harga pasar ${i}`,
      body: i % 3 ? "cabai naik" : "cabai turun lagi",
      ageDays: i / 80,
    })),
  );
  // Both words of a NEAR query, but too far apart: the exact matcher must drop it.
  await insert(org.id, [{ title: "Harga beras", body: "jauh sekali dari kata yang lain yaitu cabai", ageDays: 0.1 }]);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

async function allPages(q: Record<string, string | undefined>, limit: number, sort: "date" | "relevance" = "date", pool?: number) {
  const plan = await planSearch(database.db, actor, { ...q, sort });
  const seen: ArticleRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 500; i++) {
    const page = await searchPage(database.db, plan, { sort, limit, cursor, pool });
    seen.push(...page.rows);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("no end");
}

async function reference(where: string, params: unknown[] = []) {
  const rows = await database.sql.query(`select id from articles where ${where} order by published_at desc, id desc`, params);
  return rows.rows.map((r) => r.id);
}

describe("article search over time slices", () => {
  it("finds rare matches at every age, newest first, with pages that neither skip nor repeat", async () => {
    const expected = await reference("title ilike 'banjir%'");
    expect(expected).toHaveLength(7);
    for (const limit of [1, 2, 25]) {
      expect((await allPages({ q: "banjir AND Denpasar" }, limit)).map((r) => r.id)).toEqual(expected);
    }
  });

  it("pages through rows that share a timestamp finer than a millisecond", async () => {
    const t = new Date(Date.now() - 3 * DAY).toISOString().replace("Z", "");
    for (const i of [1, 2, 3]) {
      await database.sql.query(
        `insert into articles (id, organization_id, url, canonical_url, content_hash, title, published_at, kind)
         values (gen_random_uuid(), $1, $2, $2, $2, 'Longsor kembar', ($3 || '456+00')::timestamptz - ($4 || ' microseconds')::interval, 'news')`,
        [actor.grants[0].organizationId, `https://t.example.id/kembar-${i}`, t, i === 3 ? "1" : "0"],
      );
    }
    for (const sort of ["date", "relevance"] as const) {
      const rows = await allPages({ q: "longsor" }, 1, sort);
      expect(rows.map((r) => r.id).sort()).toEqual((await reference("title = 'Longsor kembar'")).sort());
    }
  });

  it("keeps the date filters: from cuts the walk, to anchors it in the past", async () => {
    const from = new Date(Date.now() - 100 * DAY).toISOString();
    expect((await allPages({ q: "banjir", from }, 2)).map((r) => r.title)).toEqual([
      "Banjir ke-0 di Denpasar",
      "Banjir ke-1 di Denpasar",
      "Banjir ke-2 di Denpasar",
      "Banjir ke-3 di Denpasar",
    ]);
    const to = new Date(Date.now() - 30 * DAY).toISOString();
    expect((await allPages({ q: "banjir", to }, 3)).map((r) => r.title)).toEqual([
      "Banjir ke-3 di Denpasar",
      "Banjir ke-4 di Denpasar",
      "Banjir ke-5 di Denpasar",
      "Banjir ke-6 di Denpasar",
    ]);
  });

  it("keeps the rows at the edges of a slice's days (UTC midnight, just after from)", async () => {
    // No match in the newest day, so the rest is one GIN read that names its days (DAY_KEY).
    const from = new Date(Date.now() - 20 * DAY);
    const midnight = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 10);
    const at = [from.getTime() + 60_000, midnight, midnight - 1, from.getTime() - 60_000];
    for (const [i, t] of at.entries()) {
      await database.sql.query(
        `insert into articles (id, organization_id, url, canonical_url, content_hash, title, published_at, kind)
         values (gen_random_uuid(), $1, $2, $2, $2, $3, $4, 'news')`,
        [actor.grants[0].organizationId, `https://t.example.id/tepi-${i}`, `Gempa tepi ${i}`, new Date(t).toISOString()],
      );
    }
    const rows = await allPages({ q: "gempa", from: from.toISOString() }, 2);
    expect(rows.map((r) => r.title)).toEqual(["Gempa tepi 1", "Gempa tepi 2", "Gempa tepi 0"]);
  });

  it("pages a dense term in date order and lets the exact matcher decide", async () => {
    expect((await allPages({ q: "harga AND cabai" }, 25)).map((r) => r.id)).toEqual(
      await reference("title like 'Harga%' and body like '%cabai%'"),
    );
    const near = await allPages({ q: "harga NEAR/3 cabai" }, 10);
    expect(near).toHaveLength(240);
    expect(near.map((r) => r.title)).not.toContain("Harga beras");
    expect((await allPages({ q: '"cabai turun"' }, 7)).map((r) => r.id)).toEqual(await reference("body = 'cabai turun lagi'"));
  });

  it("ranks by relevance within the newest candidates and pages the same pool", async () => {
    const ranked = await allPages({ q: "banjir OR turun" }, 9, "relevance");
    const ids = ranked.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual((await reference("title ilike 'banjir%' or body like '%turun%'")).sort());
    // Ranks never increase from one row to the next, across pages.
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].rank ?? 0).toBeLessThanOrEqual(ranked[i - 1].rank ?? 0);
    expect(RELEVANCE_POOL).toBeGreaterThan(ranked.length);
  });

  it("ranks only the newest pool of candidates, and later pages stay in that pool", async () => {
    const newest = (await reference("title ilike 'banjir%' or body like '%turun%'")).slice(0, 30);
    const ranked = await allPages({ q: "banjir OR turun" }, 4, "relevance", 30);
    expect(ranked.map((r) => r.id).sort()).toEqual([...newest].sort());
    expect(ranked.map((r) => r.title)).not.toContain("Banjir ke-6 di Denpasar");
  });
});
