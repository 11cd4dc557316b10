import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../db/schema";
import { createTree, type TestTree } from "../test/factories";
import { startTestServer, type TestServer } from "../test/test-server";
import { get, insertItem, orgSlug } from "./test-fixtures";

let server: TestServer;
let main: TestTree;
beforeAll(async () => {
  server = await startTestServer();
  main = await createTree(server.services);
});
afterAll(async () => server?.close());

const page = (path: string) => get(server.baseUrl, path);

/**
 * A strict-enough XML check for our own output: one root, every tag closed in order, attributes
 * quoted, and "&" only as one of XML's entities or a character reference.
 */
function assertWellFormed(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&/g)) {
    if (m[0] === "<") throw new Error(`stray "<" at ${m.index}: ${body.slice(m.index ?? 0, (m.index ?? 0) + 40)}`);
    if (m[0] === "&") {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i.test(body.slice(m.index))) throw new Error(`bare "&" at ${m.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const elements = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]);
const child = (xml: string, tag: string) => new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];

describe("feeds", () => {
  it("RSS 2.0: the newest public items with title, link, guid and pubDate, entities escaped, filterable by type", async () => {
    const s = server.services;
    const slug = await orgSlug(s, main.opdA);
    const tricky = await insertItem(s, main.opdA, {
      type: "siaran_pers",
      title: `Tarif <naik> & "turun" di Bali's pasar`,
      summary: "Ringkasan & <b>tebal</b>",
      publicInHours: -1,
    });
    const older = await insertItem(s, main.unitA, { type: "berita", title: "Berita unit", publicInHours: -2 });
    const elsewhere = await insertItem(s, main.opdB, { title: "Berita instansi lain" });
    const res = await page(`/${slug}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    assertWellFormed(res.text);
    const items = elements(res.text, "item");
    expect(items).toHaveLength(2);
    for (const item of items) for (const tag of ["title", "link", "guid", "pubDate"]) expect(child(item, tag), tag).toBeTruthy();
    expect(child(items[0], "title")).toBe("Tarif &lt;naik&gt; &amp; &quot;turun&quot; di Bali&apos;s pasar");
    expect(child(items[0], "link")).toBe(`${server.baseUrl}/${slug}/${tricky.slug}`);
    expect(child(items[0], "guid")).toBe(`urn:uuid:${tricky.id}`);
    expect(new Date(child(items[0], "pubDate") as string).getTime()).toBe(Math.floor((tricky.publicFrom as Date).getTime() / 1000) * 1000);
    expect(child(items[0], "description")).toBe("Ringkasan &amp; &lt;b&gt;tebal&lt;/b&gt;");
    expect(child(items[1], "title")).toBe(older.title);
    expect(res.text).not.toContain(elsewhere.title);
    expect(res.text).toContain(`<atom:link href="${server.baseUrl}/${slug}/feed.xml" rel="self" type="application/rss+xml"/>`);

    const releases = await page(`/${slug}/feed.xml?type=siaran_pers`);
    assertWellFormed(releases.text);
    expect(elements(releases.text, "item")).toHaveLength(1);
    expect(releases.text).toContain("Siaran Pers");
  });

  it("Atom: entries with id, title, link, published and updated; the top newsroom's feeds are at the root", async () => {
    const s = server.services;
    const item = await insertItem(s, main.opdB, {
      type: "klarifikasi",
      title: "Video banjir bukan di Bali",
      fields: { hoaxLabel: "SALAH" },
    });
    const slug = await orgSlug(s, main.opdB);
    const res = await page(`/${slug}/atom.xml`);
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    assertWellFormed(res.text);
    const entry = elements(res.text, "entry").find((e) => e.includes(item.id)) as string;
    expect(child(entry, "id")).toBe(`urn:uuid:${item.id}`);
    expect(child(entry, "title")).toBe("[SALAH] Video banjir bukan di Bali");
    expect(entry).toContain(`<link rel="alternate" type="text/html" href="${server.baseUrl}/${slug}/${item.slug}"/>`);
    expect(child(entry, "published")).toBe(item.publicFrom?.toISOString());
    expect(child(entry, "updated")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // `/feed.xml` and `/atom.xml` are the top newsroom's (the first root): the whole province.
    for (const path of ["/feed.xml", "/atom.xml"]) {
      const top = await page(path);
      assertWellFormed(top.text);
      expect(top.text).toContain(item.id);
    }
  });

  it("feeds carry at most the 50 newest items", async () => {
    const t = await createTree(server.services);
    for (let i = 0; i < 53; i++) await insertItem(server.services, t.opdB, { title: `Kabar ${i}`, publicInHours: -1 - i });
    const rss = (await page(`/${await orgSlug(server.services, t.opdB)}/feed.xml`)).text;
    const titles = elements(rss, "item").map((i) => child(i, "title"));
    expect(titles).toHaveLength(50);
    expect(titles[0]).toBe("Kabar 0");
    expect(titles[49]).toBe("Kabar 49");
  });
});

describe("sitemap and robots", () => {
  it("lists organization homes and public items only, with lastmod", async () => {
    const s = server.services;
    const t = await createTree(s);
    const item = await insertItem(s, t.opdA, { title: "Konten di peta situs" });
    const draft = await insertItem(s, t.opdA, { title: "Draf peta situs", status: "draft" });
    const social = await insertItem(s, t.opdA, { title: "Sosial peta situs", type: "sosial" });
    const future = await insertItem(s, t.opdA, { title: "Embargo peta situs", publicInHours: 5 });
    await s.db.update(organizations).set({ active: false }).where(eq(organizations.id, t.opdB.id));
    const opdA = await orgSlug(s, t.opdA);
    const res = await page("/sitemap.xml");
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    assertWellFormed(res.text);
    const urls = elements(res.text, "url");
    const entry = urls.find((u) => u.includes(`/${opdA}/${item.slug}<`)) as string;
    expect(child(entry, "lastmod")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(urls.some((u) => child(u, "loc") === `${server.baseUrl}/${opdA}`)).toBe(true);
    expect(urls.some((u) => child(u, "loc") === `${server.baseUrl}/`)).toBe(true);
    for (const hidden of [draft, social, future]) expect(res.text).not.toContain(hidden.slug);
    expect(res.text).not.toContain(`/${await orgSlug(s, t.opdB)}<`);
    const robots = await page("/robots.txt");
    expect(robots.text).toContain(`Sitemap: ${server.baseUrl}/sitemap.xml`);
    expect(robots.text).toContain("Disallow: /app");
  });
});
