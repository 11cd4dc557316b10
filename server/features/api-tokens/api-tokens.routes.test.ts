import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("API tokens", () => {
  it("are shown once, scoped to their organization and role, and revocable", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const created = await client.post("/api/v1/api-tokens", { name: "Integrasi PPID", organizationId: tree.opdA.id, role: "viewer" });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sng_/);
    const list = await client.get("/api/v1/api-tokens");
    expect(list.body.items[0]).not.toHaveProperty("token");
    expect(list.body.items[0].prefix).toBe(created.body.token.slice(0, 10));

    const api = new TestClient(server.baseUrl, "id", created.body.token);
    const orgs = await api.get("/api/v1/organizations");
    expect(orgs.status).toBe(200);
    expect(orgs.body.items.map((o: { id: string }) => o.id)).toEqual([tree.opdA.id, tree.unitA.id]);
    expect((await api.get(`/api/v1/organizations/${tree.opdB.id}`)).status).toBe(404);
    // A viewer token cannot write, and no token can manage tokens or act as a person.
    expect((await api.patch(`/api/v1/organizations/${tree.opdA.id}`, { phone: "1" })).status).toBe(403);
    expect((await api.get("/api/v1/api-tokens")).status).toBe(403);
    expect((await api.patch("/api/v1/me", { name: "Token" })).status).toBe(403);

    expect((await client.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await api.get("/api/v1/organizations")).status).toBe(401);
  });

  it("cannot be created above the creator's own scope", async () => {
    const tree = await createTree(server.services);
    const opdAdmin = await signedIn(server, tree.opdA, "admin");
    expect((await opdAdmin.client.post("/api/v1/api-tokens", { name: "Luar", organizationId: tree.root.id, role: "viewer" })).status).toBe(
      404,
    );
    const editor = await signedIn(server, tree.opdA, "editor");
    expect((await editor.client.post("/api/v1/api-tokens", { name: "Editor", organizationId: tree.opdA.id, role: "viewer" })).status).toBe(
      403,
    );
  });

  it("records what a token did under the token's name in the audit log", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const created = await client.post("/api/v1/api-tokens", { name: "Sinkron SIMPEG", organizationId: tree.opdA.id, role: "admin" });
    const api = new TestClient(server.baseUrl, "id", created.body.token);
    expect((await api.patch(`/api/v1/organizations/${tree.unitA.id}`, { phone: "0361-777" })).status).toBe(200);
    const audit = await client.get(`/api/v1/audit?organizationId=${tree.unitA.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: "organization.update", actorId: null, actorName: "API: Sinkron SIMPEG" });
  });

  it("refuses an expiry date in the past, and no token reads the outbox", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const past = await client.post("/api/v1/api-tokens", {
      name: "Kedaluwarsa",
      organizationId: tree.opdA.id,
      role: "viewer",
      expiresAt: "2020-01-01",
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.expiresAt).toMatch(/masa lalu/);
    const top = await client.post("/api/v1/api-tokens", { name: "Puncak", organizationId: tree.root.id, role: "admin" });
    expect((await client.get("/api/v1/outbox")).status).toBe(200);
    expect((await new TestClient(server.baseUrl, "id", top.body.token).get("/api/v1/outbox")).status).toBe(403);
  });
});
