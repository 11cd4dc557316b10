import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, auditLog, monitoringSources } from "../../../db/schema";
import { createTree, signedIn } from "../../../test/factories";
import { type NewsWeb, startNewsWeb } from "../../../test/news-web/news-web";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { monitoringSweepJob } from "../fetch/fetch-source.job";
import { useMonitoringFetcher } from "../fetch/monitoring-fetcher";
import { PoliteFetcher } from "../fetch/polite-fetcher";

let server: TestServer;
let web: NewsWeb;
beforeAll(async () => {
  web = await startNewsWeb({ slowMs: 2500 });
  server = await startTestServer();
  useMonitoringFetcher(server.services, new PoliteFetcher({ fetch: web.fetch, minIntervalMs: 0, timeoutMs: 1000 }));
});
afterAll(async () => {
  await server?.close();
  await web?.close();
});

const stored = async (organizationId: string) =>
  server.services.db
    .select({
      url: articles.url,
      canonicalUrl: articles.canonicalUrl,
      title: articles.title,
      // The pipeline keeps the first paragraph as the lead and the rest as the body.
      body: sql<string>`${articles.lead} || E'\n\n' || ${articles.body}`,
      outletName: articles.outletName,
    })
    .from(articles)
    .where(eq(articles.organizationId, organizationId));

