import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("media relations settings", () => {
  it("seeds the Kaltim grades, and a coordinator's own rules apply to their subtree only", async () => {
    const tree = await createTree(server.services);
    const { client: coordinator } = await signedIn(server, tree.opdA, "coordinator");
    const { client: root } = await signedIn(server, tree.root, "editor");
    const seeded = await coordinator.get(`/api/v1/media-relations/settings/${tree.opdA.id}`);
    expect(seeded.status).toBe(200);
    expect(seeded.body).toMatchObject({ sourceOrganizationId: tree.root.id, certificateWarningDays: 90 });
    expect(seeded.body.grades.map((g: { grade: string }) => g.grade)).toEqual(["A", "B", "C"]);
    expect(seeded.body.can.manage).toBe(true);

    const body = {
      organizationId: "",
      name: "",
      type: "siber",
      dewanPersStatus: "terverifikasi_administratif",
      certificateDate: day(-100),
      certificateExpiresOn: day(60),
    };
    const inA = await root.post("/api/v1/media-outlets", { ...body, organizationId: tree.opdA.id, name: "Media A" });
    const inB = await root.post("/api/v1/media-outlets", { ...body, organizationId: tree.opdB.id, name: "Media B" });
    expect([inA.body.grade, inB.body.grade]).toEqual(["B", "B"]);
    expect(inA.body.certificateExpiringSoon).toBe(true);

    const dup = await coordinator.put(`/api/v1/media-relations/settings/${tree.opdA.id}`, {
      certificateWarningDays: 30,
      grades: [
        { grade: "A", dewanPersStatuses: ["terverifikasi_faktual"] },
        { grade: "A", dewanPersStatuses: [] },
      ],
    });
    expect(dup.status).toBe(400);
    expect(Object.keys(dup.body.error.fields)).toEqual(["grades.1.grade"]);

    const saved = await coordinator.put(`/api/v1/media-relations/settings/${tree.opdA.id}`, {
      certificateWarningDays: 30,
      grades: [
        { grade: "A", dewanPersStatuses: ["terverifikasi_faktual", "terverifikasi_administratif"], description: "Terverifikasi" },
        { grade: "B", dewanPersStatuses: ["tidak_terdaftar"] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.sourceOrganizationId).toBe(tree.opdA.id);
    const a = await root.get(`/api/v1/media-outlets/${inA.body.id}`);
    expect(a.body).toMatchObject({ grade: "A", certificateExpiringSoon: false });
    const b = await root.get(`/api/v1/media-outlets/${inB.body.id}`);
    expect(b.body).toMatchObject({ grade: "B", certificateExpiringSoon: true });

    // Editors and viewers read the rules but do not change them; other subtrees do not see them.
    expect(
      (
        await root.put(`/api/v1/media-relations/settings/${tree.opdA.id}`, {
          certificateWarningDays: 5,
          grades: [{ grade: "A", dewanPersStatuses: [] }],
        })
      ).status,
    ).toBe(403);
    const { client: other } = await signedIn(server, tree.opdB, "coordinator");
    expect((await other.get(`/api/v1/media-relations/settings/${tree.opdA.id}`)).status).toBe(404);
  });
});
