import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewsWeb, startNewsWeb } from "../../../test/news-web/news-web";
import { HostGate } from "./host-gate";
import { PoliteFetcher } from "./polite-fetcher";

let web: NewsWeb;
beforeAll(async () => {
  web = await startNewsWeb({ slowMs: 2000, hugeBytes: 6 * 1024 * 1024 });
});
afterAll(async () => web?.close());

const fetcher = () => new PoliteFetcher({ fetch: web.fetch, minIntervalMs: 0, timeoutMs: 800 });
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

describe("PoliteFetcher against the news web", () => {
  it("answers 304 to a conditional GET with the ETag or the Last-Modified it got", async () => {
    const f = fetcher();
    const first = await f.get(web.url("kabarbali.test", "/rss.xml"));
    if (first.status !== "ok") throw new Error("expected a body");
    expect(first.etag).toMatch(/^"/);
    expect(first.text).toContain("<rss");
    expect((await f.get(first.url, { etag: first.etag })).status).toBe("not_modified");
    expect((await f.get(first.url, { lastModified: first.lastModified })).status).toBe("not_modified");
  });

  it("refuses redirects to loopback or private addresses, although the news web's host names are allowed", async () => {
    const f = fetcher();
    expect(await code(f.get(web.url("uji.test", "/berita/pindah-lokal")))).toBe("monitoring_fetch_blocked");
    expect(await code(f.get(web.url("uji.test", "/berita/pindah-privat")))).toBe("monitoring_fetch_blocked");
    // A host outside the allow-list is refused before any request is made.
    expect(await code(f.get(`http://127.0.0.1:${web.port}/rss.xml`))).toBe("monitoring_fetch_blocked");
    expect(await code(f.get("file:///etc/passwd"))).toBe("monitoring_fetch_bad_url");
  });

  it("keeps to robots.txt (SinergiBot), the deadline and the size cap", async () => {
    const f = fetcher();
    expect(await code(f.get(web.url("uji.test", "/privat/rahasia")))).toBe("monitoring_fetch_robots");
    expect(web.hits("uji.test", "/privat/rahasia")).toBe(0);
    const before = web.hits("uji.test", "/robots.txt");
    expect(await code(f.get(web.url("uji.test", `/berita/${web.articles[3].slug}`)))).toBe("ok");
    expect(web.hits("uji.test", "/robots.txt")).toBe(before); // cached per origin
    const t0 = Date.now();
    expect(await code(f.get(web.url("uji.test", "/berita/lambat")))).toBe("monitoring_fetch_timeout");
    expect(Date.now() - t0).toBeLessThan(1800);
    expect(await code(f.get(web.url("uji.test", "/berita/besar")))).toBe("monitoring_fetch_too_large");
    expect(await code(f.get(web.url("uji.test", "/tidak-ada")))).toBe("monitoring_fetch_http");
  });

  it("decodes a page that declares UTF-8 but is windows-1252", async () => {
    const res = await fetcher().get(web.url("uji.test", "/berita/kopi-kintamani"));
    if (res.status !== "ok") throw new Error("expected a body");
    expect(res.charset).toBe("windows-1252");
    expect(res.text).toContain("José Ramírez");
    expect(res.text).toContain("“Kopi Kintamani”");
  });
});

describe("HostGate", () => {
  it("runs at most `concurrency` requests per host, spaced by the interval, other hosts in parallel", async () => {
    const gate = new HostGate(2, 30);
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const job = () =>
      gate.run("a.test", async () => {
        starts.push(Date.now());
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 40));
        active--;
      });
    const t0 = Date.now();
    let other = 0;
    await Promise.all([
      job(),
      job(),
      job(),
      job(),
      gate.run("b.test", async () => {
        other = Date.now() - t0;
      }),
    ]);
    expect(peak).toBe(2);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(25);
    expect(other).toBeLessThan(25);
  });
});
