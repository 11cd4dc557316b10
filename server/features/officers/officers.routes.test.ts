import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD, type TestTree } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let nipSeq = 100;
/** A valid NIP: born 1990-05-17, CPNS since 2015-03, female, a fresh sequence. */
const nextNip = () => `199005172015032${String(nipSeq++).padStart(3, "0")}`;

const officerBody = (tree: TestTree, extra: Record<string, unknown> = {}) => ({
  nip: nextNip(),
  name: "Ni Kadek Ayu Pratiwi, S.I.Kom.",
  organizationId: tree.opdA.id,
  jenjang: "ahli_pertama",
  golongan: "III/a",
  tmtJabatan: "2024-01-01",
  tmtPangkat: "2023-04-01",
  ...extra,
});

describe("officer registry", () => {
  it("checks the NIP precisely and derives birth date, TMT CPNS and sex from it", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const short = await client.post("/api/v1/officers", officerBody(tree, { nip: "19900517201503200" }));
    expect(short.status).toBe(400);
    expect(short.body.error.fields.nip).toBe("NIP harus 18 digit.");
    const badDate = await client.post("/api/v1/officers", officerBody(tree, { nip: "199002302015032001" }));
    expect(badDate.body.error.fields.nip).toMatch(/Tanggal lahir/);
    const mismatch = await client.post("/api/v1/officers", officerBody(tree, { golongan: "IV/a" }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields.golongan).toMatch(/III\/a–III\/b/);
    const nip = nextNip();
    const ok = await client.post("/api/v1/officers", officerBody(tree, { nip }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      nip,
      birthDate: "1990-05-17",
      tmtCpns: "2015-03",
      sex: "P",
      kategori: "keahlian",
      organizationName: tree.names.opdA,
    });
    expect(ok.body.career.map((c: { kind: string }) => c.kind).sort()).toEqual(["jenjang", "pangkat"]);
    const dup = await client.post("/api/v1/officers", officerBody(tree, { nip }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.nip).toMatch(/sudah terdaftar/);
  });

  it("an officer sees their own record, a supervisor the team, an editor the OPD, and another OPD nothing", async () => {
    const tree = await createTree(server.services);
    const editor = await signedIn(server, tree.opdA, "editor");
    const bossUser = await createUser(server.services, [{ org: tree.unitA, role: "officer" }]);
    const staffUser = await createUser(server.services, [{ org: tree.unitA, role: "officer" }]);
    const boss = await editor.client.post(
      "/api/v1/officers",
      officerBody(tree, { name: "Atasan", userId: bossUser.id, jenjang: "ahli_muda", golongan: "III/c" }),
    );
    const staff = await editor.client.post(
      "/api/v1/officers",
      officerBody(tree, { name: "Staf", userId: staffUser.id, supervisorId: boss.body.id, organizationId: tree.unitA.id }),
    );
    expect(staff.status).toBe(201);
    expect(staff.body.supervisorName).toBe("Atasan");
    const other = await editor.client.post("/api/v1/officers", officerBody(tree, { name: "Lain" }));

    const asStaff = new TestClient(server.baseUrl);
    await asStaff.login(staffUser.email, TEST_PASSWORD);
    expect((await asStaff.get("/api/v1/officers")).body.items.map((o: { name: string }) => o.name)).toEqual(["Staf"]);
    expect((await asStaff.get(`/api/v1/officers/${other.body.id}`)).status).toBe(404);

    const asBoss = new TestClient(server.baseUrl);
    await asBoss.login(bossUser.email, TEST_PASSWORD);
    expect((await asBoss.get("/api/v1/officers")).body.items.map((o: { name: string }) => o.name).sort()).toEqual(["Atasan", "Staf"]);

    expect((await editor.client.get("/api/v1/officers")).body.total).toBe(3);
    const outsider = await signedIn(server, tree.opdB, "editor");
    expect((await outsider.client.get("/api/v1/officers")).body.total).toBe(0);
    expect((await outsider.client.get(`/api/v1/officers/${staff.body.id}`)).status).toBe(404);
    // Another OPD's organization is out of sight: 404, not 403.
    expect((await outsider.client.post("/api/v1/officers", officerBody(tree))).status).toBe(404);
  });

  it("records predikat, computes AK (BKN example) and refuses overlaps, future periods and self-rating", async () => {
    const tree = await createTree(server.services);
    const staffUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const editor = await signedIn(server, tree.opdA, "editor");
    const officer = await editor.client.post("/api/v1/officers", officerBody(tree, { userId: staffUser.id, tmtJabatan: "2023-01-01" }));
    const id = officer.body.id;
    const rated = await editor.client.post(`/api/v1/officers/${id}/ratings`, {
      startMonth: "2024-01",
      endMonth: "2024-12",
      predikat: "sangat_baik",
    });
    expect(rated.status).toBe(201);
    expect(rated.body.ratings[0]).toMatchObject({ year: 2024, jenjang: "ahli_pertama", predikat: "sangat_baik", ak: 18.75 });
    const partial = await editor.client.post(`/api/v1/officers/${id}/ratings`, {
      startMonth: "2025-01",
      endMonth: "2025-02",
      predikat: "baik",
    });
    expect(partial.body.ratings[0].ak).toBe(2.08);
    expect(partial.body.ak.cumulative).toBe(20.83);
    expect(partial.body.ak.nextPangkat).toMatchObject({ target: "III/b", threshold: 50 });
    const overlap = await editor.client.post(`/api/v1/officers/${id}/ratings`, {
      startMonth: "2024-06",
      endMonth: "2024-07",
      predikat: "baik",
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.fields.startMonth).toMatch(/2024-01 – 2024-12/);
    expect(
      (await editor.client.post(`/api/v1/officers/${id}/ratings`, { startMonth: "2024-11", endMonth: "2025-01", predikat: "baik" })).status,
    ).toBe(400);
    expect(
      (await editor.client.post(`/api/v1/officers/${id}/ratings`, { startMonth: "2099-01", endMonth: "2099-02", predikat: "baik" })).status,
    ).toBe(400);
    const self = new TestClient(server.baseUrl);
    await self.login(staffUser.email, TEST_PASSWORD);
    expect(
      (await self.post(`/api/v1/officers/${id}/ratings`, { startMonth: "2025-03", endMonth: "2025-04", predikat: "sangat_baik" })).status,
    ).toBe(403);
  });

  it("a promotion goes into the career history and AK restarts in the new jenjang", async () => {
    const tree = await createTree(server.services);
    const editor = await signedIn(server, tree.opdA, "editor");
    const officer = await editor.client.post("/api/v1/officers", officerBody(tree, { tmtJabatan: "2023-01-01" }));
    const id = officer.body.id;
    await editor.client.post(`/api/v1/officers/${id}/ratings`, { startMonth: "2024-01", endMonth: "2024-06", predikat: "baik" });
    const promoted = await editor.client.patch(`/api/v1/officers/${id}`, {
      jenjang: "ahli_muda",
      golongan: "III/c",
      tmtJabatan: "2024-07-01",
      tmtPangkat: "2024-07-01",
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.career[0]).toMatchObject({
      kind: "jenjang",
      fromValue: "ahli_pertama",
      toValue: "ahli_muda",
      fromLabel: "Ahli Pertama",
      toLabel: "Ahli Muda",
      effectiveDate: "2024-07-01",
    });
    const moved = await editor.client.patch(`/api/v1/officers/${id}`, { organizationId: tree.unitA.id });
    expect(moved.body.career.find((c: { kind: string }) => c.kind === "organization")).toMatchObject({
      fromLabel: tree.names.opdA,
      toLabel: tree.names.unitA,
    });
    await editor.client.post("/api/v1/officers", officerBody(tree, { name: "Terampil Satu", jenjang: "terampil", golongan: "II/c" }));
    const byLevel = await editor.client.get("/api/v1/officers?sort=jenjang");
    expect(byLevel.body.items.map((o: { jenjang: string }) => o.jenjang)).toEqual(["terampil", "ahli_muda"]);
    const second = await editor.client.post(`/api/v1/officers/${id}/ratings`, {
      startMonth: "2024-07",
      endMonth: "2024-12",
      predikat: "baik",
    });
    expect(second.body.ratings[0]).toMatchObject({ jenjang: "ahli_muda", ak: 12.5 });
    // Only Jul–Dec counts toward the new jenjang.
    expect(second.body.ak.cumulative).toBe(12.5);
    const audit = await server.services.database.sql.query("select action from audit_log where entity_id = $1 order by seq", [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(["officer.create", "officer.rate", "officer.update", "officer.update", "officer.rate"]);
  });
});

describe("hasil kerja catalogue and AK rules", () => {
  it("is seeded, readable by all, and edited only by system admins", async () => {
    const tree = await createTree(server.services);
    const officer = await signedIn(server, tree.opdA, "officer");
    const list = await officer.client.get("/api/v1/hasil-kerja-types");
    expect(list.body.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(["KH-01", "KH-02", "KH-03"]));
    expect(list.body.can.manage).toBe(false);
    const item = { code: "KH-99", kategori: "keahlian", name: "Laporan media gathering", definition: "Dokumen media gathering tahunan." };
    expect((await officer.client.post("/api/v1/hasil-kerja-types", item)).status).toBe(403);
    const admin = await signedIn(server, tree.root, "admin");
    const created = await admin.client.post("/api/v1/hasil-kerja-types", item);
    expect(created.status).toBe(201);
    expect((await admin.client.post("/api/v1/hasil-kerja-types", item)).status).toBe(409);
    const off = await admin.client.patch(`/api/v1/hasil-kerja-types/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
  });

  it("a new coefficient applies from its date without changing earlier periods", async () => {
    const tree = await createTree(server.services);
    const admin = await signedIn(server, tree.root, "admin");
    const rules = await admin.client.get("/api/v1/ak-rules");
    expect(rules.body.jenjang.find((r: { jenjang: string }) => r.jenjang === "ahli_pertama")).toMatchObject({
      koefisien: 12.5,
      akNextPangkat: 50,
      akNextJenjang: 100,
    });
    const editor = await signedIn(server, tree.opdA, "editor");
    const officer = await editor.client.post(
      "/api/v1/officers",
      officerBody(tree, { nip: "198811032012121004", jenjang: "mahir", golongan: "III/a", tmtJabatan: "2023-01-01" }),
    );
    await editor.client.post(`/api/v1/officers/${officer.body.id}/ratings`, {
      startMonth: "2024-01",
      endMonth: "2024-12",
      predikat: "baik",
    });
    expect(
      (
        await admin.client.post("/api/v1/ak-rules/jenjang", {
          jenjang: "mahir",
          koefisien: 15,
          akNextPangkat: 50,
          akNextJenjang: 100,
          effectiveFrom: "2024-07-01",
        })
      ).status,
    ).toBe(201);
    const after = await editor.client.get(`/api/v1/officers/${officer.body.id}`);
    // Jan–Jun at 12.5 and Jul–Dec at 15: 6.25 + 7.5.
    expect(after.body.ratings[0].ak).toBe(13.75);
    const dup = await admin.client.post("/api/v1/ak-rules/jenjang", {
      jenjang: "mahir",
      koefisien: 16,
      akNextPangkat: 50,
      akNextJenjang: 100,
      effectiveFrom: "2024-07-01",
    });
    expect(dup.status).toBe(409);
    expect(
      (await editor.client.post("/api/v1/ak-rules/predikat", { predikat: "baik", percent: 110, effectiveFrom: "2025-01-01" })).status,
    ).toBe(403);
  });
});

describe("officer photo", () => {
  it("is checked by content, re-encoded without metadata, and only for those who edit the record", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const officer = await client.post("/api/v1/officers", officerBody(tree));
    const sharp = (await import("sharp")).default;
    const withGps = await sharp({ create: { width: 800, height: 1000, channels: 3, background: "#495057" } })
      .withExif({ IFD3: { GPSLatitudeRef: "S", GPSLatitude: "8/1 39/1 0/1" } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(withGps)], { type: "image/jpeg" }), "foto.jpg");
    const up = await client.request("PUT", `/api/v1/officers/${officer.body.id}/photo`, form);
    expect(up.status).toBe(200);
    expect(up.body.hasPhoto).toBe(true);
    const photo = await fetch(`${server.baseUrl}/api/v1/officers/${officer.body.id}/photo`, {
      headers: { cookie: client.cookie as string },
    });
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "jpeg", height: 400 });
    expect(meta.exif).toBeUndefined();
    const fake = new FormData();
    fake.append("file", new Blob([new TextEncoder().encode("bukan foto")], { type: "image/jpeg" }), "foto.jpg");
    expect((await client.request("PUT", `/api/v1/officers/${officer.body.id}/photo`, fake)).status).toBe(415);
    const outsider = await signedIn(server, tree.opdB, "editor");
    expect((await outsider.client.request("PUT", `/api/v1/officers/${officer.body.id}/photo`, form)).status).toBe(404);
  });
});

describe("eligibility in the list", () => {
  it("flags an officer who has become eligible for kenaikan pangkat", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const ready = await client.post(
      "/api/v1/officers",
      officerBody(tree, { name: "Siap Naik", jenjang: "mahir", golongan: "III/a", tmtJabatan: "2023-01-01" }),
    );
    const notYet = await client.post(
      "/api/v1/officers",
      officerBody(tree, { name: "Belum Siap", jenjang: "mahir", golongan: "III/a", tmtJabatan: "2023-01-01" }),
    );
    for (const [year, predikat] of [
      ["2023", "baik"],
      ["2024", "sangat_baik"],
      ["2025", "sangat_baik"],
    ]) {
      await client.post(`/api/v1/officers/${ready.body.id}/ratings`, { startMonth: `${year}-01`, endMonth: `${year}-12`, predikat });
    }
    await client.post(`/api/v1/officers/${notYet.body.id}/ratings`, { startMonth: "2025-01", endMonth: "2025-12", predikat: "baik" });
    const list = await client.get("/api/v1/officers");
    const flags = Object.fromEntries(list.body.items.map((o: { name: string; eligible: unknown }) => [o.name, o.eligible]));
    // 12.5 + 18.75 + 18.75 = 50 ≥ 50 for III/b, and Baik or better in 2024 and 2025.
    expect(flags["Siap Naik"]).toEqual({ pangkat: true, jenjang: false });
    expect(flags["Belum Siap"]).toEqual({ pangkat: false, jenjang: false });
  });
});
