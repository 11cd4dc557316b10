import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { verifyAuditChain } from "./verify-audit-chain";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("audit log", () => {
  it("records before/after, filters by entity and organization, and exports CSV", async () => {
    const tree = await createTree(server.services);
    const { client, user } = await signedIn(server, tree.root, "admin");
    await client.patch(`/api/v1/organizations/${tree.opdB.id}`, { name: "Dinas Pariwisata dan Ekonomi Kreatif" });
    const res = await client.get(`/api/v1/audit?organizationId=${tree.opdB.id}&entityType=organization`);
    expect(res.status).toBe(200);
    const entry = res.body.items[0];
    expect(entry).toMatchObject({
      action: "organization.update",
      actorId: user.id,
      organizationName: "Dinas Pariwisata dan Ekonomi Kreatif",
    });
    expect(entry.before.name).toBe(tree.names.opdB);
    expect(entry.after.name).toBe("Dinas Pariwisata dan Ekonomi Kreatif");
    const byUser = await client.get(`/api/v1/audit?userId=${user.id}`);
    expect(byUser.body.items.every((e: { actorId: string }) => e.actorId === user.id)).toBe(true);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await client.get(`/api/v1/audit?from=${today}&to=${today}&organizationId=${tree.opdB.id}`)).body.total).toBe(1);
    expect((await client.get(`/api/v1/audit?to=2020-01-01&organizationId=${tree.opdB.id}`)).body.total).toBe(0);
    expect((await client.get("/api/v1/audit?from=kemarin")).status).toBe(400);

    const csv = await client.get(`/api/v1/audit/export.csv?organizationId=${tree.opdB.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="audit-/);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("seq,waktu,pelaku,organisasi,aksi,entitas,id_entitas,sebelum,sesudah,ip");
    expect(lines[1]).toContain("organization.update");
  });

  it("is readable only by admins, within their subtree", async () => {
    const tree = await createTree(server.services);
    const other = await createTree(server.services);
    const otherAdmin = await signedIn(server, other.root, "admin");
    await otherAdmin.client.patch(`/api/v1/organizations/${other.opdA.id}`, { phone: "0361-222333" });
    const admin = await signedIn(server, tree.root, "admin");
    const mine = await admin.client.get(`/api/v1/audit?organizationId=${other.opdA.id}`);
    expect(mine.body.total).toBe(0);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    expect((await coordinator.client.get("/api/v1/audit")).status).toBe(403);
    const opdAdmin = await signedIn(server, tree.opdA, "admin");
    await admin.client.patch(`/api/v1/organizations/${tree.opdB.id}`, { phone: "0361-1" });
    expect((await opdAdmin.client.get(`/api/v1/audit?organizationId=${tree.opdB.id}`)).body.total).toBe(0);
  });

  it("hash chain verifies, and a tampered row is reported as the first broken link", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    for (const phone of ["1", "2", "3"]) await client.patch(`/api/v1/organizations/${tree.opdA.id}`, { phone: `0361-${phone}` });
    const before = await verifyAuditChain(server.services.db, 2);
    expect(before.ok).toBe(true);
    const { rows } = await server.services.database.sql.query("select seq from audit_log order by seq desc limit 1 offset 1");
    const seq = Number(rows[0].seq);
    await expect(server.services.database.sql.query("delete from audit_log where seq = $1", [seq])).rejects.toThrow(/append-only/);
    await server.services.database.sql.exec("alter table audit_log disable trigger audit_log_append_only");
    await server.services.database.sql.query(`update audit_log set after = '{"phone":"0361-666"}'::jsonb where seq = $1`, [seq]);
    await server.services.database.sql.exec("alter table audit_log enable trigger audit_log_append_only");
    const after = await verifyAuditChain(server.services.db, 2);
    expect(after).toMatchObject({ ok: false, brokenAtSeq: seq, reason: "row content changed" });
  });
});