async function coordinator() {
  const tree = await createTree(server.services);
  const { client } = await signedIn(server, tree.root, "coordinator");
  const add = async (kind: string, host: Parameters<NewsWeb["url"]>[0], path: string, extra: Record<string, unknown> = {}) => {
    const res = await client.post("/api/v1/monitoring/sources", {
      organizationId: tree.root.id,
      kind,
      name: `${host}${path}`,
      url: web.url(host, path),
      ...extra,
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  };
  const fetchNow = async (id: string) => {
    const res = await client.post(`/api/v1/monitoring/sources/${id}/fetch`);
    expect(res.status, res.text).toBe(202);
    return res.body.source;
  };
  return { tree, client, add, fetchNow };
}

describe("monitoring sources against the news web", () => {
  it("fetches RSS, Atom, JSON Feed and a news sitemap: articles land once, syndicated copies and refetches store nothing twice", async () => {
    const { tree, client, add, fetchNow } = await coordinator();
    const rss = await add("rss", "kabarbali.test", "/rss.xml");
    const after = await fetchNow(rss.id);
    expect(after).toMatchObject({ health: "ok", itemsTotal: 3, consecutiveFailures: 0, lastErrorCode: null });
    const rows = await stored(tree.root.id);
    expect(rows.map((r) => r.title).sort()).toEqual(
      web.articles
        .slice(0, 3)
        .map((a) => a.title)
        .sort(),
    );
    const first = rows.find((r) => r.title === web.articles[0].title);
    // The pipeline normalizes the canonical URL (scheme, tracking parameters); the path is the page's.
    expect(first?.canonicalUrl).toMatch(new RegExp(`//kabarbali\\.test:${web.port}/berita/${web.articles[0].slug}$`));
    expect(first?.body).toContain("Ngobrol Santai Forum Kehumasan");
    expect(first?.body).not.toContain("Baca Juga");

    // Second fetch: the feed answers 304 and no article page is requested again.
    const pageHits = web.hits("kabarbali.test", `/berita/${web.articles[0].slug}`);
    const again = await fetchNow(rss.id);
    expect(again.itemsTotal).toBe(3);
    const log = await client.get(`/api/v1/monitoring/sources/${rss.id}/fetches`);
    expect(log.body.items.map((l: { status: string }) => l.status)).toEqual(["not_modified", "ok"]);
    expect(log.body.items[0].httpStatus).toBe(304);
    expect(web.hits("kabarbali.test", `/berita/${web.articles[0].slug}`)).toBe(pageHits);

    // The news sitemap (through its index) lists the same three pages: nothing new is fetched or stored.
    const sitemap = await add("sitemap", "kabarbali.test", "/sitemap_index.xml");
    const s = await fetchNow(sitemap.id);
    expect(s).toMatchObject({ health: "ok", itemsTotal: 0 });
    expect(web.hits("kabarbali.test", `/berita/${web.articles[0].slug}`)).toBe(pageHits);

    // Atom brings articles 3 and 4 and a syndicated copy of 0; the JSON Feed copies of 4 and 1.
    const atom = await add("atom", "wartanusa.test", "/atom.xml");
    await fetchNow(atom.id);
    const json = await add("jsonfeed", "suarakaltim.test", "/feed.json");
    await fetchNow(json.id);
    const all = await stored(tree.root.id);
    expect(new Set(all.map((r) => r.title)).size).toBe(5);
    expect(all).toHaveLength(5);
    const atomLog = await client.get(`/api/v1/monitoring/sources/${atom.id}/fetches`);
    expect(atomLog.body.items[0]).toMatchObject({ status: "ok", entries: 3, items: 2, duplicates: 1 });

    const list = await client.get("/api/v1/monitoring/sources?kind=atom");
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([atom.id]);
    expect(list.body.items[0].itemsPerDay).toBeCloseTo(2 / 7, 1);
    const detail = await client.get(`/api/v1/monitoring/sources/${atom.id}`);
    expect(detail.body.itemsByDay).toHaveLength(7);
    expect(detail.body.itemsByDay.at(-1).items).toBe(2);
  });

  it("a mixed feed: the good article lands, each bad entry is refused with its own code on the source's log", async () => {
    const { tree, client, add, fetchNow } = await coordinator();
    const src = await add("rss", "uji.test", "/campur.xml");
    const after = await fetchNow(src.id);
    expect(after.health).toBe("warning");
    expect(after.consecutiveFailures).toBe(0);
    const titles = (await stored(tree.root.id)).map((r) => r.title).sort();
    expect(titles).toEqual([web.articles[3].title, "Dinas Pariwisata Promosikan Kafe Lokal “Kopi Kintamani”"].sort());
    const latin = (await stored(tree.root.id)).find((r) => r.title.includes("Kintamani"));
    expect(latin?.body).toContain("“Kopi Kintamani harus dikenal dunia,”");
    const log = await client.get(`/api/v1/monitoring/sources/${src.id}/fetches`);
    const byPath = Object.fromEntries(
      log.body.items[0].details.map((d: { url: string; code: string }) => [new URL(d.url).pathname, d.code]),
    );
    expect(byPath).toEqual({
      "/berita/lambat": "monitoring_fetch_timeout",
      "/berita/pindah-lokal": "monitoring_fetch_blocked",
      "/berita/pindah-privat": "monitoring_fetch_blocked",
      "/berita/besar": "monitoring_fetch_too_large",
      "/privat/rahasia": "monitoring_fetch_robots",
      "/dokumen/laporan.pdf": "monitoring_not_html",
    });
    expect(log.body.items[0]).toMatchObject({ status: "partial", entries: 8, items: 2, rejected: 6 });
    expect(web.hits("uji.test", "/privat/rahasia")).toBe(0);
    // Entries failed: no validators are kept, so the next fetch reads the feed again (no 304)
    // and retries them instead of waiting for the feed to change.
    const [row] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, src.id));
    expect([row.etag, row.lastModified]).toEqual([null, null]);
    await fetchNow(src.id);
    const again = await client.get(`/api/v1/monitoring/sources/${src.id}/fetches`);
    expect(again.body.items[0].status).toBe("partial");
    expect(web.hits("uji.test", "/berita/besar")).toBe(2);
  });

  it("a broken feed is an error on the source with back-off; an updated article updates its row", async () => {
    const { tree, client, add, fetchNow } = await coordinator();
    const broken = await add("rss", "uji.test", "/rusak.xml", { scheduleMinutes: 15 });
    let s = await fetchNow(broken.id);
    expect(s).toMatchObject({ health: "warning", consecutiveFailures: 1, lastErrorCode: "monitoring_feed_malformed" });
    expect(s.lastErrorMessage).toMatch(/line 1, column/);
    s = await fetchNow(broken.id);
    s = await fetchNow(broken.id);
    expect(s).toMatchObject({ health: "failing", consecutiveFailures: 3 });
    // Back-off: the next scheduled fetch is 15 × 2³ minutes away.
    expect(new Date(s.nextFetchAt).getTime() - Date.now()).toBeGreaterThan(115 * 60_000);
    const failing = await client.get("/api/v1/monitoring/sources?health=failing");
    expect(failing.body.items.map((i: { id: string }) => i.id)).toEqual([broken.id]);

    const path = "/berita/akan-diperbarui";
    const upd = await add("rss", "uji.test", "/diperbarui.xml");
    await fetchNow(upd.id);
    const before = (await stored(tree.root.id)).find((r) => r.url.endsWith(path));
    expect(before?.body).not.toContain("RALAT");
    web.updateArticle("uji.test", path, ["RALAT: jadwal bimtek diundur ke pekan depan.", ...web.articles[2].paragraphs]);
    await fetchNow(upd.id);
    const rows = (await stored(tree.root.id)).filter((r) => r.url.endsWith(path));
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toContain("RALAT: jadwal bimtek diundur");
  });

  it("clips a single URL, and refuses a PDF or a redirect to a private address with a clear error", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const url = web.url("wartanusa.test", `/nasional/${web.articles[4].slug}`);
    const ok = await client.post("/api/v1/monitoring/clippings", { organizationId: tree.opdA.id, url });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ status: "inserted", title: web.articles[4].title, outletName: "Warta Nusantara" });
    const again = await client.post("/api/v1/monitoring/clippings", { organizationId: tree.opdA.id, url });
    expect(again.body.status).toBe("duplicate");
    expect(await stored(tree.opdA.id)).toHaveLength(1);

    const pdf = await client.post("/api/v1/monitoring/clippings", {
      organizationId: tree.opdA.id,
      url: web.url("uji.test", "/dokumen/laporan.pdf"),
    });
    expect(pdf.status).toBe(422);
    expect(pdf.body.error).toMatchObject({ code: "monitoring_not_html", message: expect.stringMatching(/bukan halaman HTML/) });
    const privat = await client.post("/api/v1/monitoring/clippings", {
      organizationId: tree.opdA.id,
      url: web.url("uji.test", "/berita/pindah-privat"),
    });
    expect(privat.status).toBe(422);
    expect(privat.body.error.code).toBe("monitoring_fetch_blocked");
    // The failures are on the clipping source's log too.
    const [bin] = await server.services.db
      .select()
      .from(monitoringSources)
      .where(and(eq(monitoringSources.organizationId, tree.opdA.id), eq(monitoringSources.kind, "clipping")));
    expect(bin.lastErrorCode).toBe("monitoring_fetch_blocked");
    expect(bin.itemsTotal).toBe(1);
  });

  it("only coordinators manage sources; other organizations' sources are 404; bad input is a precise 4xx", async () => {
    const { tree, client, add } = await coordinator();
    const src = await add("rss", "kabarbali.test", "/rss.xml", { enabled: false });
    const dup = await client.post("/api/v1/monitoring/sources", {
      organizationId: tree.root.id,
      kind: "rss",
      name: "Lagi",
      url: web.url("kabarbali.test", "/rss.xml"),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("monitoring_source_url_taken");
    const bad = await client.post("/api/v1/monitoring/sources", {
      organizationId: tree.root.id,
      kind: "rss",
      name: "X",
      url: "ftp://x.test/feed",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["name", "url"]));
    const disabled = await client.post(`/api/v1/monitoring/sources/${src.id}/fetch`);
    expect(disabled.status).toBe(409);
    expect(disabled.body.error.code).toBe("monitoring_source_disabled");

    const { client: officer } = await signedIn(server, tree.opdA, "officer");
    const mine = await officer.get("/api/v1/monitoring/sources");
    expect(mine.body.total).toBe(0);
    const { client: viewer } = await signedIn(server, tree.root, "viewer");
    const seen = await viewer.get(`/api/v1/monitoring/sources/${src.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toMatchObject({ read: true, manage: false });
    expect((await viewer.patch(`/api/v1/monitoring/sources/${src.id}`, { name: "Baru" })).status).toBe(403);
    expect((await officer.get(`/api/v1/monitoring/sources/${src.id}`)).status).toBe(404);
    expect((await officer.delete(`/api/v1/monitoring/sources/${src.id}`)).status).toBe(404);

    const other = await createTree(server.services);
    const { client: stranger } = await signedIn(server, other.root, "coordinator");
    expect((await stranger.patch(`/api/v1/monitoring/sources/${src.id}`, { enabled: true })).status).toBe(404);

    const renamed = await client.patch(`/api/v1/monitoring/sources/${src.id}`, {
      name: "Kabar Bali RSS",
      enabled: true,
      scheduleMinutes: 60,
    });
    expect(renamed.body).toMatchObject({ name: "Kabar Bali RSS", enabled: true, scheduleMinutes: 60, health: "new" });
    const search = await client.get("/api/v1/monitoring/sources?q=kabar%20bali");
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([src.id]);
    expect((await client.delete(`/api/v1/monitoring/sources/${src.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/monitoring/sources/${src.id}`)).status).toBe(404);
    const audit = await server.services.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, src.id))
      .orderBy(asc(auditLog.at));
    expect(audit.map((r) => r.action)).toEqual(["monitoring_source.create", "monitoring_source.update", "monitoring_source.delete"]);
  });

  it("the sweep claims due sources once and fetches them", async () => {
    const { tree } = await coordinator();
    const { client } = await signedIn(server, tree.root, "coordinator");
    const res = await client.post("/api/v1/monitoring/sources", {
      organizationId: tree.root.id,
      kind: "jsonfeed",
      name: "Suara Kaltim",
      url: web.url("suarakaltim.test", "/feed.json"),
    });
    await monitoringSweepJob.handler({}, server.services);
    const [row] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, res.body.id));
    expect(row.lastSuccessAt).not.toBeNull();
    expect(row.itemsTotal).toBe(2);
    const fetchedAt = row.lastFetchedAt;
    // Not due again until its schedule has passed.
    await monitoringSweepJob.handler({}, server.services);
    const [same] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, res.body.id));
    expect(same.lastFetchedAt).toEqual(fetchedAt);
  });
});
