import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Executor } from "../db/client";
import { PageCache, type PageInput } from "./page-cache";

/** A database that only answers "when does the next embargo end" (epoch ms, or null). */
function fakeDb(nextPublicAt: () => number | null) {
  let asked = 0;
  const db = {
    execute: async () => {
      asked++;
      return { rows: [{ at: nextPublicAt() }] };
    },
  } as unknown as Executor;
  return { db, asked: () => asked };
}

const T0 = Date.parse("2026-11-21T02:00:00Z");
let renders = 0;
const render =
  (body = "halaman", status = 200) =>
  async (): Promise<PageInput> => {
    renders++;
    return { status, type: "text/html; charset=utf-8", body: `${body} ${renders}`, cacheControl: "public, max-age=60" };
  };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  renders = 0;
});
afterEach(() => vi.useRealTimers());

describe("PageCache", () => {
  it("never keeps a page past the moment the next embargo ends, without any write", async () => {
    const embargoEnds = T0 + 10_000;
    const { db } = fakeDb(() => (Date.now() < embargoEnds ? embargoEnds : null));
    const cache = new PageCache(db, () => true, 30_000);
    const first = await cache.get("home", render());
    vi.setSystemTime(embargoEnds - 1);
    expect((await cache.get("home", render())).body.toString()).toBe(first.body.toString());
    vi.setSystemTime(embargoEnds + 1);
    const after = await cache.get("home", render());
    expect(after.body.toString()).toBe("halaman 2");
    // With no embargo left, the page lives for the TTL.
    vi.setSystemTime(embargoEnds + 29_000);
    expect((await cache.get("home", render())).body.toString()).toBe("halaman 2");
    vi.setSystemTime(embargoEnds + 31_000);
    expect((await cache.get("home", render())).body.toString()).toBe("halaman 3");
  });

  it("drops everything on invalidate, and does not store a fill that raced with it", async () => {
    const { db } = fakeDb(() => null);
    const cache = new PageCache(db, () => true);
    await cache.get("a", render());
    cache.invalidate();
    expect((await cache.get("a", render())).body.toString()).toBe("halaman 2");
    let release: () => void = () => undefined;
    const slow = cache.get("b", async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return render()();
    });
    await Promise.resolve();
    await Promise.resolve();
    cache.invalidate();
    release();
    await slow;
    expect((await cache.get("b", render())).body.toString()).toBe("halaman 4");
  });

  it("shares one render between concurrent requests", async () => {
    const { db } = fakeDb(() => null);
    const cache = new PageCache(db, () => true);
    const pages = await Promise.all([cache.get("x", render()), cache.get("x", render()), cache.get("x", render())]);
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p.etag)).size).toBe(1);
  });

  it("keeps no 404 and nothing while the change feed is disconnected", async () => {
    const { db } = fakeDb(() => null);
    let connected = true;
    const cache = new PageCache(db, () => connected);
    await cache.get("missing", render("tidak ada", 404));
    await cache.get("missing", render("tidak ada", 404));
    expect(renders).toBe(2);
    connected = false;
    await cache.get("page", render());
    await cache.get("page", render());
    expect(renders).toBe(4);
  });

  it("gzips text pages of a useful size", async () => {
    const { db } = fakeDb(() => null);
    const cache = new PageCache(db, () => true);
    const big = await cache.get("big", async () => ({ status: 200, type: "text/html", body: "a".repeat(5000), cacheControl: "" }));
    expect(big.gzip?.length).toBeLessThan(200);
    const small = await cache.get("small", async () => ({ status: 200, type: "text/html", body: "kecil", cacheControl: "" }));
    expect(small.gzip).toBeNull();
  });
});
