import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems } from "../db/schema";
import { createTree } from "../test/factories";
import { startTestServer, type TestServer } from "../test/test-server";
import { get, insertImageAsset, insertItem, linkAsset, orgSlug } from "./test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const page = (path: string) => get(server.baseUrl, path);

/** Resolves at the next content notification (NOTIFY from the database triggers, on any process). */
function nextContentChange(): Promise<void> {
  return new Promise((resolve) => server.services.changes.on("sinergi_content", resolve));
}

describe("embargo: a published item is public only from public_from", () => {
  it("is unreachable everywhere while embargoed, then reachable at the same URL once public_from has passed", async () => {
    const s = server.services;
    // The first tree of this database: its root is the top newsroom at `/`.
    const t = await createTree(s);
    const [rootSlug, slug] = [await orgSlug(s, t.root), await orgSlug(s, t.opdA)];
    const visible = await insertItem(s, t.opdA, { title: "Rilis yang sudah publik", publicInHours: -2 });
    const cover = await insertImageAsset(s, t.opdA);
    const photo = await insertImageAsset(s, t.opdA);
    const secret = await insertItem(s, t.opdA, {
      type: "foto",
      title: "Rilis berembargo zamrud",
      bodyHtml: "<p>Pengumuman pemenang lomba zamrud.</p>",
      publicInHours: 2,
      coverAssetId: cover.id,
      fields: { photos: [{ assetId: photo.id, caption: "Pemenang", credit: "Humas", place: "Denpasar", takenAt: "" }] },
    });
    await linkAsset(s, secret.id, photo.id, "photo");
    const url = `/${slug}/${secret.slug}`;

    const hiddenEverywhere = async () => {
      expect((await page(url)).status).toBe(404);
      expect((await page(`${url}/paket-media.zip`)).status).toBe(404);
      for (const home of [`/${slug}`, "/"]) {
        const res = await page(home);
        expect(res.text, home).toContain(visible.title);
        expect(res.text, home).not.toContain(secret.title);
      }
      expect((await page(`/${slug}?type=foto`)).text).toContain("Belum ada konten dengan filter ini.");
      for (const feed of [`/${slug}/feed.xml`, `/${slug}/atom.xml`, "/feed.xml", "/atom.xml", `/${rootSlug}/feed.xml?type=foto`]) {
        expect((await page(feed)).text, feed).not.toContain(secret.slug);
      }
      const sitemap = await page("/sitemap.xml");
      expect(sitemap.text).toContain(visible.slug);
      expect(sitemap.text).not.toContain(secret.slug);
      expect((await page("/?q=zamrud")).text).not.toContain(secret.title);
      for (const asset of [cover.id, photo.id]) expect((await page(`/media/${asset}/large`)).status).toBe(404);
    };

    // Twice: the second round is served from the newsroom's caches, which must hold it back too.
    await hiddenEverywhere();
    await hiddenEverywhere();
    expect(server.app.newsroom.cache.stats.hits).toBeGreaterThan(0);

    // The embargo ends (public_from passes): written as the studio would, seen through NOTIFY.
    const changed = nextContentChange();
    await s.db
      .update(contentItems)
      .set({ publicFrom: new Date(Date.now() - 60_000), embargoUntil: new Date(Date.now() - 60_000) })
      .where(eq(contentItems.id, secret.id));
    await changed;

    const item = await page(url);
    expect(item.status).toBe(200);
    expect(item.text).toContain("Rilis berembargo zamrud");
    expect((await page(`/${slug}`)).text).toContain(secret.title);
    expect((await page("/")).text).toContain(secret.title);
    expect((await page(`/${slug}/feed.xml`)).text).toContain(secret.slug);
    expect((await page("/atom.xml")).text).toContain(secret.slug);
    expect((await page("/sitemap.xml")).text).toContain(secret.slug);
    expect((await page("/cari?q=zamrud")).text).toContain("<mark>zamrud</mark>");
    expect((await page(`/media/${cover.id}/large`)).status).toBe(200);
    expect((await page(`/media/${photo.id}/thumb`)).status).toBe(200);
    expect((await page(`${url}/paket-media.zip`)).status).toBe(200);

    // Withdrawn again (archived): gone at once, cached pages included.
    const archived = nextContentChange();
    await s.db.update(contentItems).set({ status: "archived" }).where(eq(contentItems.id, secret.id));
    await archived;
    expect((await page(url)).status).toBe(404);
    expect((await page(`/${slug}`)).text).not.toContain(secret.title);
    expect((await page(`/media/${photo.id}/thumb`)).status).toBe(404);
  });

  it("does not count the view counter's writes as content changes", async () => {
    const s = server.services;
    const t = await createTree(s);
    const item = await insertItem(s, t.opdB, { title: "Konten yang dibaca" });
    const slug = await orgSlug(s, t.opdB);
    await page(`/${slug}/${item.slug}`);
    const before = server.app.newsroom.cache.stats.invalidations;
    await server.app.newsroom.views.flush();
    expect(server.app.newsroom.cache.stats.invalidations).toBe(before);
    const [row] = await s.db.select({ views: contentItems.views }).from(contentItems).where(eq(contentItems.id, item.id));
    expect(row.views).toBe(1);
  });
});
