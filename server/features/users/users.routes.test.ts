import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { linkFrom, startSmtpServer } from "../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("invitations", () => {
  it("invites by email over SMTP; the invitee sets a password and is signed in", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const res = await client.post("/api/v1/users/invitations", {
      email: "Wayan.Sudarma@Uji.go.id",
      name: "I Wayan Sudarma",
      grants: [{ organizationId: tree.opdA.id, role: "officer" }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: "wayan.sudarma@uji.go.id", status: "invited" });
    expect(res.body.grants[0]).toMatchObject({ organizationName: tree.names.opdA, role: "officer" });
    const mail = await smtp.waitFor("wayan.sudarma@uji.go.id");
    expect(mail.subject).toBe("Undangan bergabung ke Sinergi");
    expect(mail.text).toContain(tree.names.opdA);
    const token = new URL(linkFrom(mail.text, "/app/accept-invitation")).searchParams.get("token") as string;

    const invitee = new TestClient(server.baseUrl);
    const view = await invitee.get(`/api/v1/invitations/${token}`);
    expect(view.body).toMatchObject({ email: "wayan.sudarma@uji.go.id", organizations: [{ name: tree.names.opdA, role: "officer" }] });
    const accepted = await invitee.post(`/api/v1/invitations/${token}/accept`, {
      name: "I Wayan Sudarma, S.Sos.",
      password: "Pura-Besakih-Karangasem-9",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.name).toBe("I Wayan Sudarma, S.Sos.");
    expect((await invitee.get("/api/v1/organizations")).status).toBe(200);
    expect((await new TestClient(server.baseUrl).get(`/api/v1/invitations/${token}`)).status).toBe(400);

    const audit = await client.get(`/api/v1/audit?entityType=user`);
    const actions = audit.body.items
      .filter((e: { entityId: string }) => e.entityId === res.body.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(["user.accept_invitation", "user.invite"]);
  });

  it("refuses a duplicate email, an out-of-scope organization, and a coordinator making an admin", async () => {
    const tree = await createTree(server.services);
    const other = await createTree(server.services);
    const existing = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const dup = await coordinator.client.post("/api/v1/users/invitations", {
      email: existing.email,
      name: "Dup",
      grants: [{ organizationId: tree.opdA.id, role: "officer" }],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.email).toMatch(/sudah terdaftar/);
    const out = await coordinator.client.post("/api/v1/users/invitations", {
      email: "luar@uji.go.id",
      name: "Luar",
      grants: [{ organizationId: other.opdA.id, role: "officer" }],
    });
    expect(out.status).toBe(404);
    const admin = await coordinator.client.post("/api/v1/users/invitations", {
      email: "calon.admin@uji.go.id",
      name: "Calon",
      grants: [{ organizationId: tree.opdA.id, role: "admin" }],
    });
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe("role_not_allowed");
    const editor = await signedIn(server, tree.opdA, "editor");
    expect(
      (
        await editor.client.post("/api/v1/users/invitations", {
          email: "x@uji.go.id",
          name: "X",
          grants: [{ organizationId: tree.opdA.id, role: "officer" }],
        })
      ).status,
    ).toBe(403);
    // Nothing was written by the refused invitations.
    const count = await server.services.database.sql.query(
      "select count(*)::int as n from users where email in ('luar@uji.go.id','calon.admin@uji.go.id','x@uji.go.id')",
    );
    expect(count.rows[0].n).toBe(0);
  });
});

describe("user list", () => {
  it("an editor of one OPD sees that OPD's users and not another OPD's", async () => {
    const tree = await createTree(server.services);
    const mine = await createUser(server.services, [{ org: tree.unitA, role: "officer" }], { name: "Ni Kadek Mine" });
    const theirs = await createUser(server.services, [{ org: tree.opdB, role: "officer" }], { name: "Ni Kadek Theirs" });
    const { client } = await signedIn(server, tree.opdA, "editor");
    const list = await client.get("/api/v1/users?q=kadek");
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([mine.id]);
    expect((await client.get(`/api/v1/users/${theirs.id}`)).status).toBe(404);
    expect(list.body.can.invite).toBe(false);
    const officer = await signedIn(server, tree.opdA, "officer");
    expect((await officer.client.get("/api/v1/users")).status).toBe(200);
    expect((await officer.client.get("/api/v1/users")).body.items).toEqual([]);
  });

  it("filters by organization subtree, role and status, sorts and paginates", async () => {
    const tree = await createTree(server.services);
    for (const name of ["Ayu", "Bagus", "Citra", "Dewa", "Eka"])
      await createUser(server.services, [{ org: tree.opdB, role: "officer" }], { name: `Pegawai ${name}` });
    await createUser(server.services, [{ org: tree.opdB, role: "editor" }], { name: "Pegawai Fajar" });
    await createUser(server.services, [{ org: tree.opdB, role: "officer" }], { name: "Pegawai Gede", password: null });
    const { client } = await signedIn(server, tree.root, "admin");
    const page1 = await client.get(`/api/v1/users?organizationId=${tree.opdB.id}&role=officer&status=active&pageSize=2&sort=-name`);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((u: { name: string }) => u.name)).toEqual(["Pegawai Eka", "Pegawai Dewa"]);
    const page3 = await client.get(`/api/v1/users?organizationId=${tree.opdB.id}&role=officer&status=active&pageSize=2&sort=-name&page=3`);
    expect(page3.body.items.map((u: { name: string }) => u.name)).toEqual(["Pegawai Ayu"]);
    const invited = await client.get(`/api/v1/users?organizationId=${tree.opdB.id}&status=invited`);
    expect(invited.body.items.map((u: { name: string }) => u.name)).toEqual(["Pegawai Gede"]);
    expect(invited.body.items[0].can.resendInvitation).toBe(true);
    const wild = await client.get(`/api/v1/users?q=${encodeURIComponent("%")}`);
    expect(wild.body.items).toEqual([]);
  });
});

