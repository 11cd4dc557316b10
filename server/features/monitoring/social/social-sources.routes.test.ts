import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, auditLog, monitoringFetchLog, monitoringSourceSecrets, monitoringSources } from "../../../db/schema";
import { createTree, signedIn } from "../../../test/factories";
import { type FakeGraphComments, startFakeGraphComments } from "../../../test/fake-platforms/graph-comments";
import { type FakeXSearch, startFakeXSearch } from "../../../test/fake-platforms/x-search";
import { startTestServer, type TestServer } from "../../../test/test-server";

let server: TestServer;
let x: FakeXSearch;
let graph: FakeGraphComments;
beforeAll(async () => {
  [x, graph] = await Promise.all([
    startFakeXSearch({ token: "x-bearer-rahasia-123" }),
    startFakeGraphComments({ token: "page-token-rahasia" }),
  ]);
  server = await startTestServer({ env: { X_API_URL: x.url, GRAPH_API_URL: `${graph.url}/v21.0`, OUTBOUND_ALLOW: "127.0.0.1" } });
});
afterAll(async () => Promise.all([server?.close(), x?.close(), graph?.close()]));

describe("social-media sources", () => {
  it("stores the token sealed, never returns it, fetches on demand and then only what is new", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.diskominfo, "coordinator");
    const created = await client.post("/api/v1/monitoring/social-sources", {
      organizationId: tree.diskominfo.id,
      kind: "x",
      name: "X: banjir Denpasar",
      target: "banjir denpasar",
      accessToken: "x-bearer-rahasia-123",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "x", target: "banjir denpasar", tokenSet: true, can: { manage: true } });
    expect(created.text).not.toContain("rahasia");
    const [secret] = await server.services.db
      .select()
      .from(monitoringSourceSecrets)
      .where(eq(monitoringSourceSecrets.sourceId, created.body.id));
    expect(secret.secret).toMatch(/^v1:/);
    expect(secret.secret).not.toContain("rahasia");
    const audits = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, created.body.id));
    expect(JSON.stringify(audits)).not.toContain("rahasia");

    x.post("Banjir di Denpasar, air setinggi lutut di Jalan Gatsu", "kabar_dewata");
    x.post("Pemprov sigap tangani banjir Denpasar, terima kasih");
    const run = await client.post(`/api/v1/monitoring/social-sources/${created.body.id}/fetch`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ fetched: 2, inserted: 2, error: null });
    const stored = await server.services.db
      .select()
      .from(articles)
      .where(and(eq(articles.organizationId, tree.diskominfo.id), eq(articles.sourceId, created.body.id)));
    expect(stored).toHaveLength(2);
    expect(stored.every((a) => a.kind === "social" && a.url.startsWith("https://x.com/"))).toBe(true);

    x.post("Banjir Denpasar surut");
    const again = await client.post(`/api/v1/monitoring/social-sources/${created.body.id}/fetch`);
    expect(again.body).toMatchObject({ fetched: 1, inserted: 1 });
    const list = await client.get(`/api/v1/monitoring/social-sources?organizationId=${tree.diskominfo.id}`);
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, itemsTotal: 3, lastError: null, tokenSet: true });
    expect(list.text).not.toContain("rahasia");
    const logs = await server.services.db.select().from(monitoringFetchLog).where(eq(monitoringFetchLog.sourceId, created.body.id));
    expect(logs.map((l) => l.status)).toEqual(["ok", "ok"]);

    // "Ambil sekarang" on the general Sources page runs the social connector too.
    x.post("Banjir Denpasar: genangan di Renon mulai surut");
    const now = await client.post(`/api/v1/monitoring/sources/${created.body.id}/fetch`);
    expect(now.status).toBe(202);
    const after = await client.get(`/api/v1/monitoring/social-sources?organizationId=${tree.diskominfo.id}`);
    expect(after.body.items[0]).toMatchObject({ id: created.body.id, itemsTotal: 4 });
  });

  it("records a refused token on the source, backs off on the platform's rate limit, and a new token clears it", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.diskominfo, "admin");
    const created = await client.post("/api/v1/monitoring/social-sources", {
      organizationId: tree.diskominfo.id,
      kind: "facebook",
      name: "Halaman Pemprov",
      target: graph.pageId,
      accessToken: "token-lama-salah",
    });
    const id = created.body.id;
    const refused = await client.post(`/api/v1/monitoring/social-sources/${id}/fetch`);
    expect(refused.body.error).toContain("Token Facebook ditolak");
    const [afterRefusal] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, id));
    expect(afterRefusal).toMatchObject({ lastErrorCode: "social_auth", consecutiveFailures: 1 });

    const fixed = await client.patch(`/api/v1/monitoring/social-sources/${id}`, { accessToken: "page-token-rahasia" });
    expect(fixed.status).toBe(200);
    graph.comment(graph.posts[0].id, "Kapan jadwal vaksin berikutnya?");
    graph.limitNext(1, 30);
    const limited = await client.post(`/api/v1/monitoring/social-sources/${id}/fetch`);
    expect(limited.body.error).toContain("membatasi permintaan");
    expect(new Date(limited.body.backoffUntil).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // While the platform's pause lasts, nothing is sent to it.
    const calls = graph.requests.length;
    expect((await client.post(`/api/v1/monitoring/social-sources/${id}/fetch`)).body.fetched).toBe(0);
    expect(graph.requests.length).toBe(calls);
    const [paused] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, id));
    expect(paused.nextFetchAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(paused.consecutiveFailures).toBe(0);

    // A new token lifts the pause, and the fetch goes through.
    await client.patch(`/api/v1/monitoring/social-sources/${id}`, { accessToken: "page-token-rahasia" });
    const ok = await client.post(`/api/v1/monitoring/social-sources/${id}/fetch`);
    expect(ok.body).toMatchObject({ error: null });
    expect(ok.body.inserted).toBeGreaterThanOrEqual(1);
  });

  it("the minute sweep queues due social sources; tenants and roles are kept apart", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.diskominfo, "coordinator");
    const created = await client.post("/api/v1/monitoring/social-sources", {
      organizationId: tree.diskominfo.id,
      kind: "x",
      name: "X: vaksin",
      target: "vaksin pelajar",
      accessToken: "x-bearer-rahasia-123",
    });
    x.post("Vaksin pelajar di Badung lancar");
    await server.services.jobs.enqueue("monitoring.social-sweep", {});
    const [swept] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, created.body.id));
    expect(swept.itemsTotal).toBe(1);
    expect(swept.lastSuccessAt).not.toBeNull();

    const { client: officer } = await signedIn(server, tree.diskominfo, "officer");
    const body = { organizationId: tree.diskominfo.id, kind: "youtube", name: "YT", target: "UC1", accessToken: "kunci-api-123" };
    expect((await officer.post("/api/v1/monitoring/social-sources", body)).status).toBe(403);
    expect((await officer.get("/api/v1/monitoring/social-sources")).body.items).toHaveLength(1);
    const { client: other } = await signedIn(server, tree.opdB, "admin");
    expect((await other.patch(`/api/v1/monitoring/social-sources/${created.body.id}`, { name: "x" })).status).toBe(404);
    expect((await other.post(`/api/v1/monitoring/social-sources/${created.body.id}/fetch`)).status).toBe(404);
    const bad = await client.post("/api/v1/monitoring/social-sources", { ...body, kind: "tiktok", accessToken: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["accessToken", "kind"]);
  });
});
