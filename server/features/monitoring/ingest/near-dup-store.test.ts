import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { NUM_HASHES } from "../near-dup";
import { loadCandidates, saveFingerprints } from "./near-dup-store";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const DAY = 86_400_000;
/** 64 band keys from `start` on, with `shared` of them replaced by the given keys. */
const keys = (start: number, shared: number[] = []) => Array.from({ length: 64 }, (_, i) => shared[i] ?? start + i);
const fp = (seed: number) => ({ signature: new Uint32Array(NUM_HASHES).fill(seed), shingles: 10 });

async function storeArticle(organizationId: string, bands: number[], publishedAt: Date, seed: number) {
  const id = newId();
  await server.services.db.insert(articles).values({
    id,
    organizationId,
    url: `https://news.example.id/${id}`,
    canonicalUrl: `https://news.example.id/${id}`,
    contentHash: id,
    title: "Judul",
    publishedAt,
    kind: "news",
  });
  await saveFingerprints(server.services.db, organizationId, [{ articleId: id, publishedAt, fp: fp(seed), bands }], []);
  return id;
}

describe("near-duplicate candidates in the database", () => {
  it("returns the owner's recent articles sharing at least two bands with an item, with their signatures", async () => {
    const tree = await createTree(server.services);
    const other = await createTree(server.services);
    const db = server.services.db;
    const owner = tree.diskominfo.id;
    const now = Date.now();
    const twoBands = await storeArticle(owner, keys(1_000), new Date(now - DAY), 7);
    const oneBand = await storeArticle(owner, keys(2_000), new Date(now - DAY), 8);
    const tooOld = await storeArticle(owner, keys(3_000), new Date(now - 40 * DAY), 9);
    const otherOwner = await storeArticle(other.diskominfo.id, keys(1_000), new Date(now - DAY), 10);

    const since = new Date(now - 30 * DAY);
    const item = keys(90_000, [1_000, 1_001, 2_000, 3_000, 3_001]);
    const found = await loadCandidates(db, owner, [item, []], since);
    expect(found.map((f) => f.articleId)).toEqual([twoBands]);
    expect(found[0]).toMatchObject({ groupId: twoBands, clusterId: null });
    expect([...found[0].fp.signature]).toEqual(new Array(NUM_HASHES).fill(7));
    expect([oneBand, tooOld, otherOwner]).not.toContain(found[0].articleId);
    // The other owner's copy is found only for that owner.
    expect((await loadCandidates(db, other.diskominfo.id, [item], since)).map((f) => f.articleId)).toEqual([otherOwner]);
    expect(await loadCandidates(db, owner, [], since)).toEqual([]);
  });

  it("replaces the band keys of a changed article, so its old wording no longer finds it", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const owner = tree.diskominfo.id;
    const publishedAt = new Date(Date.now() - DAY);
    const id = await storeArticle(owner, keys(5_000), publishedAt, 1);
    const since = new Date(Date.now() - 30 * DAY);
    expect((await loadCandidates(db, owner, [keys(5_000)], since)).map((f) => f.articleId)).toEqual([id]);

    await saveFingerprints(db, owner, [{ articleId: id, publishedAt, fp: fp(2), bands: keys(6_000) }], [id]);
    const count = await db.execute(sql`select count(*)::int as n from article_band_keys where article_id = ${id}`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0].n).toBe(64);
    expect(await loadCandidates(db, owner, [keys(5_000)], since)).toEqual([]);
    const [now] = await loadCandidates(db, owner, [keys(6_000)], since);
    expect(now.articleId).toBe(id);
    expect(now.fp.signature[0]).toBe(2);

    // A text with no words left keeps no keys.
    await saveFingerprints(
      db,
      owner,
      [{ articleId: id, publishedAt, fp: { signature: new Uint32Array(NUM_HASHES), shingles: 0 }, bands: [] }],
      [id],
    );
    expect(await loadCandidates(db, owner, [keys(6_000)], since)).toEqual([]);
  });
});
