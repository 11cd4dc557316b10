import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const consent = {
  purpose: "Undangan liputan dan siaran pers",
  basis: "persetujuan",
  consentedAt: "2025-03-01T09:00:00+08:00",
  source: "formulir akreditasi",
};

async function outletWithEditor(role: "editor" | "officer" = "editor") {
  const tree = await createTree(server.services);
  const { client } = await signedIn(server, tree.opdA, role);
  const outlet = await client.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "Kaltim Pos", type: "cetak" });
  return { tree, client, outletId: outlet.body.id as string };
}

describe("journalists", () => {
  it("creates a pemimpin redaksi with UKW Utama, normalizes the phone and keeps the consent record", async () => {
    const { tree, client, outletId } = await outletWithEditor("officer");
    const res = await client.post("/api/v1/journalists", {
      organizationId: tree.opdA.id,
      name: "Budi Santoso",
      memberships: [{ outletId, role: "pemimpin_redaksi" }],
      beats: ["pemerintahan", "politik"],
      regionCode: "64.72",
      ukwLevel: "utama",
      ukwCertificateNumber: "UKW-U-0001",
      ukwCertificateDate: "2019-08-17",
      email: "Budi@KaltimPos.co.id",
      phone: "0812-3456-7890",
      whatsapp: "62 812 3456 7890",
      consent,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Budi Santoso",
      ukwLevel: "utama",
      email: "budi@kaltimpos.co.id",
      phone: "+6281234567890",
      whatsapp: "+6281234567890",
      memberships: [{ outletId, outletName: "Kaltim Pos", role: "pemimpin_redaksi" }],
    });
    expect(res.body.consent.purpose).toBe(consent.purpose);
    expect(new Date(res.body.consent.consentedAt).toISOString()).toBe("2025-03-01T01:00:00.000Z");

    const note = await client.post(`/api/v1/journalists/${res.body.id}/notes`, {
      text: "Hadir di jumpa pers HUT Kaltim",
      occurredOn: "2025-01-09",
    });
    expect(note.status).toBe(201);
    expect(note.body.interactions).toHaveLength(1);
    expect(note.body.interactions[0]).toMatchObject({ kind: "note", occurredOn: "2025-01-09", text: "Hadir di jumpa pers HUT Kaltim" });

    const filtered = await client.get(`/api/v1/journalists?outletId=${outletId}&role=pemimpin_redaksi&ukwLevel=utama&beat=politik`);
    expect(filtered.body.items.map((j: { id: string }) => j.id)).toEqual([res.body.id]);
    expect((await client.get("/api/v1/journalists?role=reporter")).body.total).toBe(0);
    expect((await client.get("/api/v1/journalists?q=santo")).body.total).toBe(1);
  });

  it("refuses an invalid email or phone with the field named", async () => {
    const { tree, client } = await outletWithEditor();
    const email = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Sari", email: "bukan-email" });
    expect(email.status).toBe(400);
    expect(Object.keys(email.body.error.fields)).toEqual(["email"]);
    const phone = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Sari", phone: "+1 202 555 0100" });
    expect(phone.status).toBe(400);
    expect(phone.body.error.fields.phone).toMatch(/\+62/);
    const wa = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Sari", whatsapp: "0812" });
    expect(Object.keys(wa.body.error.fields)).toEqual(["whatsapp"]);
    expect((await client.get("/api/v1/journalists")).body.total).toBe(0);
  });

  it("answers 409 naming the journalist who already has the email or phone", async () => {
    const { tree, client } = await outletWithEditor();
    const first = await client.post("/api/v1/journalists", {
      organizationId: tree.opdA.id,
      name: "Andi Reporter",
      email: "andi@media.id",
      phone: "081234567891",
    });
    const byPhone = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Andi Lain", phone: "+6281234567891" });
    expect(byPhone.status).toBe(409);
    expect(byPhone.body.error.code).toBe("journalist_contact_duplicate");
    expect(byPhone.body.error.message).toContain("Andi Reporter");
    expect(byPhone.body.error.fields.phone).toContain("Andi Reporter");
    const byEmail = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Andi Lain", email: "ANDI@media.id" });
    expect(byEmail.status).toBe(409);
    const other = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Citra" });
    const patch = await client.patch(`/api/v1/journalists/${other.body.id}`, { email: "andi@media.id" });
    expect(patch.status).toBe(409);
    expect(first.status).toBe(201);
  });

  it("exports everything held about a person and erases it on request, keeping an anonymized row", async () => {
    const { tree, client, outletId } = await outletWithEditor();
    const j = await client.post("/api/v1/journalists", {
      organizationId: tree.opdA.id,
      name: "Dewi Lestari",
      memberships: [{ outletId, role: "reporter" }],
      email: "dewi@media.id",
      phone: "081298765432",
      consent,
      notes: "Peliput bidang kesehatan",
    });
    await client.post(`/api/v1/journalists/${j.body.id}/notes`, { text: "Wawancara Kadinkes soal DBD" });
    const exported = await client.get(`/api/v1/journalists/${j.body.id}/personal-data`);
    expect(exported.status).toBe(200);
    expect(exported.body.journalist).toMatchObject({
      name: "Dewi Lestari",
      email: "dewi@media.id",
      phone: "+6281298765432",
      notes: "Peliput bidang kesehatan",
    });
    expect(exported.body.journalist.consent.basis).toBe("persetujuan");
    expect(exported.body.memberships).toEqual([{ outletId, outletName: "Kaltim Pos", role: "reporter" }]);
    expect(exported.body.interactions[0].text).toBe("Wawancara Kadinkes soal DBD");

    // Erasure is for those who answer for the unit's data, not for every officer.
    const { client: officer } = await signedIn(server, tree.opdA, "officer");
    expect((await officer.post(`/api/v1/journalists/${j.body.id}/erase`, { reason: "Permintaan tertulis" })).status).toBe(403);

    const erased = await client.post(`/api/v1/journalists/${j.body.id}/erase`, { reason: "Permintaan tertulis via email 2025-05-01" });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      name: "Dihapus atas permintaan",
      email: null,
      phone: null,
      whatsapp: null,
      consent: null,
      notes: null,
      erased: true,
      memberships: [],
    });
    expect(erased.body.interactions).toHaveLength(1);
    expect(erased.body.interactions[0].text).toBe("");
    const stored = await server.services.db.execute(sql`select name, email, phone, notes from journalists where id = ${j.body.id}`);
    expect((stored as unknown as { rows: unknown[] }).rows[0]).toEqual({
      name: "Dihapus atas permintaan",
      email: null,
      phone: null,
      notes: null,
    });
    // Nothing personal lingers in the audit trail of this journalist.
    const audit = await server.services.db.execute(
      sql`select action, coalesce(after::text, '') as after from audit_log where entity_id = ${j.body.id} order by seq`,
    );
    const rows = (audit as unknown as { rows: { action: string; after: string }[] }).rows;
    expect(rows.map((r) => r.action)).toContain("journalist.erase");
    expect(rows.some((r) => /dewi|Lestari|81298765432/i.test(r.after))).toBe(false);
    // The contact is free again once erased.
    const again = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Dewi L.", email: "dewi@media.id" });
    expect(again.status).toBe(201);
    expect((await client.post(`/api/v1/journalists/${j.body.id}/erase`, { reason: "lagi" })).status).toBe(409);
  });

  it("answers 404 outside the scope and 403 to a viewer writing", async () => {
    const { tree, client } = await outletWithEditor();
    const j = await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Eko Kontributor" });
    const { client: other } = await signedIn(server, tree.opdB, "editor");
    expect((await other.get(`/api/v1/journalists/${j.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/journalists/${j.body.id}/personal-data`)).status).toBe(404);
    expect((await other.post(`/api/v1/journalists/${j.body.id}/erase`, { reason: "coba" })).status).toBe(404);
    expect((await other.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Luar" })).status).toBe(404);
    const { client: viewer } = await signedIn(server, tree.opdA, "viewer");
    expect((await viewer.get(`/api/v1/journalists/${j.body.id}`)).status).toBe(200);
    expect((await viewer.patch(`/api/v1/journalists/${j.body.id}`, { name: "Eko K." })).status).toBe(403);
    expect((await viewer.post(`/api/v1/journalists/${j.body.id}/notes`, { text: "catatan" })).status).toBe(403);
  });
});

