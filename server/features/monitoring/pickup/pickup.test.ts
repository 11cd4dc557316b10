import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, pressEventCoverage, pressEvents, releasePickups } from "../../../db/schema";
import { type DomainEvents, subscribe } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { createTree, signedIn } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { ingestItems } from "../ingest/ingest-items";
import { findPickups } from "./find-pickups";
import { sweepPickups } from "./pickup-sweep";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "near-dup", "fixtures");
const release = readFileSync(path.join(FIXTURES, "000_a03689db3a7ac953.txt"), "utf8");
const unrelated = readFileSync(path.join(FIXTURES, "001_592206d4945a4242.txt"), "utf8");
const paragraphs = release.split(/\n+/).filter((p) => p.trim().length > 0);

let server: TestServer;
const events: DomainEvents["monitoring.pickups"][] = [];
beforeAll(async () => {
  server = await startTestServer();
  subscribe("monitoring.pickups", async (_tx, e) => {
    events.push(e);
  });
});
afterAll(async () => server?.close());

const hour = 3_600_000;

describe("findPickups", () => {
  const r = { id: "r", organizationPath: "/root/opd/", publicFrom: new Date("2026-11-01T02:00:00Z"), text: release };
  const a = (text: string, publishedAt = new Date("2026-11-01T05:00:00Z"), ownerPath = "/root/") => ({
    id: "a",
    ownerPath,
    publishedAt,
    text,
  });

  it("scores how much of the release an article used, and flags a run before the embargo", () => {
    const half = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join("\n\n");
    const [m] = findPickups([r], [a(`Wartawan kami melaporkan.\n\n${half}\n\nDemikian laporan kami.`)]);
    expect(m.containment).toBeGreaterThan(0.3);
    expect(m.containment).toBeLessThan(0.9);
    expect(m.beforeRelease).toBe(false);
    const [full] = findPickups([r], [a(release)]);
    expect(full.containment).toBeGreaterThan(0.95);
    const [early] = findPickups([r], [a(release, new Date("2026-11-01T01:00:00Z"))]);
    expect(early.beforeRelease).toBe(true);
  });

  it("ignores unrelated articles, other trees and articles outside the window", () => {
    expect(findPickups([r], [a(unrelated)])).toEqual([]);
    expect(findPickups([r], [a(release, undefined, "/other/")])).toEqual([]);
    expect(findPickups([r], [a(release, new Date("2026-12-15T00:00:00Z"))])).toEqual([]);
    expect(findPickups([{ ...r, text: "Siaran pers singkat." }], [a("Siaran pers singkat.")])).toEqual([]);
  });
});

describe("release pickup sweep", () => {
  it("records which outlets ran a release once, announces it, and shows it to the release's readers only", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const contentId = newId();
    const publicFrom = new Date(Date.now() - 6 * hour);
    await db.insert(contentItems).values({
      id: contentId,
      organizationId: tree.opdA.id,
      type: "siaran_pers",
      title: paragraphs[0].slice(0, 100),
      slug: `rilis-${contentId}`,
      bodyText: release,
      status: "published",
      publishedAt: publicFrom,
      publicFrom,
      releasedAt: publicFrom,
    } as typeof contentItems.$inferInsert);

    // A press conference that handed out this release: its coverage comes from the pickups.
    const eventId = newId();
    await db.insert(pressEvents).values({
      id: eventId,
      organizationId: tree.opdA.id,
      kind: "konferensi_pers",
      title: "Konferensi pers forum kehumasan",
      startsAt: new Date(publicFrom.getTime() - hour),
      endsAt: publicFrom,
      placeAddress: "Gedung Jaya Sabha, Denpasar",
      status: "held",
      contentItemIds: [contentId],
    } as typeof pressEvents.$inferInsert);

    const half = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join("\n\n");
    const ingest = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        {
          url: `https://bali-news.example.id/${contentId}/a`,
          title: "Rilis dimuat utuh",
          text: release,
          kind: "news",
          outletName: "Bali News",
          publishedAt: new Date(Date.now() - 3 * hour),
        },
        {
          url: `https://denpasar-post.example.id/${contentId}/b`,
          title: "Rilis dimuat sebagian",
          text: `Laporan wartawan.\n\n${half}`,
          kind: "news",
          outletName: "Denpasar Post",
          publishedAt: new Date(Date.now() - 2 * hour),
        },
        {
          url: `https://lain.example.id/${contentId}/c`,
          title: "Berita lain",
          text: unrelated,
          kind: "news",
          outletName: "Lain",
          publishedAt: new Date(Date.now() - 2 * hour),
        },
      ],
    });
    expect(ingest.inserted).toBe(3);

    // Too fresh: left for the next run (an ingest that commits late must not be skipped).
    expect(await sweepPickups(db, { now: new Date() })).toBe(0);
    events.length = 0;
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await sweepPickups(db, { now: later })).toBe(2);
    expect(await sweepPickups(db, { now: later })).toBe(0);
    const rows = await db.select().from(releasePickups).where(eq(releasePickups.contentId, contentId));
    expect(rows.map((r) => r.outletName).sort()).toEqual(["Bali News", "Denpasar Post"]);
    expect(events.flatMap((e) => e.pickups.map((p) => p.contentId))).toEqual([contentId, contentId]);
    const coverage = await db.select().from(pressEventCoverage).where(eq(pressEventCoverage.eventId, eventId));
    expect(coverage.map((c) => [c.outletName, c.source]).sort()).toEqual([
      ["Bali News", "monitoring"],
      ["Denpasar Post", "monitoring"],
    ]);

    const { client } = await signedIn(server, tree.opdA, "officer");
    const res = await client.get(`/api/v1/content/${contentId}/pickups`);
    expect(res.status).toBe(200);
    expect(res.body.outlets).toBe(2);
    const full = res.body.items.find((i: { outletName: string }) => i.outletName === "Bali News");
    expect(full.containment).toBeGreaterThan(0.95);
    const partial = res.body.items.find((i: { outletName: string }) => i.outletName === "Denpasar Post");
    expect(partial.containment).toBeGreaterThan(0.3);
    expect(partial.containment).toBeLessThan(1);

    const byPeriod = await client.get(`/api/v1/release-pickups?contentId=${contentId}`);
    expect(byPeriod.body.items).toHaveLength(2);

    const other = await signedIn(server, tree.opdB, "officer");
    expect((await other.client.get(`/api/v1/content/${contentId}/pickups`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/release-pickups?contentId=${contentId}`)).body.items).toEqual([]);
  });
});
