import { describe, expect, it } from "vitest";
import { loadSeedArticles } from "../../../test/news-web/articles";
import { renderArticlePage } from "../../../test/news-web/page-template";
import { extractArticle, looksLikeHtml } from "./extract-article";

const outlet = { name: "Kabar Bali", host: "kabarbali.test", origin: "https://kabarbali.test" };

describe("extractArticle", () => {
  it("takes title, author, date, images, canonical URL, outlet and the body text of a news page, leaving the chrome out", () => {
    const seeds = loadSeedArticles();
    for (const a of seeds) {
      const url = `https://kabarbali.test/berita/${a.slug}`;
      const html = renderArticlePage(outlet, { ...a, image: `https://kabarbali.test/img/${a.slug}.jpg` }, url, { chromeRepeat: 4 });
      const x = extractArticle(html, `${url}?utm_source=wa`);
      expect(x.title).toBe(a.title);
      expect(x.author).toBe(a.author);
      expect(x.publishedAt?.toISOString()).toBe(a.publishedAt);
      expect(x.canonicalUrl).toBe(url);
      expect(x.siteName).toBe("Kabar Bali");
      expect(x.language).toBe("id");
      expect(x.images[0]).toBe(`https://kabarbali.test/img/${a.slug}.jpg`);
      expect(x.lead).toBe(a.paragraphs[0]);
      // Every paragraph of the article, in order, and none of the menus, boxes or ads.
      expect(x.text.split("\n\n")).toEqual(a.paragraphs.map((p) => p.replace(/\s+/g, " ")));
      expect(x.text).not.toMatch(/Baca Juga|Terpopuler|Harga Cabai|googletag|Pedoman Media Siber/);
    }
  });

  it("reads the date and author from JSON-LD when the meta tags are missing", () => {
    const [a] = loadSeedArticles();
    const html = `<!DOCTYPE html><html lang="id"><head><title>${a.title}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${a.title}","datePublished":"2024-06-13T10:30:00+08:00","author":{"@type":"Person","name":"Ni Luh Putu"},"image":"/foto.jpg"}</script>
</head><body><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const x = extractArticle(html, "https://b.test/berita/1");
    expect(x.publishedAt?.toISOString()).toBe("2024-06-13T02:30:00.000Z");
    expect(x.author).toBe("Ni Luh Putu");
    expect(x.images).toContain("https://b.test/foto.jpg");
    expect(x.canonicalUrl).toBeNull();
  });

  it("refuses a page without article text, and tells HTML from other bodies", () => {
    expect(() => extractArticle("<html><body><nav><a href='/'>Beranda</a></nav></body></html>", "https://b.test/")).toThrow(
      expect.objectContaining({ code: "monitoring_extract_empty" }),
    );
    expect(looksLikeHtml("application/pdf", "%PDF-1.4")).toBe(false);
    expect(looksLikeHtml("", "<!DOCTYPE html><html>")).toBe(true);
    expect(looksLikeHtml("text/plain", "hanya teks")).toBe(false);
  });
});
