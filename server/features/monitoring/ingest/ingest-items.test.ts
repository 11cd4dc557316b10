import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleMentions, articles, contentItems, watchlists } from "../../../db/schema";
import { type DomainEvents, subscribe } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { createTree, type TestTree } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { compileWatchlist } from "../watchlists/compile-watchlist";
import { canonicalUrl } from "./canonical-url";
import { detectLanguage } from "./detect-language";
import { ingestItems } from "./ingest-items";
import type { RawItem } from "./raw-item";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "near-dup", "fixtures");
const seed = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(FIXTURES, f), "utf8"));
const firstLine = (t: string) => t.split("\n")[0].slice(0, 120);

let server: TestServer;
const events: DomainEvents["monitoring.mentions"][] = [];
beforeAll(async () => {
  server = await startTestServer();
  subscribe("monitoring.mentions", async (_tx, e) => {
    events.push(e);
  });
});
afterAll(async () => server?.close());

const item = (over: Partial<RawItem> & { url: string }): RawItem => ({
  title: "Judul",
  text: "Isi berita.",
  kind: "news",
  publishedAt: new Date(Date.now() - 3_600_000),
  ...over,
});

async function addWatchlist(_tree: TestTree, org: { id: string }, entries: { kind: "name" | "query"; value: string }[]) {
  const c = compileWatchlist(entries);
  const id = newId();
  await server.services.db.insert(watchlists).values({
    id,
    organizationId: org.id,
    name: "WL",
    entries,
    compiledQuery: c.query,
    toneTerms: c.toneTerms,
  });
  return id;
}

describe("canonical URLs and language", () => {
  it("strips tracking, fragments, www, trailing slashes and orders parameters", () => {
    expect(canonicalUrl("http://www.Example.co.id/berita/1/?utm_source=x&b=2&a=1#top")).toBe("https://example.co.id/berita/1?a=1&b=2");
    expect(canonicalUrl("https://example.co.id/")).toBe("https://example.co.id/");
    expect(canonicalUrl("https://example.co.id/a/amp")).toBe("https://example.co.id/a");
    expect(canonicalUrl("ftp://example.co.id/a")).toBeNull();
    expect(canonicalUrl("berita")).toBeNull();
  });
  it("tells Indonesian from English by stopwords", () => {
    expect(detectLanguage(seed[0])).toBe("id");
    expect(detectLanguage("The governor said that the flood was over and the roads would be open again by Monday.")).toBe("en");
    expect(detectLanguage("Denpasar")).toBeNull();
  });
});

