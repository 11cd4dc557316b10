import { describe, expect, it } from "vitest";
import { parseFeed } from "./parse-feed";

const base = "https://kabar.test/";

describe("parseFeed", () => {
  it("reads RSS 2.0 items with content:encoded, dc:creator, enclosure and relative links", () => {
    const feed = parseFeed(
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kabar &amp; Warta</title><language>id-ID</language>
<item><title>Bupati &amp; Wakil Resmikan Pasar</title><link>/berita/pasar</link><pubDate>Tue, 02 Jul 2024 04:15:00 GMT</pubDate>
<dc:creator><![CDATA[Andi]]></dc:creator><description>Ringkas</description><content:encoded><![CDATA[<p>Isi <b>lengkap</b></p>]]></content:encoded>
<enclosure url="https://kabar.test/a.jpg" type="image/jpeg" length="1"/></item>
<item><title>Tanpa tautan</title></item>
<item><title>Hanya guid</title><guid>https://kabar.test/berita/guid</guid></item>
</channel></rss>`,
      base,
    );
    expect(feed.format).toBe("rss");
    if (feed.format === "sitemapindex") throw new Error("unexpected");
    expect(feed.title).toBe("Kabar & Warta");
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toMatchObject({
      url: "https://kabar.test/berita/pasar",
      title: "Bupati & Wakil Resmikan Pasar",
      author: "Andi",
      contentHtml: "<p>Isi <b>lengkap</b></p>",
      image: "https://kabar.test/a.jpg",
      language: "id",
    });
    expect(feed.entries[0].publishedAt?.toISOString()).toBe("2024-07-02T04:15:00.000Z");
    expect(feed.entries[1].url).toBe("https://kabar.test/berita/guid");
  });

  it("reads Atom entries (alternate link, published, updated, author)", () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id"><title>Warta</title>
<entry><title>Satu</title><link rel="self" href="https://w.test/self"/><link rel="alternate" href="https://w.test/satu"/>
<published>2024-05-20T03:00:00Z</published><updated>2024-05-21T03:00:00Z</updated><author><name>Redaksi</name></author><summary>Isi</summary></entry></feed>`,
      base,
    );
    if (feed.format !== "atom") throw new Error(feed.format);
    expect(feed.entries[0]).toMatchObject({ url: "https://w.test/satu", title: "Satu", author: "Redaksi", language: "id" });
    expect(feed.entries[0].updatedAt?.toISOString()).toBe("2024-05-21T03:00:00.000Z");
  });

  it("reads JSON Feed 1.1 and refuses JSON that is not one", () => {
    const feed = parseFeed(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Suara",
        items: [
          {
            id: "1",
            url: "https://s.test/1",
            title: "Satu",
            date_published: "2024-06-11T05:45:00Z",
            authors: [{ name: "Tim" }],
            image: "/i.jpg",
          },
          { id: "2" },
        ],
      }),
      "https://s.test/feed.json",
    );
    if (feed.format !== "jsonfeed") throw new Error(feed.format);
    expect(feed.entries).toEqual([expect.objectContaining({ url: "https://s.test/1", author: "Tim", image: "https://s.test/i.jpg" })]);
    expect(() => parseFeed('{"items": []}', base)).toThrow(expect.objectContaining({ code: "monitoring_feed_malformed" }));
    expect(() => parseFeed("{not json", base)).toThrow(expect.objectContaining({ code: "monitoring_feed_malformed" }));
  });

  it("reads news sitemaps and sitemap indexes", () => {
    const urlset = parseFeed(
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://k.test/a</loc><lastmod>2024-06-14T00:00:00Z</lastmod><news:news><news:publication><news:name>K</news:name><news:language>id</news:language></news:publication>
<news:publication_date>2024-06-13T02:30:00Z</news:publication_date><news:title>Judul A</news:title></news:news></url></urlset>`,
      base,
    );
    if (urlset.format !== "sitemap") throw new Error(urlset.format);
    expect(urlset.entries[0]).toMatchObject({ url: "https://k.test/a", title: "Judul A", language: "id" });
    expect(urlset.entries[0].publishedAt?.toISOString()).toBe("2024-06-13T02:30:00.000Z");
    const index = parseFeed(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap></sitemapindex>`,
      base,
    );
    expect(index).toEqual({
      format: "sitemapindex",
      title: null,
      sitemaps: ["https://kabar.test/news-1.xml", "https://kabar.test/news-2.xml"],
    });
  });

  it("says where a malformed feed breaks, and refuses HTML and plain text", () => {
    expect(() => parseFeed("<rss><channel><item><title>x</item></channel></rss>", base)).toThrow(/line 1, column \d+/);
    expect(() => parseFeed("<!DOCTYPE html><html><body>x</body></html>", base)).toThrow(
      expect.objectContaining({ code: "monitoring_feed_malformed", message: "an HTML page, not a feed" }),
    );
    expect(() => parseFeed("halo", base)).toThrow(expect.objectContaining({ code: "monitoring_feed_malformed" }));
  });
});
