import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type SafeFetch, safeFetch } from "../../lib/safe-fetch";
import { loadSeedArticles, type SeedArticle } from "./articles";
import { type PageArticle, type PageOutlet, renderArticlePage } from "./page-template";

/**
 * A local "news web" for tests: one HTTP server answering for several outlets by Host header
 * (kabarbali.test, wartanusa.test, suarakaltim.test, uji.test), all resolving to 127.0.0.1
 * through `resolve`. It serves the five seed articles as pages, RSS / Atom / JSON Feed / news
 * sitemaps, syndicated copies, an article that can be updated, and the bad cases: a malformed
 * feed, a page in the wrong charset, a slow page, redirects to private addresses, a huge page,
 * a PDF, and robots.txt disallowing /privat/. Feeds and pages carry ETag and Last-Modified and
 * answer 304 to conditional requests.
 */

export const NEWS_HOSTS = ["kabarbali.test", "wartanusa.test", "suarakaltim.test", "uji.test"] as const;
export type NewsHost = (typeof NEWS_HOSTS)[number];

const OUTLET_NAMES: Record<NewsHost, string> = {
  "kabarbali.test": "Kabar Bali",
  "wartanusa.test": "Warta Nusantara",
  "suarakaltim.test": "Suara Kaltim",
  "uji.test": "Portal Uji",
};

interface Resource {
  type: string;
  body: Buffer;
  lastModified: Date;
}

export interface NewsWeb {
  port: number;
  /** http://<host>:<port> */
  origin(host: NewsHost): string;
  url(host: NewsHost, path: string): string;
  /** Maps every *.test name to 127.0.0.1 (pass as safeFetch's `resolve`). */
  resolve(host: string): Promise<string[]>;
  /** OUTBOUND_ALLOW for the news web: its host names only (not 127.0.0.1 itself). */
  allow: string;
  /** safeFetch bound to `resolve` and `allow`. */
  fetch: SafeFetch;
  articles: SeedArticle[];
  /** Every request: host, path, status answered. */
  requests: { host: string; path: string; status: number }[];
  hits(host: NewsHost, path: string): number;
  /** Replaces an article page's paragraphs (same URL): the "updated article". */
  updateArticle(host: NewsHost, path: string, paragraphs: string[]): void;
  /**
   * Publishes a test's own stories on a host: one page per story at /berita/<slug> and an RSS
   * feed listing them at `feedPath` (replacing any feed there). Returns the feed's URL.
   */
  publishFeed(host: NewsHost, feedPath: string, stories: Omit<SeedArticle, "file">[]): string;
  /** Bytes of the huge page. */
  hugeBytes: number;
  /** How long the slow page waits before answering. */
  slowMs: number;
  close(): Promise<void>;
}