describe("ingestItems", () => {
  it("inserts, deduplicates exact copies, updates a changed article and rejects a bad item alone", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const first = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        item({ url: "https://news.example.id/a?utm_source=rss", title: firstLine(seed[0]), text: seed[0], outletName: "Bali Post" }),
        item({ url: "not a url", title: "x", text: "y" }),
        item({ url: "https://news.example.id/b", title: "", text: "" }),
        item({ url: "https://www.news.example.id/a/", title: firstLine(seed[0]), text: seed[0] }), // same canonical URL
      ],
    });
    expect(first.inserted).toBe(1);
    expect(first.duplicates).toBe(1);
    expect(first.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, "monitoring_item_url_invalid"],
      [2, "monitoring_item_invalid"],
    ]);
    const [row] = await db.select().from(articles).where(eq(articles.id, first.articleIds[0]));
    expect(row.canonicalUrl).toBe("https://news.example.id/a");
    expect(row.language).toBe("id");
    expect(row.nearDupGroupId).toBe(row.id);
    expect(row.clusterId).not.toBeNull();
    expect(row.hoaxScore).toBeGreaterThanOrEqual(0);

    // Same text at another URL: a duplicate by content hash.
    const again = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [item({ url: "https://other.example.id/x", title: firstLine(seed[0]), text: seed[0] })],
    });
    expect(again).toMatchObject({ inserted: 0, duplicates: 1, articleIds: [row.id] });

    // The article was edited: same URL, new text → the row is updated, not duplicated.
    const edited = `${seed[0]}\n\nPembaruan: acara diikuti 120 peserta.`;
    const upd = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [item({ url: "https://news.example.id/a#comments", title: firstLine(seed[0]), text: edited })],
    });
    expect(upd).toMatchObject({ inserted: 0, updated: 1, articleIds: [row.id] });
    const rows = await db.select().from(articles).where(eq(articles.organizationId, tree.diskominfo.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toContain("120 peserta");
  });

  it("runs two ingests of one owner one after the other, so the same article arriving twice at once is stored once", async () => {
    const tree = await createTree(server.services);
    // Given the pool (not a caller's transaction): each call opens its own transaction, and on
    // PostgreSQL the two run on separate connections at the same time.
    const batch = () =>
      ingestItems(server.services.db, {
        organizationId: tree.diskominfo.id,
        sourceId: null,
        items: [item({ url: "https://news.example.id/serentak", title: firstLine(seed[1]), text: seed[1] })],
      });
    const results = await Promise.all([batch(), batch()]);
    expect(results.map((r) => r.inserted).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.duplicates).sort()).toEqual([0, 1]);
    const stored = await server.services.db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.organizationId, tree.diskominfo.id));
    expect(stored).toHaveLength(1);
  });

  it("groups syndicated copies of the seed articles as near-duplicates in the same story, apart from other articles", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const originals = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: seed.map((t, i) => item({ url: `https://asal.example.id/${i}`, title: firstLine(t), text: t, outletName: "Asal" })),
    });
    expect(originals.inserted).toBe(5);
    expect(originals.nearDuplicates).toBe(0);
    const copies = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: seed.map((t, i) =>
        item({
          url: `https://sindikasi.example.id/${i}`,
          title: `Sindikasi: ${firstLine(t)}`,
          text: `Baca juga: harga cabai naik.\n\n${t.slice(0, Math.floor(t.length * 0.7))}\n\nCopyright © 2024 Sindikasi.`,
          outletName: "Sindikasi",
        }),
      ),
    });
    expect(copies.inserted).toBe(5);
    expect(copies.nearDuplicates).toBe(5);
    const byId = new Map((await db.select().from(articles).where(eq(articles.organizationId, tree.diskominfo.id))).map((r) => [r.id, r]));
    for (let i = 0; i < 5; i++) {
      const original = byId.get(originals.articleIds[i]);
      const copy = byId.get(copies.articleIds[i]);
      expect(copy?.nearDupGroupId).toBe(original?.id);
      expect(copy?.clusterId).toBe(original?.clusterId);
    }
    const groups = new Set([...byId.values()].map((r) => r.nearDupGroupId));
    expect(groups.size).toBe(5);
  });

  it("keeps groups and stories across the slices of a large batch (written slice by slice while the next is read)", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const owner = tree.diskominfo.id;
    // Fillers share no word with anything else (digits kept apart: "111" would collapse to "1"); the
    // seed articles open the batch and their copies close it, so an original and its copy are in
    // different slices of the pipeline.
    const filler = (i: number) => {
      const tag = [...String(i)].join("q");
      return item({
        url: `https://isi.example.id/${i}`,
        title: `Kabar ${tag}`,
        text: Array.from({ length: 30 }, (_, k) => `w${tag}x${k}`).join(" "),
      });
    };
    const copy = (host: string, t: string, i: number) =>
      item({
        url: `https://${host}.example.id/${i}`,
        title: `Salinan: ${firstLine(t)}`,
        text: `${t.slice(0, Math.floor(t.length * 0.8))}\n\nSumber: ${host}.`,
      });
    const first = await ingestItems(db, {
      organizationId: owner,
      sourceId: null,
      items: [
        ...seed.map((t, i) => item({ url: `https://asal.example.id/${i}`, title: firstLine(t), text: t, outletName: "Asal" })),
        ...Array.from({ length: 115 }, (_, i) => filler(i)),
        ...seed.map((t, i) => copy("salin", t, i)),
      ],
    });
    expect(first.inserted).toBe(125);
    expect(first.nearDuplicates).toBe(5);
    // A second batch: copies in its middle slice find the stored originals; its own fillers stay apart.
    const second = await ingestItems(db, {
      organizationId: owner,
      sourceId: null,
      items: [
        ...Array.from({ length: 60 }, (_, i) => filler(1000 + i)),
        ...seed.map((t, i) => copy("ulang", t, i)),
        ...Array.from({ length: 60 }, (_, i) => filler(2000 + i)),
      ],
    });
    expect(second.inserted).toBe(125);
    expect(second.nearDuplicates).toBe(5);
    const rows = new Map((await db.select().from(articles).where(eq(articles.organizationId, owner))).map((r) => [r.id, r]));
    expect(rows.size).toBe(250);
    for (let i = 0; i < 5; i++) {
      const original = rows.get(first.articleIds[i]);
      for (const c of [rows.get(first.articleIds[120 + i]), rows.get(second.articleIds[60 + i])]) {
        expect(c?.nearDupGroupId).toBe(original?.id);
        expect(c?.clusterId).toBe(original?.clusterId);
      }
      const story = await db.execute(sql`select article_count from story_clusters where id = ${original?.clusterId}`);
      expect((story as unknown as { rows: unknown[] }).rows[0]).toMatchObject({ article_count: 3 });
    }
    expect(new Set([...rows.values()].map((r) => r.nearDupGroupId)).size).toBe(240);
  });

  it("clusters differently worded reports of one event across outlets, and keeps another event apart", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const res = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        item({
          url: "https://a.example.id/1",
          title: "Banjir rendam ratusan rumah di Denpasar Barat, BPBD Bali dirikan posko pengungsian",
          text: "Hujan deras sejak Senin malam membuat Tukad Badung meluap dan merendam ratusan rumah warga di Denpasar Barat.",
          outletName: "Bali Post",
        }),
        item({
          url: "https://b.example.id/2",
          title: "Ratusan rumah di Denpasar Barat terendam banjir, BPBD Bali buka posko",
          text: "Luapan Tukad Badung setelah hujan deras merendam rumah warga Denpasar Barat; BPBD membuka posko pengungsian.",
          outletName: "Tribun Bali",
        }),
        item({
          url: "https://c.example.id/3",
          title: "Festival layang-layang Sanur diikuti ribuan peserta dari berbagai banjar",
          text: "Ribuan peserta memadati pantai Padang Galak untuk festival layang-layang tahunan.",
          outletName: "Nusa Bali",
        }),
      ],
    });
    const rows = await db.select().from(articles).where(eq(articles.organizationId, tree.diskominfo.id));
    const cluster = (id: string) => rows.find((r) => r.id === id)?.clusterId;
    expect(cluster(res.articleIds[0])).toBe(cluster(res.articleIds[1]));
    expect(cluster(res.articleIds[2])).not.toBe(cluster(res.articleIds[0]));
    const story = await db.execute(sql`select outlet_count, article_count from story_clusters where id = ${cluster(res.articleIds[0])}`);
    expect((story as unknown as { rows: unknown[] }).rows[0]).toMatchObject({ outlet_count: 2, article_count: 2 });
  });

  it("matches watchlists of the tree, scores the tone around each mention, flags a repeated hoax and announces once", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const dinkes = await addWatchlist(tree, tree.opdA, [{ kind: "name", value: "Dinas Kesehatan Bali" }]);
    const dispar = await addWatchlist(tree, tree.opdB, [{ kind: "query", value: '"Dinas Pariwisata" AND (festival OR wisata)' }]);
    const claim = newId();
    await db.insert(contentItems).values({
      id: claim,
      organizationId: tree.opdA.id,
      type: "klarifikasi",
      title: "[HOAKS] Vaksin campak mengandung babi",
      slug: `hoaks-${claim}`,
      status: "published",
      fields: { claim: "Vaksin campak yang dibagikan puskesmas mengandung babi dan menyebabkan kemandulan" },
    } as typeof contentItems.$inferInsert);
    events.length = 0;
    const text = [
      "Festival budaya di Sanur berlangsung meriah dan membanggakan, kata Dinas Pariwisata.",
      "Pengunjung sangat senang dan puas dengan acaranya.",
      "Acara digelar di lapangan Renon pada hari Minggu.",
      "Panitia mencatat jumlah pengunjung setiap hari.",
      "Sementara itu warga mengeluhkan pelayanan Dinas Kesehatan Bali yang sangat buruk dan lambat.",
      "Beredar kabar vaksin campak dari puskesmas mengandung babi dan menyebabkan kemandulan.",
    ].join(" ");
    const res = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        item({ url: "https://berita.example.id/tone", title: "Kabar dari Bali", text, outletName: "Bali Post" }),
        item({ url: "https://berita.example.id/other", title: "Harga cabai", text: "Harga cabai rawit naik di pasar Badung." }),
      ],
    });
    const mentions = await db.select().from(articleMentions).where(eq(articleMentions.articleId, res.articleIds[0]));
    const tone = Object.fromEntries(mentions.map((m) => [m.watchlistId, m.tone]));
    expect(tone[dinkes]).toBe("negative");
    expect(tone[dispar]).toBe("positive");
    expect(mentions.find((m) => m.watchlistId === dinkes)?.mentionedOrganizationId).toBe(tree.opdA.id);
    expect(mentions.find((m) => m.watchlistId === dinkes)?.snippet).toContain("Dinas Kesehatan Bali");
    const [row] = await db.select().from(articles).where(eq(articles.id, res.articleIds[0]));
    expect(row.hoaxClarificationId).toBe(claim);
    const [other] = await db.select().from(articles).where(eq(articles.id, res.articleIds[1]));
    expect(other.hoaxClarificationId).toBeNull();
    expect(events).toHaveLength(1);
    expect(events[0].organizationId).toBe(tree.diskominfo.id);
    expect(events[0].mentions.map((m) => m.watchlistId).sort()).toEqual([dinkes, dispar].sort());
    expect(events[0].mentions.find((m) => m.watchlistId === dinkes)).toMatchObject({ tone: "negative", hoaxClarificationId: claim });
  });

  it("indexes the Indonesian full text: stemmed and prefix queries find the article", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        item({
          url: "https://fts.example.id/1",
          title: "Pemerintah membangunkan jembatan",
          text: "Pembangunan jembatan gantung di Karangasem.",
        }),
      ],
    });
    const count = async (q: string) =>
      (
        (await db.execute(
          sql`select count(*)::int as n from articles where organization_id = ${tree.diskominfo.id} and search @@ to_tsquery('indonesian', ${q})`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0].n;
    expect(await count("bangun")).toBe(1); // stemmed: membangunkan / pembangunan → bangun
    expect(await count("karangas:*")).toBe(1);
    expect(await count("banjir")).toBe(0);
  });
});
