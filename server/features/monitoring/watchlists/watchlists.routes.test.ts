import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleMentions } from "../../../db/schema";
import { createTree, signedIn } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { ingestItems } from "../ingest/ingest-items";
import { compileWatchlist } from "./compile-watchlist";
import { matchRecent, rootPathOf } from "./match-recent";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe("watchlists", () => {
  it("answers a syntax error with 400, its code and the character position, in the entry that has it", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const bad = await client.post("/api/v1/monitoring/watchlists/check", {
      entries: [
        { kind: "name", value: "Dinas Kesehatan" },
        { kind: "query", value: "(banjir OR longsor AND Denpasar" },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("query_unbalanced_paren");
    expect(bad.body.error.position).toBe(0);
    expect(bad.body.error.fields["entries.1.value"]).toMatch(/karakter ke-1/);
    const near = await client.post("/api/v1/monitoring/watchlists", {
      organizationId: tree.opdA.id,
      name: "Salah",
      entries: [{ kind: "query", value: "banjir NEAR Denpasar" }],
    });
    expect(near.status).toBe(400);
    expect(near.body.error.code).toBe("query_bad_near");
    expect(near.body.error.position).toBe(7);
    const ok = await client.post("/api/v1/monitoring/watchlists/check", {
      entries: [
        { kind: "name", value: "Dinas Kesehatan" },
        { kind: "hashtag", value: "#BaliSehat" },
        { kind: "query", value: "vaksin* AND NOT hoaks" },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.query).toContain('"dinas kesehatan"');
    expect(ok.body.toneTerms).toEqual(expect.arrayContaining(["Dinas Kesehatan", "BaliSehat"]));
  });

  it("previews matches on past articles with counts, saves, re-matches after an edit, and deletes", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        {
          url: "https://p.example.id/1",
          kind: "news",
          title: "Banjir di Denpasar",
          text: "Banjir merendam Denpasar Barat. Dinas Kesehatan membuka posko.",
          publishedAt: hoursAgo(5),
        },
        {
          url: "https://p.example.id/2",
          kind: "news",
          title: "Longsor di Bangli",
          text: "Longsor menutup jalan di Kintamani.",
          publishedAt: hoursAgo(30),
        },
        {
          url: "https://p.example.id/3",
          kind: "news",
          title: "Banjir lama",
          text: "Banjir besar di Denpasar tahun lalu.",
          publishedAt: hoursAgo(24 * 20),
        },
      ],
    });
    const { client } = await signedIn(server, tree.opdA, "admin");
    const preview = await client.post("/api/v1/monitoring/watchlists/preview", {
      organizationId: tree.opdA.id,
      entries: [{ kind: "query", value: "banjir OR longsor" }],
      days: 7,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(2);
    expect(preview.body.perDay.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(2);
    expect(preview.body.items.map((i: { title: string }) => i.title).sort()).toEqual(["Banjir di Denpasar", "Longsor di Bangli"]);
    expect(preview.body).toMatchObject({ scanned: 2, truncated: false });
    // The scan stops at its cap (the preview's is PREVIEW_MAX_SCAN) and says so.
    const capped = await matchRecent(db, {
      rootPath: rootPathOf(tree.opdA.path),
      ast: compileWatchlist([{ kind: "query", value: "banjir OR longsor" }]).ast,
      days: 7,
      maxScan: 1,
    });
    expect(capped).toMatchObject({ scanned: 1, truncated: true });
    expect(capped.matches.map((m) => m.title)).toEqual(["Banjir di Denpasar"]);

    const created = await client.post("/api/v1/monitoring/watchlists", {
      organizationId: tree.opdA.id,
      name: "Bencana",
      entries: [{ kind: "query", value: "banjir" }],
    });
    expect(created.status).toBe(201);
    expect(created.body.can).toMatchObject({ read: true, manage: true });
    const id = created.body.id;
    // Creating matched the recent article in the background (inline queue in tests).
    let mentions = await db.select().from(articleMentions).where(eq(articleMentions.watchlistId, id));
    expect(mentions).toHaveLength(1);

    const edited = await client.patch(`/api/v1/monitoring/watchlists/${id}`, { entries: [{ kind: "query", value: "longsor" }] });
    expect(edited.status).toBe(200);
    expect(edited.body.compiledQuery).toBe("longsor");
    mentions = await db.select().from(articleMentions).where(eq(articleMentions.watchlistId, id));
    expect(mentions).toHaveLength(1);
    expect(mentions[0].mentionedOrganizationId).toBe(tree.opdA.id);

    const list = await client.get(`/api/v1/monitoring/watchlists?q=benc`);
    expect(list.body.items.map((w: { name: string }) => w.name)).toEqual(["Bencana"]);
    expect(list.body.items[0].mentions7d).toBe(1);

    // An officer of the unit reads but does not manage; another OPD's admin does not see it.
    const officer = await signedIn(server, tree.opdA, "officer");
    expect((await officer.client.get(`/api/v1/monitoring/watchlists/${id}`)).body.can).toMatchObject({ read: true, manage: false });
    expect((await officer.client.patch(`/api/v1/monitoring/watchlists/${id}`, { name: "X" })).status).toBe(403);
    // Previewing is part of editing: a reader may not scan the tree's articles with a query of their own.
    const previewBody = { organizationId: tree.opdA.id, entries: [{ kind: "query", value: "banjir" }], days: 7 };
    const officerPreview = await officer.client.post("/api/v1/monitoring/watchlists/preview", previewBody);
    expect(officerPreview.status).toBe(403);
    expect(officerPreview.body.items).toBeUndefined();
    const other = await signedIn(server, tree.opdB, "admin");
    expect((await other.client.post("/api/v1/monitoring/watchlists/preview", previewBody)).status).toBe(404);
    expect((await other.client.get(`/api/v1/monitoring/watchlists/${id}`)).status).toBe(404);
    expect((await other.client.delete(`/api/v1/monitoring/watchlists/${id}`)).status).toBe(404);

    expect((await client.delete(`/api/v1/monitoring/watchlists/${id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/monitoring/watchlists/${id}`)).status).toBe(404);
    // Deleted watchlists stop matching new articles.
    const res = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [{ url: "https://p.example.id/4", kind: "news", title: "Longsor lagi", text: "Longsor di Karangasem." }],
    });
    expect(await db.select().from(articleMentions).where(eq(articleMentions.articleId, res.articleIds[0]))).toHaveLength(0);
  });
});
