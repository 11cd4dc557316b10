import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchlists } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree, signedIn, type TestTree } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { ingestItems } from "../ingest/ingest-items";
import type { RawItem } from "../ingest/raw-item";
import { readToneCorrections } from "../tone/tone-corrections";
import { TONE_PARAMS } from "../tone/tone-model";
import { readToneData, trainTone } from "../tone/train-tone";
import { compileWatchlist } from "../watchlists/compile-watchlist";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

async function watch(org: { id: string }, value: string) {
  const c = compileWatchlist([{ kind: "name", value }]);
  const id = newId();
  await server.services.db.insert(watchlists).values({
    id,
    organizationId: org.id,
    name: value,
    entries: [{ kind: "name", value }],
    compiledQuery: c.query,
    toneTerms: c.toneTerms,
  });
  return id;
}

/** Diskominfo's feed: three articles; Dinkes (OPD A) is mentioned in one, Dispar (OPD B) in another. */
async function seed(tree: TestTree) {
  const dinkesWatch = await watch(tree.opdA, "Dinas Kesehatan");
  const disparWatch = await watch(tree.opdB, "Dinas Pariwisata");
  const items: RawItem[] = [
    {
      url: "https://s.example.id/1",
      kind: "news",
      outletName: "Bali Post",
      title: "Banjir rendam Denpasar, Dinas Kesehatan buka posko",
      text: "Banjir merendam ratusan rumah di Denpasar. Pelayanan Dinas Kesehatan sangat lambat dan buruk, kata warga.",
      publishedAt: daysAgo(1),
    },
    {
      url: "https://s.example.id/2",
      kind: "news",
      outletName: "Tribun Bali",
      title: "Festival layang-layang di Sanur",
      text: "Dinas Pariwisata menggelar festival layang-layang yang meriah dan sukses di Sanur.",
      publishedAt: daysAgo(2),
    },
    {
      url: "https://s.example.id/3",
      kind: "social",
      outletName: "X",
      title: "Banjir lagi di Gianyar",
      text: "Banjir di Gianyar, jalan ditutup sementara.",
      publishedAt: daysAgo(3),
    },
  ];
  const res = await ingestItems(server.services.db, { organizationId: tree.diskominfo.id, sourceId: null, items });
  return { ids: res.articleIds, dinkesWatch, disparWatch };
}

