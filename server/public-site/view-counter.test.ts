import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../db/client";
import { contentItems } from "../db/schema";
import { createTree } from "../test/factories";
import { startTestServer, type TestServer } from "../test/test-server";
import { get, insertItem, orgSlug } from "./test-fixtures";
import { isBot, ViewCounter } from "./view-counter";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const viewsOf = async (id: string) =>
  (await server.services.db.select({ views: contentItems.views }).from(contentItems).where(eq(contentItems.id, id)))[0].views;

describe("view counting", () => {
  it("counts readers' page views without cookies, skips bots and HEAD, and shows the count", async () => {
    const s = server.services;
    const t = await createTree(s);
    const slug = await orgSlug(s, t.opdA);
    const item = await insertItem(s, t.opdA, { title: "Konten yang dihitung", views: 40 });
    const url = `/${slug}/${item.slug}`;
    const first = await get(server.baseUrl, url);
    expect(first.text).toContain("Dilihat 40 kali");
    expect(first.headers.get("set-cookie")).toBeNull();
    // The second view is served from the page cache; it counts all the same.
    expect((await get(server.baseUrl, url)).headers.get("set-cookie")).toBeNull();
    await get(server.baseUrl, url, { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    await get(server.baseUrl, url, { "user-agent": "facebookexternalhit/1.1" });
    await fetch(`${server.baseUrl}${url}`, { method: "HEAD", headers: { "user-agent": "Mozilla/5.0" } });
    expect(await viewsOf(item.id)).toBe(40);
    await server.app.newsroom.views.flush();
    expect(await viewsOf(item.id)).toBe(42);
    // A 404 is not a view of anything.
    await get(server.baseUrl, `/${slug}/tidak-ada`);
    await server.app.newsroom.views.flush();
    expect(await viewsOf(item.id)).toBe(42);
    server.app.newsroom.cache.invalidate();
    expect((await get(server.baseUrl, url)).text).toContain("Dilihat 42 kali");
  });

  it("tells crawlers and scripts from browsers", () => {
    expect(isBot("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36")).toBe(false);
    for (const ua of [
      "",
      "Googlebot/2.1",
      "WhatsApp/2.23",
      "curl/8.5.0",
      "python-requests/2.31",
      "node",
      "Mozilla/5.0 HeadlessChrome/140",
    ]) {
      expect(isBot(ua), ua).toBe(true);
    }
  });

  it("keeps the tallies when a flush fails and writes them with the next one", async () => {
    let fail = true;
    const written: unknown[] = [];
    const db = {
      execute: async (query: unknown) => {
        if (fail) throw new Error("database down");
        written.push(query);
        return { rows: [] };
      },
    } as unknown as Executor;
    const counter = new ViewCounter(db, pino({ level: "silent" }));
    counter.count("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    counter.count("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    await expect(counter.flush()).resolves.toBeUndefined();
    expect(written).toHaveLength(0);
    fail = false;
    await counter.flush();
    expect(written).toHaveLength(1);
    await counter.flush();
    expect(written).toHaveLength(1);
  });
});
