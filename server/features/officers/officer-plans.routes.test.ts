import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("rencana hasil kerja", () => {
  it("the officer records the year's plan; realized counts come from approved entries; others may not edit it", async () => {
    const tree = await createTree(server.services);
    const editor = await signedIn(server, tree.opdA, "editor");
    const user = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const officer = await editor.client.post("/api/v1/officers", {
      nip: "199202022018022950",
      name: "Pranata Rencana",
      organizationId: tree.opdA.id,
      jenjang: "ahli_pertama",
      golongan: "III/a",
      tmtJabatan: "2024-01-01",
      tmtPangkat: "2024-01-01",
      userId: user.id,
    });
    const me = new TestClient(server.baseUrl);
    await me.login(user.email, TEST_PASSWORD);
    const types = (await me.get("/api/v1/hasil-kerja-types")).body.items as { id: string; code: string }[];
    const type = (code: string) => types.find((t) => t.code === code)?.id as string;
    const year = new Date().getUTCFullYear();
    const plan = await me.request("PUT", `/api/v1/officers/${officer.body.id}/plan?year=${year}`, {
      items: [
        { hasilKerjaTypeId: type("PI-02"), target: 12, note: "Satu siaran pers per bulan" },
        { hasilKerjaTypeId: type("KH-03"), target: 24 },
      ],
    });
    expect(plan.status).toBe(200);
    expect(plan.body.items.map((i: { code: string; target: number; realized: number }) => [i.code, i.target, i.realized])).toEqual([
      ["KH-03", 24, 0],
      ["PI-02", 12, 0],
    ]);
    // Two PI-02 entries and one unplanned KH-01, all approved by the editor.
    const ids: string[] = [];
    for (const code of ["PI-02", "PI-02", "KH-01"]) {
      const log = await me.post("/api/v1/work-logs", {
        officerId: officer.body.id,
        hasilKerjaTypeId: type(code),
        occurredAt: `${year}-01-15T09:00:00+08:00`,
        title: `Hasil ${code}`,
      });
      ids.push(log.body.id);
    }
    await me.post("/api/v1/work-logs/submit", { ids });
    await editor.client.post("/api/v1/work-logs/decisions", { ids, decision: "approve" });
    const after = await me.get(`/api/v1/officers/${officer.body.id}/plan?year=${year}`);
    expect(after.body.items.find((i: { code: string }) => i.code === "PI-02").realized).toBe(2);
    expect(after.body.unplanned).toEqual([expect.objectContaining({ code: "KH-01", realized: 1 })]);
    expect(after.body.can.edit).toBe(true);

    const dup = await me.request("PUT", `/api/v1/officers/${officer.body.id}/plan?year=${year}`, {
      items: [
        { hasilKerjaTypeId: type("PI-02"), target: 1 },
        { hasilKerjaTypeId: type("PI-02"), target: 2 },
      ],
    });
    expect(dup.status).toBe(400);
    const colleague = await signedIn(server, tree.opdA, "officer");
    expect((await colleague.client.get(`/api/v1/officers/${officer.body.id}/plan?year=${year}`)).status).toBe(404);
    const viewer = await signedIn(server, tree.opdA, "viewer");
    expect((await viewer.client.request("PUT", `/api/v1/officers/${officer.body.id}/plan?year=${year}`, { items: [] })).status).toBe(403);
  });
});
