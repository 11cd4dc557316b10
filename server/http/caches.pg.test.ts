import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../test/factories";
import { TestClient } from "../test/http-client";
import { startTestServer, type TestServer } from "../test/test-server";

// Two app processes on one PostgreSQL: what one writes, the other's caches must drop.
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ databaseUrl: a.services.database.url });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function eventually(check: () => Promise<boolean>, ms = 3000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe("caches across processes (NOTIFY)", () => {
  it("a user deactivated through one process is signed out on the other", async () => {
    const tree = await createTree(a.services);
    const target = await createUser(a.services, [{ org: tree.opdA, role: "officer" }]);
    const onB = new TestClient(b.baseUrl);
    await onB.login(target.email, TEST_PASSWORD);
    expect((await onB.get("/api/v1/organizations")).status).toBe(200);
    const admin = await signedIn(a, tree.root, "admin");
    expect((await admin.client.post(`/api/v1/users/${target.id}/deactivate`)).status).toBe(200);
    expect(await eventually(async () => (await onB.get("/api/v1/organizations")).status === 401)).toBe(true);
  });

  it("a rename through one process shows in the other's cached tree and user list", async () => {
    const tree = await createTree(a.services);
    const adminOnB = new TestClient(b.baseUrl);
    const admin = await createUser(a.services, [{ org: tree.root, role: "admin" }]);
    await adminOnB.login(admin.email, TEST_PASSWORD);
    const before = await adminOnB.get("/api/v1/organizations");
    expect(before.body.items.map((o: { name: string }) => o.name)).toContain(tree.names.opdB);
    const onA = new TestClient(a.baseUrl);
    await onA.login(admin.email, TEST_PASSWORD);
    await onA.patch(`/api/v1/organizations/${tree.opdB.id}`, { name: "Dinas Pariwisata Berganti Nama" });
    expect(
      await eventually(async () =>
        (await adminOnB.get("/api/v1/organizations")).body.items.some((o: { name: string }) => o.name === "Dinas Pariwisata Berganti Nama"),
      ),
    ).toBe(true);
    const listed = await adminOnB.get("/api/v1/users?q=pengguna");
    const invited = await onA.post("/api/v1/users/invitations", {
      email: "baru@uji.go.id",
      name: "Pengguna Baru Sekali",
      grants: [{ organizationId: tree.opdB.id, role: "viewer" }],
    });
    expect(invited.status).toBe(201);
    expect(await eventually(async () => (await adminOnB.get("/api/v1/users?q=pengguna")).body.total === listed.body.total + 1)).toBe(true);
  });
});
