import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("my account", () => {
  it("edits profile and language; errors then come in English", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const res = await client.patch("/api/v1/me", { name: "Made Sutama, S.I.Kom.", phone: "+62 812 3456 7890", locale: "en" });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: "Made Sutama, S.I.Kom.", locale: "en" });
    const idClient = Object.assign(new TestClient(server.baseUrl, "id"), { cookie: client.cookie, csrf: client.csrf });
    const err = await idClient.get(`/api/v1/organizations/${tree.opdB.id}`);
    expect(err.body.error.message).toBe("Not found.");
  });

  it("changes the password, keeping this session and ending the others", async () => {
    const tree = await createTree(server.services);
    const { client, user } = await signedIn(server, tree.opdA, "officer");
    const other = new TestClient(server.baseUrl);
    await other.login(user.email, TEST_PASSWORD);
    const wrong = await client.post("/api/v1/me/password", { currentPassword: "bukan-ini", newPassword: "Tari-Kecak-Uluwatu-2026" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeDefined();
    const weak = await client.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "password123" });
    expect(weak.body.error.fields.newPassword).toBeDefined();
    expect(
      (await client.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "Tari-Kecak-Uluwatu-2026" })).status,
    ).toBe(204);
    expect((await client.get("/api/v1/auth/session")).status).toBe(200);
    expect((await other.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("lists sessions and revokes one", async () => {
    const tree = await createTree(server.services);
    const { client, user } = await signedIn(server, tree.opdA, "officer");
    const other = new TestClient(server.baseUrl);
    await other.login(user.email, TEST_PASSWORD);
    const list = await client.get("/api/v1/me/sessions");
    expect(list.body.items).toHaveLength(2);
    const theirs = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await client.delete(`/api/v1/me/sessions/${theirs.id}`)).status).toBe(204);
    expect((await other.get("/api/v1/auth/session")).status).toBe(401);
    expect((await client.delete(`/api/v1/me/sessions/${theirs.id}`)).status).toBe(404);
  });
});