const xmlEsc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function startNewsWeb(opts: { hugeBytes?: number; slowMs?: number } = {}): Promise<NewsWeb> {
  const articles = loadSeedArticles();
  const hugeBytes = opts.hugeBytes ?? 6 * 1024 * 1024;
  const slowMs = opts.slowMs ?? 3000;
  const resources = new Map<string, Resource>();
  const requests: NewsWeb["requests"] = [];
  let port = 0;
  const origin = (host: NewsHost) => `http://${host}:${port}`;
  const url = (host: NewsHost, path: string) => `${origin(host)}${path}`;
  const started = new Date("2026-11-20T00:00:00Z");
  const outlet = (host: NewsHost): PageOutlet => ({ name: OUTLET_NAMES[host], host, origin: origin(host) });

  const server: Server = createServer((req, res) => {
    const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    req.resume();
    answer(req, res, host, path);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const resolve = async (host: string) => (host.endsWith(".test") ? ["127.0.0.1"] : []);

  const put = (host: NewsHost, path: string, type: string, body: string | Buffer, lastModified = started) =>
    resources.set(`${host}${path}`, { type, body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), lastModified });

  const pageArticle = (a: SeedArticle, host: NewsHost, paragraphs = a.paragraphs): PageArticle => ({
    title: a.title,
    author: a.author,
    publishedAt: a.publishedAt,
    paragraphs,
    image: `${origin(host)}/img/${a.slug}.jpg`,
  });
  const page = (host: NewsHost, path: string, a: SeedArticle, paragraphs?: string[]) => {
    const u = url(host, path);
    put(
      host,
      path,
      "text/html; charset=utf-8",
      renderArticlePage(outlet(host), pageArticle(a, host, paragraphs), u, { seed: path.length }),
    );
  };

  const rss = (host: NewsHost, items: { path: string; a: SeedArticle }[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>${xmlEsc(OUTLET_NAMES[host])}</title><link>${origin(host)}/</link><description>Berita terkini</description><language>id</language>
<atom:link href="${origin(host)}/rss.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    ({
      path,
      a,
    }) => `<item><title>${xmlEsc(a.title)}</title><link>${url(host, path)}</link><guid isPermaLink="true">${url(host, path)}</guid>
<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate><dc:creator><![CDATA[${a.author}]]></dc:creator>
<description><![CDATA[${a.paragraphs[0]}]]></description><enclosure url="${origin(host)}/img/${a.slug}.jpg" type="image/jpeg" length="1000"/></item>`,
  )
  .join("\n")}