describe("grants and status", () => {
  it("adds and removes grants, keeping at least one", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const { client } = await signedIn(server, tree.root, "admin");
    const added = await client.post(`/api/v1/users/${user.id}/grants`, { organizationId: tree.opdB.id, role: "editor" });
    expect(added.status).toBe(200);
    expect(added.body.grants).toHaveLength(2);
    expect((await client.post(`/api/v1/users/${user.id}/grants`, { organizationId: tree.opdB.id, role: "editor" })).status).toBe(409);
    const removed = await client.delete(`/api/v1/users/${user.id}/grants/${added.body.grants[0].id}`);
    expect(removed.body.grants).toHaveLength(1);
    const last = await client.delete(`/api/v1/users/${user.id}/grants/${removed.body.grants[0].id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe("last_grant");
  });

  it("deactivation ends the user's sessions at once; reactivation restores sign-in", async () => {
    const tree = await createTree(server.services);
    const target = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const targetClient = new TestClient(server.baseUrl);
    await targetClient.login(target.email, TEST_PASSWORD);
    const { client } = await signedIn(server, tree.root, "admin");
    const off = await client.post(`/api/v1/users/${target.id}/deactivate`);
    expect(off.body.status).toBe("deactivated");
    expect((await targetClient.get("/api/v1/organizations")).status).toBe(401);
    expect((await new TestClient(server.baseUrl).post("/api/v1/auth/login", { email: target.email, password: TEST_PASSWORD })).status).toBe(
      403,
    );
    const on = await client.post(`/api/v1/users/${target.id}/reactivate`);
    expect(on.body.status).toBe("active");
    await new TestClient(server.baseUrl).login(target.email, TEST_PASSWORD);
  });

  it("an OPD admin cannot deactivate a user who also holds a provincial role, nor themselves", async () => {
    const tree = await createTree(server.services);
    const both = await createUser(server.services, [
      { org: tree.opdA, role: "officer" },
      { org: tree.root, role: "viewer" },
    ]);
    const opdAdmin = await signedIn(server, tree.opdA, "admin");
    const res = await opdAdmin.client.post(`/api/v1/users/${both.id}/deactivate`);
    expect(res.status).toBe(403);
    expect((await opdAdmin.client.post(`/api/v1/users/${opdAdmin.user.id}/deactivate`)).status).toBe(403);
  });

  describe("review hardening", () => {
    it("a deactivated invitee cannot reactivate themselves with the old link", async () => {
      const tree = await createTree(server.services);
      const { client } = await signedIn(server, tree.root, "admin");
      const invited = await client.post("/api/v1/users/invitations", {
        email: "dicabut@uji.go.id",
        name: "Dicabut",
        grants: [{ organizationId: tree.opdA.id, role: "officer" }],
      });
      const mail = await smtp.waitFor("dicabut@uji.go.id");
      const token = new URL(linkFrom(mail.text, "/app/accept-invitation")).searchParams.get("token") as string;
      await client.post(`/api/v1/users/${invited.body.id}/deactivate`);
      const accept = await new TestClient(server.baseUrl).post(`/api/v1/invitations/${token}/accept`, {
        name: "Dicabut",
        password: "Pura-Besakih-Karangasem-9",
      });
      expect(accept.status).toBe(400);
      expect((await client.get(`/api/v1/users/${invited.body.id}`)).body.status).toBe("deactivated");
    });

    it("shows only the grants inside the reader's own subtrees", async () => {
      const mine = await createTree(server.services);
      const other = await createTree(server.services);
      const both = await createUser(server.services, [
        { org: mine.opdA, role: "viewer" },
        { org: other.root, role: "admin" },
      ]);
      const editor = await signedIn(server, mine.opdA, "editor");
      const seen = await editor.client.get(`/api/v1/users/${both.id}`);
      expect(seen.body.grants.map((g: { organizationName: string }) => g.organizationName)).toEqual([mine.names.opdA]);
    });
  });
});
