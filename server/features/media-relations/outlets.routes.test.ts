import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("media outlets", () => {
  it("creates an outlet, computes its grade from the seeded Kaltim rule and warns before the certificate expires", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.diskominfo, "officer");
    const res = await client.post("/api/v1/media-outlets", {
      organizationId: tree.diskominfo.id,
      name: "Kaltim Pos",
      company: "PT Media Kaltim Pos",
      type: "cetak",
      regionCode: "64",
      website: "https://kaltimpos.co.id",
      socialAccounts: [{ platform: "instagram", handle: "@kaltimpos" }],
      dewanPersStatus: "terverifikasi_faktual",
      certificateNumber: "123/DP-F/2024",
      certificateDate: day(-1800),
      certificateExpiresOn: day(30),
      reach: [{ metric: "oplah", value: 25000, source: "boks redaksi", asOf: "2025-01-01" }],
    });
    expect(res.status).toBe(201);
    expect(res.body.grade).toBe("A");
    expect(res.body.regionName).toMatch(/KALIMANTAN TIMUR/i);
    expect(res.body.certificateExpiringSoon).toBe(true);
    expect(res.body.certificateExpiresInDays).toBe(30);
    expect(res.body.reach[0]).toMatchObject({ metric: "oplah", value: 25000, source: "boks redaksi" });
    expect(res.body.can).toMatchObject({ read: true, manage: true });

    const admin = await client.post("/api/v1/media-outlets", {
      organizationId: tree.diskominfo.id,
      name: "Tribun Kaltim",
      type: "siber",
      dewanPersStatus: "terverifikasi_administratif",
      certificateDate: day(-10),
      certificateExpiresOn: day(1000),
    });
    expect(admin.body.grade).toBe("B");
    expect(admin.body.certificateExpiringSoon).toBe(false);

    // The window is a setting row, not a constant: shrink it and the warning goes away.
    await server.services.db.execute(
      sql`update media_relations_settings set certificate_warning_days = 10 where organization_id = ${tree.root.id}`,
    );
    const again = await client.get(`/api/v1/media-outlets/${res.body.id}`);
    expect(again.body.certificateExpiringSoon).toBe(false);
    // And the grading rule is data too: moving "faktual" to grade B changes the computed grade.
    await server.services.db.execute(
      sql`update outlet_grading_rules set dewan_pers_statuses = '{}' where organization_id = ${tree.root.id} and grade = 'A'`,
    );
    await server.services.db.execute(
      sql`update outlet_grading_rules set dewan_pers_statuses = '{terverifikasi_administratif,terverifikasi_faktual}' where organization_id = ${tree.root.id} and grade = 'B'`,
    );
    expect((await client.get(`/api/v1/media-outlets/${res.body.id}`)).body.grade).toBe("B");

    const list = await client.get("/api/v1/media-outlets?grade=B&sort=name");
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(["Kaltim Pos", "Tribun Kaltim"]);
    const search = await client.get("/api/v1/media-outlets?q=tribun");
    expect(search.body.total).toBe(1);
  });

  it("refuses a certificate that expires before it was issued, naming the field", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const res = await client.post("/api/v1/media-outlets", {
      organizationId: tree.opdA.id,
      name: "Samarinda Pos",
      type: "cetak",
      certificateDate: "2025-05-01",
      certificateExpiresOn: "2025-04-30",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["certificateExpiresOn"]);
    const created = await client.post("/api/v1/media-outlets", {
      organizationId: tree.opdA.id,
      name: "Samarinda Pos",
      type: "cetak",
      certificateDate: "2025-05-01",
      certificateExpiresOn: "2030-05-01",
    });
    expect(created.status).toBe(201);
    const patch = await client.patch(`/api/v1/media-outlets/${created.body.id}`, { certificateExpiresOn: "2025-01-01" });
    expect(patch.status).toBe(400);
    expect(patch.body.error.fields.certificateExpiresOn).toContain("2025-05-01");
  });

  it("answers 409 with the candidates for a likely duplicate, lists the pair, and merges journalists into the kept outlet", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const kept = await client.post("/api/v1/media-outlets", {
      organizationId: tree.opdA.id,
      name: "Kaltim Post",
      type: "siber",
      website: "https://kaltimpost.id",
      reach: [{ metric: "pengunjung_bulanan", value: 1000, source: "Google Analytics", asOf: "2025-06-01" }],
    });
    const dup = await client.post("/api/v1/media-outlets", {
      organizationId: tree.opdA.id,
      name: "PT. Kaltim-Post",
      type: "siber",
      website: "https://www.kaltimpost.id/beranda",
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("outlet_duplicate");
    expect(dup.body.error.message).toContain(kept.body.id);
    const forced = await client.post("/api/v1/media-outlets", {
      organizationId: tree.opdA.id,
      name: "PT. Kaltim-Post",
      type: "siber",
      website: "https://www.kaltimpost.id/beranda",
      reach: [{ metric: "pengikut_instagram", value: 5000, source: "Instagram", asOf: "2025-06-01" }],
      confirmDuplicate: true,
    });
    expect(forced.status).toBe(201);

    const pairs = await client.get("/api/v1/media-outlets/duplicates");
    expect(pairs.status).toBe(200);
    const ids = pairs.body.items.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join());
    expect(ids).toContain([kept.body.id, forced.body.id].sort().join());

    const reporter = await client.post("/api/v1/journalists", {
      organizationId: tree.opdA.id,
      name: "Rina Wartawati",
      memberships: [{ outletId: forced.body.id, role: "reporter" }],
    });
    expect(reporter.status).toBe(201);

    const merged = await client.post(`/api/v1/media-outlets/${forced.body.id}/merge`, { intoId: kept.body.id });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(kept.body.id);
    expect(merged.body.journalistCount).toBe(1);
    expect(merged.body.reach.map((r: { metric: string }) => r.metric).sort()).toEqual(["pengikut_instagram", "pengunjung_bulanan"]);
    const journalist = await client.get(`/api/v1/journalists/${reporter.body.id}`);
    expect(journalist.body.memberships).toEqual([{ outletId: kept.body.id, outletName: "Kaltim Post", role: "reporter" }]);
    const old = await client.get(`/api/v1/media-outlets/${forced.body.id}`);
    expect(old.body.mergedIntoId).toBe(kept.body.id);
    const list = await client.get("/api/v1/media-outlets");
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([kept.body.id]);
    expect((await client.get("/api/v1/media-outlets/duplicates")).body.items).toEqual([]);
    const audit = await server.services.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'media_outlet.merge' and entity_id = ${forced.body.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });

  it("stores company documents checked by content and refuses other files", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const outlet = await client.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "Radio Mahakam", type: "radio" });
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("kind", "akta");
    form.append("validFrom", "2020-01-01");
    form.append("file", new Blob([new Uint8Array(png)]), "akta.png");
    const res = await client.request("POST", `/api/v1/media-outlets/${outlet.body.id}/documents`, form);
    expect(res.status).toBe(201);
    expect(res.body.documents).toHaveLength(1);
    expect(res.body.documents[0]).toMatchObject({ kind: "akta", mime: "image/jpeg", validFrom: "2020-01-01" });
    const file = await client.get(`/api/v1/media-outlets/${outlet.body.id}/documents/${res.body.documents[0].id}/file`);
    expect(file.status).toBe(200);

    const bad = new FormData();
    bad.append("kind", "npwp");
    bad.append("file", new Blob(["<html>not a pdf</html>"]), "npwp.pdf");
    const refused = await client.request("POST", `/api/v1/media-outlets/${outlet.body.id}/documents`, bad);
    expect(refused.status).toBe(415);
    const wrongKind = new FormData();
    wrongKind.append("kind", "ijazah");
    wrongKind.append("file", new Blob([new Uint8Array(png)]), "x.png");
    const kindRes = await client.request("POST", `/api/v1/media-outlets/${outlet.body.id}/documents`, wrongKind);
    expect(kindRes.status).toBe(400);
    expect(Object.keys(kindRes.body.error.fields)).toEqual(["kind"]);
  });

  it("hides another organization's outlets (404) and forbids a viewer writing (403)", async () => {
    const tree = await createTree(server.services);
    const { client: editorA } = await signedIn(server, tree.opdA, "editor");
    const outlet = await editorA.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "TVRI Kaltim", type: "tv" });
    const { client: editorB } = await signedIn(server, tree.opdB, "editor");
    expect((await editorB.get(`/api/v1/media-outlets/${outlet.body.id}`)).status).toBe(404);
    expect((await editorB.patch(`/api/v1/media-outlets/${outlet.body.id}`, { name: "Nama Baru" })).status).toBe(404);
    expect((await editorB.get("/api/v1/media-outlets")).body.total).toBe(0);
    // A coordinator at the root reads the whole subtree.
    const { client: coordinator } = await signedIn(server, tree.root, "coordinator");
    expect((await coordinator.get("/api/v1/media-outlets")).body.total).toBe(1);

    const { client: viewer } = await signedIn(server, tree.opdA, "viewer");
    const read = await viewer.get(`/api/v1/media-outlets/${outlet.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.can.manage).toBe(false);
    expect((await viewer.patch(`/api/v1/media-outlets/${outlet.body.id}`, { name: "Nama Baru" })).status).toBe(403);
    expect((await viewer.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "Baru", type: "tv" })).status).toBe(403);
  });
});