</channel></rss>`;

  // kabarbali.test: RSS with articles 0–2; a news sitemap behind a sitemap index.
  const [a0, a1, a2, a3, a4] = articles;
  const bali = [
    { path: `/berita/${a0.slug}`, a: a0 },
    { path: `/berita/${a1.slug}`, a: a1 },
    { path: `/berita/${a2.slug}`, a: a2 },
  ];
  for (const { path, a } of bali) page("kabarbali.test", path, a);
  put("kabarbali.test", "/rss.xml", "application/rss+xml; charset=utf-8", rss("kabarbali.test", bali));
  put(
    "kabarbali.test",
    "/sitemap_index.xml",
    "application/xml",
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${url("kabarbali.test", "/sitemap-news.xml")}</loc></sitemap></sitemapindex>`,
  );
  put(
    "kabarbali.test",
    "/sitemap-news.xml",
    "application/xml",
    `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${bali
  .map(
    ({
      path,
      a,
    }) => `<url><loc>${url("kabarbali.test", path)}</loc><news:news><news:publication><news:name>Kabar Bali</news:name><news:language>id</news:language></news:publication>
<news:publication_date>${a.publishedAt}</news:publication_date><news:title>${xmlEsc(a.title)}</news:title></news:news>
<image:image><image:loc>${origin("kabarbali.test")}/img/${a.slug}.jpg</image:loc></image:image></url>`,
  )
  .join("\n")}
</urlset>`,
  );

  // wartanusa.test: Atom with articles 3 and 4 and a syndicated copy of article 0.
  const warta = [
    { path: `/nasional/${a3.slug}`, a: a3 },
    { path: `/nasional/${a4.slug}`, a: a4 },
    { path: `/daerah/salinan-${a0.slug}`, a: a0 },
  ];
  for (const { path, a } of warta) page("wartanusa.test", path, a);
  put(
    "wartanusa.test",
    "/atom.xml",
    "application/atom+xml",
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id"><title>Warta Nusantara</title><id>${origin("wartanusa.test")}/</id><updated>2026-11-20T00:00:00Z</updated>
${warta
  .map(
    ({ path, a }) => `<entry><title>${xmlEsc(a.title)}</title><link rel="alternate" type="text/html" href="${url("wartanusa.test", path)}"/>
<id>${url("wartanusa.test", path)}</id><published>${a.publishedAt}</published><updated>${a.publishedAt}</updated><author><name>${xmlEsc(a.author)}</name></author>
<summary>${xmlEsc(a.paragraphs[0])}</summary></entry>`,
  )
  .join("\n")}
</feed>`,
  );

  // suarakaltim.test: JSON Feed 1.1 with syndicated copies of articles 4 and 1.
  const kaltim = [
    { path: `/read/2024/${a4.slug}`, a: a4 },
    { path: `/read/2024/${a1.slug}`, a: a1 },
  ];
  for (const { path, a } of kaltim) page("suarakaltim.test", path, a);
  put(
    "suarakaltim.test",
    "/feed.json",
    "application/feed+json",
    JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Suara Kaltim",
      home_page_url: origin("suarakaltim.test"),
      language: "id",
      items: kaltim.map(({ path, a }) => ({
        id: url("suarakaltim.test", path),
        url: url("suarakaltim.test", path),
        title: a.title,
        summary: a.paragraphs[0],
        date_published: a.publishedAt,
        authors: [{ name: a.author }],
      })),
    }),
  );

  // uji.test: the awkward cases, listed in one feed next to one good article.
  const good = { path: `/berita/${a3.slug}`, a: a3 };
  page("uji.test", good.path, a3);
  page("uji.test", "/berita/akan-diperbarui", a2);
  put(
    "uji.test",
    "/robots.txt",
    "text/plain",
    "User-agent: *\nDisallow: /privat/\n\nUser-agent: SinergiBot\nDisallow: /privat/\nAllow: /\n",
  );
  page("uji.test", "/privat/rahasia", a4);
  const latin1 = renderArticlePage(
    outlet("uji.test"),
    {
      title: "Dinas Pariwisata Promosikan Kafe Lokal “Kopi Kintamani”",
      author: "José Ramírez",
      publishedAt: "2024-08-01T01:00:00.000Z",
      paragraphs: [
        "DENPASAR – Dinas Pariwisata menggelar promosi kafé dan kopi lokal di Kintamani, Bangli, pada Sabtu pagi.",
        "“Kopi Kintamani harus dikenal dunia,” ujar Kepala Dinas Pariwisata di hadapan para pelaku usaha.",
        "Promosi ini melibatkan dua puluh kafé dan tiga koperasi petani kopi dari wilayah Bangli dan sekitarnya.",
      ],
      image: `${origin("uji.test")}/img/kopi.jpg`,
    },
    url("uji.test", "/berita/kopi-kintamani"),
    { charset: "utf-8" },
  );
  // Declared UTF-8 (header and meta), but the bytes are windows-1252.
  resources.set("uji.test/berita/kopi-kintamani", {
    type: "text/html; charset=utf-8",
    body: Buffer.from(new Uint8Array([...latin1].map((ch) => CP1252_REVERSE.get(ch) ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)))),
    lastModified: started,
  });
  put("uji.test", "/dokumen/laporan.pdf", "application/pdf", Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
  put(
    "uji.test",
    "/rusak.xml",
    "application/rss+xml",
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Rusak</title><item><title>Tanpa penutup</item></channel></rss>`,
  );
  const mixedPaths = [
    good.path,
    "/berita/kopi-kintamani",
    "/berita/lambat",
    "/berita/pindah-lokal",
    "/berita/pindah-privat",
    "/berita/besar",
    "/privat/rahasia",
    "/dokumen/laporan.pdf",
  ];
  put(
    "uji.test",
    "/campur.xml",
    "application/rss+xml",
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Portal Uji</title><link>${origin("uji.test")}/</link>
${mixedPaths.map((p) => `<item><title>Berita ${p}</title><link>${url("uji.test", p)}</link></item>`).join("\n")}
</channel></rss>`,
  );
  // One entry whose <atom:updated> moves when the article is updated (as WordPress feeds do).
  const putUpdatableFeed = (updated: Date) =>
    put(
      "uji.test",
      "/diperbarui.xml",
      "application/rss+xml",
      rss("uji.test", [{ path: "/berita/akan-diperbarui", a: a2 }]).replace(
        "</guid>",
        `</guid><atom:updated>${updated.toISOString()}</atom:updated>`,
      ),
      updated,
    );
  putUpdatableFeed(started);

  const answer = (req: IncomingMessage, res: ServerResponse, host: string, path: string) => {
    const log = (status: number) => requests.push({ host, path, status });
    if (host === "uji.test" && path === "/berita/lambat") {
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html><body><p>terlambat</p></body></html>");
      }, slowMs);
      res.on("close", () => clearTimeout(timer));
      return log(200);
    }
    if (host === "uji.test" && path === "/berita/pindah-lokal") {
      // The news web's own address, but by IP: the allow-list names only the hosts.
      res.writeHead(302, { location: `http://127.0.0.1:${port}/berita/${a3.slug}` }).end();
      return log(302);
    }
    if (host === "uji.test" && path === "/berita/pindah-privat") {
      res.writeHead(301, { location: "http://10.20.30.40/internal/admin" }).end();
      return log(301);
    }
    if (host === "uji.test" && path === "/berita/besar") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const chunk = Buffer.from(`<p>${"Isi sangat panjang tentang pembangunan daerah. ".repeat(200)}</p>\n`);
      res.write('<!DOCTYPE html><html lang="id"><head><title>Besar</title></head><body>');
      let sent = 0;
      const pump = () => {
        while (sent < hugeBytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end("</body></html>");
      };
      res.on("error", () => undefined);
      pump();
      return log(200);
    }
    const r = resources.get(`${host}${path}`);
    if (!r) {
      res.writeHead(404, { "content-type": "text/plain" }).end("tidak ditemukan");
      return log(404);
    }
    const etag = `"${createHash("sha1").update(r.body).digest("hex").slice(0, 16)}"`;
    const lastModified = r.lastModified.toUTCString();
    const inm = req.headers["if-none-match"];
    const ims = req.headers["if-modified-since"];
    const notModified = inm ? inm === etag : ims ? new Date(ims).getTime() >= Math.floor(r.lastModified.getTime() / 1000) * 1000 : false;
    if (notModified) {
      res.writeHead(304, { etag, "last-modified": lastModified }).end();
      return log(304);
    }
    res.writeHead(200, { "content-type": r.type, "content-length": r.body.length, etag, "last-modified": lastModified }).end(r.body);
    return log(200);
  };

  return {
    port,
    origin,
    url,
    resolve,
    allow: NEWS_HOSTS.join(","),
    fetch: (u, o = {}) => safeFetch(u, { ...o, allow: o.allow ?? NEWS_HOSTS.join(","), resolve }),
    articles,
    requests,
    hits: (host, path) => requests.filter((r) => r.host === host && r.path === path).length,
    updateArticle: (host, path, paragraphs) => {
      const current = resources.get(`${host}${path}`);
      if (!current) throw new Error(`no page ${host}${path}`);
      const a = articles.find((x) => path.endsWith(x.slug)) ?? a2;
      const u = url(host, path);
      const changed = new Date(Math.max(Date.now(), current.lastModified.getTime() + 60_000));
      put(host, path, "text/html; charset=utf-8", renderArticlePage(outlet(host), pageArticle(a, host, paragraphs), u), changed);
      if (host === "uji.test" && path === "/berita/akan-diperbarui") putUpdatableFeed(changed);
    },
    publishFeed: (host, feedPath, stories) => {
      const items = stories.map((story) => ({ path: `/berita/${story.slug}`, a: { ...story, file: "" } }));
      for (const { path, a } of items) page(host, path, a);
      put(host, feedPath, "application/rss+xml; charset=utf-8", rss(host, items), new Date());
      return url(host, feedPath);
    },
    hugeBytes,
    slowMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Unicode → windows-1252 byte, for the characters 0x80–0x9F of that code page. */
const CP1252_REVERSE = new Map<string, number>(
  [...new Uint8Array(32).keys()].map(
    (i) => [new TextDecoder("windows-1252").decode(new Uint8Array([0x80 + i])), 0x80 + i] as [string, number],
  ),
);
