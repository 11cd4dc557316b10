import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, journalistAccounts, journalists } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { insertApplication } from "./room-test-kit";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("media room accounts (staff)", () => {
  it("lists applications in scope with status filter, search and pages; other subtrees are out of sight", async () => {
    const s = server.services;
    const t = await createTree(s);
    const a1 = await insertApplication(s, t.opdA, { name: "Made Arsana", outlet: "Bali Post" });
    await insertApplication(s, t.unitA, { name: "Komang Sari" });
    await insertApplication(s, t.opdA, { name: "Wayan Dharma", status: "approved" });
    const foreign = await insertApplication(s, t.opdB, { name: "Putu Asing" });
    const { client } = await signedIn(server, t.opdA, "viewer");
    const all = await client.get("/api/v1/media-room/accounts?pageSize=2");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toHaveLength(2);
    expect((await client.get("/api/v1/media-room/accounts?pageSize=2&page=2")).body.items).toHaveLength(1);
    const pending = await client.get("/api/v1/media-room/accounts?status=pending");
    expect(pending.body.items.map((i: { name: string }) => i.name).sort()).toEqual(["Komang Sari", "Made Arsana"]);
    const search = await client.get("/api/v1/media-room/accounts?q=bali%20post");
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([a1.id]);
    // A viewer reads but may not decide.
    expect(search.body.items[0].can).toEqual({ approve: false, reject: false, deactivate: false });
    expect((await client.post(`/api/v1/media-room/accounts/${a1.id}/approve`, {})).status).toBe(403);
    expect((await client.get(`/api/v1/media-room/accounts/${foreign.id}`)).status).toBe(404);
  });

  it("approves linking an existing journalist, rejects with a reason, and refuses a second decision", async () => {
    const s = server.services;
    const t = await createTree(s);
    const { client } = await signedIn(server, t.opdA, "editor");
    const record = await client.post("/api/v1/journalists", { organizationId: t.opdA.id, name: "Made Arsana" });
    expect(record.status).toBe(201);
    const app1 = await insertApplication(s, t.opdA);
    const res = await client.post(`/api/v1/media-room/accounts/${app1.id}/approve`, { journalistId: record.body.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: "approved", journalistId: record.body.id, can: { deactivate: true, approve: false } });
    const again = await client.post(`/api/v1/media-room/accounts/${app1.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("media_room_already_decided");
    // One journalist record, one account.
    const app2 = await insertApplication(s, t.opdA);
    const linked = await client.post(`/api/v1/media-room/accounts/${app2.id}/approve`, { journalistId: record.body.id });
    expect(linked.status).toBe(409);
    expect(linked.body.error.fields.journalistId).toContain("sudah terhubung");
    const [still] = await s.db.select().from(journalistAccounts).where(eq(journalistAccounts.id, app2.id));
    expect(still.status).toBe("pending");

    const short = await client.post(`/api/v1/media-room/accounts/${app2.id}/reject`, { reason: "x" });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.reason).toBeTruthy();
    const rejected = await client.post(`/api/v1/media-room/accounts/${app2.id}/reject`, { reason: "Kartu pers tidak dapat diverifikasi" });
    expect(rejected.body).toMatchObject({ status: "rejected", decisionReason: "Kartu pers tidak dapat diverifikasi" });
    expect((await client.post(`/api/v1/media-room/accounts/${app2.id}/deactivate`, {})).status).toBe(409);
    const audit = await s.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, app2.id));
    expect(audit.map((a) => a.action)).toEqual(["media_room.reject"]);
  });

  it("creates the journalist record from the application on request, and another organization's journalist is 404", async () => {
    const s = server.services;
    const t = await createTree(s);
    const { client } = await signedIn(server, t.opdA, "editor");
    const { client: other } = await signedIn(server, t.opdB, "editor");
    const foreignRecord = await other.post("/api/v1/journalists", { organizationId: t.opdB.id, name: "Wartawan Dispar" });
    const application = await insertApplication(s, t.opdA, { name: "Ketut Baru" });
    expect(
      (await client.post(`/api/v1/media-room/accounts/${application.id}/approve`, { journalistId: foreignRecord.body.id })).status,
    ).toBe(404);
    expect((await other.post(`/api/v1/media-room/accounts/${application.id}/approve`, { createJournalist: true })).status).toBe(404);
    const res = await client.post(`/api/v1/media-room/accounts/${application.id}/approve`, { createJournalist: true });
    expect(res.status, res.text).toBe(200);
    const [created] = await s.db.select().from(journalists).where(eq(journalists.id, res.body.journalistId));
    expect(created).toMatchObject({ name: "Ketut Baru", organizationId: t.opdA.id, email: application.email, phone: application.phone });
    expect(created.consent?.source).toBe("Pendaftaran ruang media");
  });

  it("lists the embargo access log only within scope", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.opdB, "editor");
    const res = await client.get("/api/v1/media-room/embargo-views");
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });
});