describe("article search", () => {
  it("finds articles with the Boolean syntax and filters, pages with a keyset cursor, and exports", async () => {
    const tree = await createTree(server.services);
    const { ids } = await seed(tree);
    const { client } = await signedIn(server, tree.root, "coordinator");
    const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title);

    expect(titles(await client.get("/api/v1/monitoring/articles"))).toHaveLength(3);
    const banjir = await client.get(`/api/v1/monitoring/articles?q=${encodeURIComponent("banjir NOT Gianyar")}`);
    expect(banjir.status).toBe(200);
    expect(titles(banjir)).toEqual(["Banjir rendam Denpasar, Dinas Kesehatan buka posko"]);
    expect(titles(await client.get(`/api/v1/monitoring/articles?q=${encodeURIComponent('"layang-layang" OR Gianyar')}`))).toHaveLength(2);
    expect(titles(await client.get(`/api/v1/monitoring/articles?q=${encodeURIComponent("festiv*")}`))).toEqual([
      "Festival layang-layang di Sanur",
    ]);
    expect(titles(await client.get(`/api/v1/monitoring/articles?q=banjir&kind=social`))).toEqual(["Banjir lagi di Gianyar"]);
    expect(titles(await client.get(`/api/v1/monitoring/articles?outlet=${encodeURIComponent("tribun bali")}`))).toEqual([
      "Festival layang-layang di Sanur",
    ]);
    expect(titles(await client.get(`/api/v1/monitoring/articles?tone=negative`))).toEqual([
      "Banjir rendam Denpasar, Dinas Kesehatan buka posko",
    ]);
    expect(titles(await client.get(`/api/v1/monitoring/articles?organizationId=${tree.opdB.id}`))).toEqual([
      "Festival layang-layang di Sanur",
    ]);
    const from = daysAgo(2.5).toISOString();
    expect(titles(await client.get(`/api/v1/monitoring/articles?from=${encodeURIComponent(from)}`))).toHaveLength(2);
    const relevance = await client.get(`/api/v1/monitoring/articles?q=banjir&sort=relevance`);
    expect(relevance.body.items).toHaveLength(2);

    const bad = await client.get(`/api/v1/monitoring/articles?q=${encodeURIComponent("banjir AND")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "query_dangling_operator", position: 7 });

    // Keyset pages: 2 + 1, newest first, no overlap.
    const p1 = await client.get("/api/v1/monitoring/articles?limit=2");
    expect(p1.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0], ids[1]]);
    const p2 = await client.get(`/api/v1/monitoring/articles?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    expect(p2.body.nextCursor).toBeNull();
    expect((await client.get("/api/v1/monitoring/articles?cursor=garbage")).status).toBe(400);

    const csv = await client.get(`/api/v1/monitoring/articles/export?q=banjir&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.text.split("\n").filter(Boolean)).toHaveLength(3);
    expect(csv.text).toContain("Dinas Kesehatan");
    const xlsx = await client.request("GET", `/api/v1/monitoring/articles/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
  });

  it("scopes: the source owner sees its articles but not other units' mentions; a mentioned OPD sees only articles that mention it; another tree sees nothing (404 on ids)", async () => {
    const tree = await createTree(server.services);
    const { ids } = await seed(tree);
    const owner = await signedIn(server, tree.diskominfo, "viewer");
    const owned = await owner.client.get("/api/v1/monitoring/articles");
    expect(owned.body.items).toHaveLength(3);
    expect(owned.body.items.flatMap((i: { mentions: unknown[] }) => i.mentions)).toEqual([]);
    expect((await owner.client.get("/api/v1/monitoring/articles?tone=negative")).body.items).toHaveLength(0);
    const dinkes = await signedIn(server, tree.unitA, "viewer"); // unit under OPD A: not mentioned itself
    expect((await dinkes.client.get("/api/v1/monitoring/articles")).body.items).toHaveLength(0);
    const opdA = await signedIn(server, tree.opdA, "viewer");
    const seen = await opdA.client.get("/api/v1/monitoring/articles");
    expect(seen.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    // Only its own mentions are shown, not Dispar's.
    expect(seen.body.items[0].mentions.map((m: { organizationId: string }) => m.organizationId)).toEqual([tree.opdA.id]);
    expect((await opdA.client.get(`/api/v1/monitoring/articles/${ids[1]}`)).status).toBe(404);
    expect((await opdA.client.get(`/api/v1/monitoring/articles?organizationId=${tree.opdB.id}`)).status).toBe(404);

    const otherTree = await createTree(server.services);
    const stranger = await signedIn(server, otherTree.root, "coordinator");
    expect((await stranger.client.get("/api/v1/monitoring/articles")).body.items).toHaveLength(0);
    expect((await stranger.client.get(`/api/v1/monitoring/articles/${ids[0]}`)).status).toBe(404);

    // The province coordinator sees the whole tree, with every mention.
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const all = await coordinator.client.get("/api/v1/monitoring/articles");
    expect(all.body.items).toHaveLength(3);
  });

  it("lets an officer correct the tone of a mention; train-tone reads the corrections from the database", async () => {
    const tree = await createTree(server.services);
    const { ids, dinkesWatch } = await seed(tree);
    const viewer = await signedIn(server, tree.opdA, "viewer");
    const detail = await viewer.client.get(`/api/v1/monitoring/articles/${ids[0]}`);
    expect(detail.body.mentions[0]).toMatchObject({ tone: "negative", corrected: false, can: { correctTone: false } });
    expect(
      (await viewer.client.put(`/api/v1/monitoring/articles/${ids[0]}/mentions/${dinkesWatch}/tone`, { tone: "neutral" })).status,
    ).toBe(403);

    const officer = await signedIn(server, tree.opdA, "officer");
    const fixed = await officer.client.put(`/api/v1/monitoring/articles/${ids[0]}/mentions/${dinkesWatch}/tone`, { tone: "neutral" });
    expect(fixed.status).toBe(200);
    expect(fixed.body.mentions[0]).toMatchObject({ tone: "neutral", modelTone: "negative", corrected: true });
    expect((await officer.client.get(`/api/v1/monitoring/articles?tone=neutral`)).body.items.map((i: { id: string }) => i.id)).toEqual([
      ids[0],
    ]);
    expect(
      (await officer.client.put(`/api/v1/monitoring/articles/${ids[1]}/mentions/${dinkesWatch}/tone`, { tone: "neutral" })).status,
    ).toBe(404);
    expect((await officer.client.put(`/api/v1/monitoring/articles/${ids[0]}/mentions/${dinkesWatch}/tone`, { tone: "bagus" })).status).toBe(
      400,
    );

    const corrections = await readToneCorrections(server.services.db);
    const mine = corrections.filter((c) => c.text.includes("Dinas Kesehatan sangat lambat"));
    expect(mine).toEqual([{ text: expect.stringContaining("Dinas Kesehatan"), label: "neutral" }]);
    // The corrections enter training as extra examples (a short run on a slice of SmSA).
    const { train, valid } = readToneData();
    const result = trainTone({
      train: train.slice(0, 400),
      valid: valid.slice(0, 100),
      extra: mine,
      extraWeight: 30,
      params: { ...TONE_PARAMS, maxIterations: 25 },
    });
    expect(result.training.extraTexts).toBe(1);
    expect(result.classifier.classify(mine[0].text)).toBe("neutral");
  }, 120_000);
});
