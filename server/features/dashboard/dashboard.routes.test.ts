import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("Pranata Humas dashboard", () => {
  it("counts officers by jenjang, work logs by status and type, and the verification backlog of a subtree", async () => {
    const tree = await createTree(server.services);
    const editor = await signedIn(server, tree.opdA, "editor");
    const staffUser = await createUser(server.services, [{ org: tree.unitA, role: "officer" }]);
    const base = { organizationId: tree.unitA.id, golongan: "III/a", tmtJabatan: "2024-01-01", tmtPangkat: "2024-01-01" };
    const staff = await editor.client.post("/api/v1/officers", {
      ...base,
      nip: "199202022018022901",
      name: "Pranata Satu",
      jenjang: "ahli_pertama",
      userId: staffUser.id,
    });
    await editor.client.post("/api/v1/officers", { ...base, nip: "199202022018022902", name: "Pranata Dua", jenjang: "mahir" });
    const me = new TestClient(server.baseUrl);
    await me.login(staffUser.email, TEST_PASSWORD);
    const types = (await me.get("/api/v1/hasil-kerja-types")).body.items;
    const year = new Date().getUTCFullYear();
    const log = (title: string, code: string) => ({
      officerId: staff.body.id,
      hasilKerjaTypeId: types.find((t: { code: string }) => t.code === code).id,
      occurredAt: `${year}-${String(new Date().getUTCMonth() + 1).padStart(2, "0")}-01T09:00:00+08:00`,
      title,
    });
    const ids = [];
    for (const [title, code] of [
      ["Siaran pers A", "PI-02"],
      ["Siaran pers B", "PI-02"],
      ["Konferensi pers", "KH-01"],
    ])
      ids.push((await me.post("/api/v1/work-logs", log(title, code))).body.id);
    await me.post("/api/v1/work-logs/submit", { ids: ids.slice(0, 2) });

    const res = await editor.client.get(`/api/v1/dashboard/pranata-humas?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: tree.opdA.id, officers: { total: 2, active: 2 } });
    expect(res.body.officers.byJenjang.find((j: { jenjang: string }) => j.jenjang === "mahir").count).toBe(1);
    expect(res.body.workLogs.byStatus).toEqual({ draft: 1, submitted: 2, returned: 0, approved: 0 });
    expect(res.body.workLogs.byType[0]).toMatchObject({ code: "PI-02", count: 2 });
    expect(res.body.backlog).toMatchObject({ submitted: 2, oldestDays: 0 });
    expect(res.body.backlog.byOrganization[0]).toMatchObject({ name: tree.names.unitA, submitted: 2 });

    const outsider = await signedIn(server, tree.opdB, "editor");
    expect((await outsider.client.get(`/api/v1/dashboard/pranata-humas?organizationId=${tree.opdA.id}`)).status).toBe(404);
    expect((await me.get("/api/v1/dashboard/pranata-humas")).status).toBe(403);
  });
});