describe("journalist list at size", () => {
  it("pages a broad list in name order with a capped total, and a name search with its exact total", async () => {
    const { tree, client } = await outletWithEditor();
    // 10,050 journalists (more than the count cap) in one statement, all "… Jurnalis"; every 100th is a "Wirawan",
    // every 200th of them (and every odd one) covers politik.
    await server.services.db.execute(sql`
      insert into journalists (id, organization_id, name, beats)
      select gen_random_uuid(), ${tree.opdA.id},
        case when i % 100 = 0 then 'Wirawan ' || lpad(i::text, 5, '0') || ' Jurnalis' else 'Jurnalis ' || lpad(i::text, 5, '0') end,
        case when i % 2 = 1 or i % 200 = 0 then array['politik'] else array['ekonomi'] end
      from generate_series(1, 10050) i`);

    const broad = await client.get("/api/v1/journalists?pageSize=50");
    expect(broad.status).toBe(200);
    expect(broad.body).toMatchObject({ total: 10_000, totalCapped: true });
    expect(broad.body.items.map((j: { name: string }) => j.name).slice(0, 3)).toEqual([
      "Jurnalis 00001",
      "Jurnalis 00002",
      "Jurnalis 00003",
    ]);
    const last = await client.get("/api/v1/journalists?pageSize=50&sort=-name");
    expect(last.body.items[0].name).toBe("Wirawan 10000 Jurnalis");

    // A short search is broad too; a longer one is exact and ordered, on every page.
    expect((await client.get("/api/v1/journalists?q=a")).body).toMatchObject({ total: 10_000, totalCapped: true });
    // A common fragment of three letters is capped the same way, on the first page and past the end.
    expect((await client.get("/api/v1/journalists?q=nal")).body).toMatchObject({ total: 10_000, totalCapped: true });
    expect((await client.get("/api/v1/journalists?q=nal&page=300")).body).toMatchObject({ items: [], total: 10_000, totalCapped: true });
    const search = await client.get("/api/v1/journalists?q=wirawan&beat=politik&pageSize=20&page=3");
    expect(search.body).toMatchObject({ total: 50, totalCapped: false, page: 3 });
    expect(search.body.items.map((j: { name: string }) => j.name)).toEqual(
      Array.from({ length: 10 }, (_, k) => `Wirawan ${String((40 + k + 1) * 200).padStart(5, "0")} Jurnalis`),
    );
    // Past the end: no rows, and still the total.
    const beyond = await client.get("/api/v1/journalists?q=wirawan&page=9&pageSize=50");
    expect(beyond.body).toMatchObject({ items: [], total: 100, totalCapped: false });
    const filtered = await client.get("/api/v1/journalists?beat=politik");
    expect(filtered.body).toMatchObject({ total: 5075, totalCapped: false });
  });
});
