import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSpreadsheetTable } from "../../lib/spreadsheet-table";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { contractBody, day, deliverableForm, outletWithStaff, YEAR } from "./cooperation-test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const auditActions = async (entityId: string) => {
  const res = (await server.services.db.execute(
    sql`select action, after from audit_log where entity_id = ${entityId} order by seq`,
  )) as unknown as { rows: { action: string; after: Record<string, unknown> }[] };
  return res.rows;
};
const contractCount = async (orgId: string) => {
  const res = (await server.services.db.execute(
    sql`select count(*)::int as n from media_contracts where organization_id = ${orgId}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0].n;
};

describe("media cooperation contracts", () => {
  it("creates a contract for an eligible outlet, every rule passing with its reason, and audits it", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const staff = await outletWithStaff(client, tree.opdA, "Kaltim Post");
    const check = await client.post("/api/v1/media-contracts/eligibility-check", {
      organizationId: tree.opdA.id,
      outletId: staff.outletId,
      journalistIds: [staff.reporterId],
    });
    expect(check.status).toBe(200);
    expect(check.body.passed).toBe(true);
    expect(check.body.canOverride).toBe(false);

    const res = await client.post(
      "/api/v1/media-contracts",
      contractBody(tree.opdA, staff.outletId, { journalistIds: [staff.reporterId] }),
    );
    expect(res.status).toBe(201);
    expect(res.body.eligibility.passed).toBe(true);
    expect(res.body.eligibility.rules.map((r: { kind: string }) => r.kind)).toEqual([
      "dewan_pers_status",
      "pemred_ukw_utama",
      "journalists_ukw_min",
      "certificate_valid",
    ]);
    expect(res.body.eligibility.rules[1].reason).toContain("Pemred Kaltim Post memegang sertifikat UKW Utama");
    expect(res.body).toMatchObject({ formLabel: "Pemberitaan (publikasi berita)", quota: 2, delivered: 0, paidRupiah: 0, override: null });
    expect(res.body.terms.map((t: { status: string }) => t.status)).toEqual(["belum", "belum"]);
    expect(res.body.journalists[0]).toMatchObject({ id: staff.reporterId, ukwLevel: "madya" });
    expect((await auditActions(res.body.id)).map((a) => a.action)).toEqual(["media_contract.create"]);

    const again = await client.post("/api/v1/media-contracts", { ...contractBody(tree.opdA, staff.outletId), number: res.body.number });
    expect(again.status).toBe(409);
    expect(again.body.error.fields.number).toContain(res.body.number);
  });

  it("blocks an ineligible outlet with 409 listing each failed rule, writes nothing, and lets only an editor override with a reason", async () => {
    const tree = await createTree(server.services);
    const { client: officer } = await signedIn(server, tree.opdA, "officer");
    const { client: editor } = await signedIn(server, tree.opdA, "editor");
    const staff = await outletWithStaff(officer, tree.opdA, "Media Baru", {
      status: "tidak_terdaftar",
      expiresOn: null,
      pemredUkw: "madya",
    });
    const body = contractBody(tree.opdA, staff.outletId);

    const blocked = await officer.post("/api/v1/media-contracts", body);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe("media_contract_ineligible");
    expect(Object.keys(blocked.body.error.fields).sort()).toEqual([
      "eligibility.certificate_valid",
      "eligibility.dewan_pers_status",
      "eligibility.pemred_ukw_utama",
    ]);
    expect(blocked.body.error.fields["eligibility.pemred_ukw_utama"]).toContain("UKW Madya");
    expect(blocked.body.error.fields["eligibility.dewan_pers_status"]).toContain("tidak terdaftar");
    expect(await contractCount(tree.opdA.id)).toBe(0);

    const reason = "Satu-satunya media lokal di kecamatan terpencil; verifikasi Dewan Pers sedang berjalan.";
    const notAllowed = await officer.post("/api/v1/media-contracts", { ...body, overrideReason: reason });
    expect(notAllowed.status).toBe(403);
    const short = await editor.post("/api/v1/media-contracts", { ...body, overrideReason: "karena perlu" });
    expect(short.status).toBe(400);
    expect(Object.keys(short.body.error.fields)).toEqual(["overrideReason"]);
    expect(await contractCount(tree.opdA.id)).toBe(0);

    const overridden = await editor.post("/api/v1/media-contracts", { ...body, overrideReason: reason });
    expect(overridden.status).toBe(201);
    expect(overridden.body.eligible).toBe(false);
    expect(overridden.body.overridden).toBe(true);
    expect(overridden.body.override.reason).toBe(reason);
    expect(overridden.body.override.byName).toBeTruthy();
    const audit = await auditActions(overridden.body.id);
    expect(audit.map((a) => a.action)).toEqual(["media_contract.create", "media_contract.eligibility_override"]);
    expect(audit[1].after).toMatchObject({ stage: "create", reason });
  });

  it("fails the certificate rule for an expired Dewan Pers certificate, naming the date", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const staff = await outletWithStaff(client, tree.opdA, "Radio Lama", { expiresOn: day(-3) });
    const res = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    expect(res.status).toBe(409);
    expect(Object.keys(res.body.error.fields)).toEqual(["eligibility.certificate_valid"]);
    expect(res.body.error.fields["eligibility.certificate_valid"]).toMatch(/kedaluwarsa sejak \d+ \w+ \d{4}/);
  });

  it("applies a subtree's own rules and forms: a stricter UKW minimum fails a Muda reporter, an unknown form is refused", async () => {
    const tree = await createTree(server.services);
    const { client: coordinator } = await signedIn(server, tree.opdA, "coordinator");
    const { client: editor } = await signedIn(server, tree.opdA, "editor");
    const seeded = await coordinator.get(`/api/v1/media-cooperation/settings/${tree.opdA.id}`);
    expect(seeded.body.formsSourceOrganizationId).toBe(tree.root.id);
    expect(seeded.body.forms.map((f: { code: string }) => f.code)).toContain("running_text");
    const saved = await coordinator.put(`/api/v1/media-cooperation/settings/${tree.opdA.id}`, {
      forms: [{ code: "advertorial", label: "Advertorial", category: "non_pemberitaan" }],
      rules: [{ kind: "journalists_ukw_min", params: { level: "madya" } }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rulesSourceOrganizationId).toBe(tree.opdA.id);
    const notCoordinator = await editor.put(`/api/v1/media-cooperation/settings/${tree.opdA.id}`, {
      forms: [{ code: "banner", label: "Banner", category: "non_pemberitaan" }],
      rules: [],
    });
    expect(notCoordinator.status).toBe(403);

    const staff = await outletWithStaff(editor, tree.opdA, "Tabloid Desa", { status: "tidak_terdaftar", reporterUkw: "muda" });
    const unknownForm = await editor.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    expect(unknownForm.status).toBe(400);
    expect(Object.keys(unknownForm.body.error.fields)).toEqual(["formCode"]);
    const body = contractBody(tree.opdA, staff.outletId, { formCode: "advertorial", journalistIds: [staff.reporterId] });
    const res = await editor.post("/api/v1/media-contracts", body);
    expect(res.status).toBe(409);
    // Only the subtree's one rule ran: Dewan Pers status no longer matters here.
    expect(Object.keys(res.body.error.fields)).toEqual(["eligibility.journalists_ukw_min"]);
    expect(res.body.error.fields["eligibility.journalists_ukw_min"]).toContain("(UKW Muda)");
  });

  it("answers 400 naming each wrongly typed or inconsistent field, and writes nothing", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const staff = await outletWithStaff(client, tree.opdA, "Koran Uji");
    const types = await client.post("/api/v1/media-contracts", {
      ...contractBody(tree.opdA, staff.outletId),
      valueRupiah: "lima belas juta",
      quota: 1.5,
      periodStart: "31-01-2026",
      journalistIds: "semua",
    });
    expect(types.status).toBe(400);
    expect(Object.keys(types.body.error.fields).sort()).toEqual(["journalistIds", "periodStart", "quota", "valueRupiah"]);

    const sum = await client.post("/api/v1/media-contracts", {
      ...contractBody(tree.opdA, staff.outletId),
      terms: [{ amountRupiah: 5_000_000, dueOn: `${YEAR}-06-30` }],
    });
    expect(sum.status).toBe(400);
    expect(sum.body.error.fields.terms).toContain("Rp5.000.000");
    const year = await client.post("/api/v1/media-contracts", {
      ...contractBody(tree.opdA, staff.outletId),
      periodEnd: `${YEAR + 1}-01-31`,
    });
    expect(year.status).toBe(400);
    expect(Object.keys(year.body.error.fields)).toEqual(["periodEnd"]);
    const other = await outletWithStaff(client, tree.opdA, "Media Lain");
    const notMember = await client.post("/api/v1/media-contracts", {
      ...contractBody(tree.opdA, staff.outletId),
      journalistIds: [other.reporterId],
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.fields["journalistIds.0"]).toContain("Reporter Media Lain");
    expect(await contractCount(tree.opdA.id)).toBe(0);
  });

  it("refuses another tenant's journalist without leaking the name, and an erased journalist, in the check and on create", async () => {
    const tree = await createTree(server.services);
    const foreignTree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const { client: foreignEditor } = await signedIn(server, foreignTree.opdA, "editor");
    const staff = await outletWithStaff(client, tree.opdA, "Warta Uji");
    const foreign = await outletWithStaff(foreignEditor, foreignTree.opdA, "Rahasia Tetangga");

    const body = contractBody(tree.opdA, staff.outletId, { journalistIds: [foreign.reporterId] });
    const created = await client.post("/api/v1/media-contracts", body);
    expect(created.status).toBeGreaterThanOrEqual(400);
    expect(created.status).toBeLessThan(500);
    expect(Object.keys(created.body.error.fields)).toEqual(["journalistIds.0"]);
    expect(created.text).not.toContain("Rahasia Tetangga");
    const preview = await client.post("/api/v1/media-contracts/eligibility-check", {
      organizationId: tree.opdA.id,
      outletId: staff.outletId,
      journalistIds: [foreign.reporterId],
    });
    expect(preview.status).toBe(created.status);
    expect(preview.text).not.toContain("Rahasia Tetangga");

    expect((await client.post(`/api/v1/journalists/${staff.reporterId}/erase`, { reason: "Permintaan tertulis" })).status).toBe(200);
    const erased = await client.post(
      "/api/v1/media-contracts",
      contractBody(tree.opdA, staff.outletId, { journalistIds: [staff.reporterId] }),
    );
    expect(erased.status).toBe(400);
    expect(erased.body.error.fields["journalistIds.0"]).toBeTruthy();
    expect(await contractCount(tree.opdA.id)).toBe(0);
  });

  it("lets the coordinator read the subtree's contracts but not sign, and answers 404 to another agency", async () => {
    const tree = await createTree(server.services);
    const { client: officer } = await signedIn(server, tree.opdA, "officer");
    const { client: coordinator } = await signedIn(server, tree.root, "coordinator");
    const { client: otherAgency } = await signedIn(server, tree.opdB, "editor");
    const staff = await outletWithStaff(officer, tree.opdA, "Tribun Uji");
    const created = await officer.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    expect(created.status).toBe(201);

    const seen = await coordinator.get(`/api/v1/media-contracts/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toMatchObject({ read: true, manage: false });
    const list = await coordinator.get(`/api/v1/media-contracts?fiscalYear=${YEAR}&q=tribun`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const coordinatorCreates = await coordinator.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    expect(coordinatorCreates.status).toBe(403);

    expect((await otherAgency.get(`/api/v1/media-contracts/${created.body.id}`)).status).toBe(404);
    const termId = created.body.terms[0].id;
    expect((await otherAgency.post(`/api/v1/media-contracts/${created.body.id}/terms/${termId}/pay`, { paidOn: day(0) })).status).toBe(404);
    expect((await otherAgency.get(`/api/v1/media-contracts?fiscalYear=${YEAR}`)).body.total).toBe(0);
    const outletOfOther = await otherAgency.post("/api/v1/media-contracts", contractBody(tree.opdB, staff.outletId));
    expect(outletOfOther.status).toBe(404);

    const csv = await coordinator.get(`/api/v1/media-contracts/export.csv?fiscalYear=${YEAR}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain(created.body.number);
    expect(csv.text).toContain("Tribun Uji");
    // The same list as a workbook, amounts as numbers the finance office can sum.
    const xlsx = await fetch(`${server.baseUrl}/api/v1/media-contracts/export.xlsx?fiscalYear=${YEAR}`, {
      headers: { cookie: coordinator.cookie ?? "" },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("kontrak-kerja-sama-media.xlsx");
    const table = await readSpreadsheetTable(Buffer.from(await xlsx.arrayBuffer()), "kontrak.xlsx", "Kontrak");
    expect(table[0].values.slice(0, 8)).toEqual(["Tahun", "Nomor", "Uraian", "Media", "Perangkat daerah", "Bentuk", "Nilai", "Dibayar"]);
    const row = table.find((r) => r.values[1] === created.body.number);
    expect(row?.values[3]).toBe("Tribun Uji");
    expect(row?.values[6]).toBe(created.body.valueRupiah);
  });

  it("re-runs the eligibility check at each payment: an expired certificate blocks until an editor overrides", async () => {
    const tree = await createTree(server.services);
    const { client: editor } = await signedIn(server, tree.opdA, "editor");
    const staff = await outletWithStaff(editor, tree.opdA, "Suara Uji");
    const created = await editor.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    const [first, second] = created.body.terms;
    const submitted = await editor.post(`/api/v1/media-contracts/${created.body.id}/terms/${first.id}/submit`);
    expect(submitted.body.terms[0].status).toBe("diajukan");
    const paid = await editor.post(`/api/v1/media-contracts/${created.body.id}/terms/${first.id}/pay`, { paidOn: day(0) });
    expect(paid.status).toBe(200);
    expect(paid.body.terms[0]).toMatchObject({ status: "dibayar", paidOn: day(0) });
    expect(paid.body.terms[0].eligibility.passed).toBe(true);
    expect(paid.body.paidRupiah).toBe(7_500_000);
    expect((await editor.post(`/api/v1/media-contracts/${created.body.id}/terms/${first.id}/pay`, { paidOn: day(0) })).status).toBe(409);

    // The certificate lapses before the second payment.
    await editor.patch(`/api/v1/media-outlets/${staff.outletId}`, { certificateExpiresOn: day(-1) });
    const blocked = await editor.post(`/api/v1/media-contracts/${created.body.id}/terms/${second.id}/pay`, { paidOn: day(0) });
    expect(blocked.status).toBe(409);
    expect(Object.keys(blocked.body.error.fields)).toEqual(["eligibility.certificate_valid"]);
    const still = await editor.get(`/api/v1/media-contracts/${created.body.id}`);
    expect(still.body.terms[1].status).toBe("belum");

    const reason = "Perpanjangan sertifikat sudah diajukan ke Dewan Pers, bukti tanda terima terlampir.";
    const overridden = await editor.post(`/api/v1/media-contracts/${created.body.id}/terms/${second.id}/pay`, {
      paidOn: day(0),
      overrideReason: reason,
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.terms[1]).toMatchObject({ status: "dibayar", override: { reason } });
    expect(overridden.body.terms[1].eligibility.passed).toBe(false);
    expect(overridden.body.paidRupiah).toBe(15_000_000);
    const audit = await auditActions(created.body.id);
    expect(audit.map((a) => a.action)).toEqual([
      "media_contract.create",
      "media_contract.term_submit",
      "media_contract.term_pay",
      "media_contract.term_pay",
      "media_contract.eligibility_override",
    ]);
    expect(audit[4].after).toMatchObject({ stage: "payment", termId: second.id, reason });
  });
});

describe("editing a media cooperation contract", () => {
  const updatedAt = async (id: string) => {
    const res = (await server.services.db.execute(sql`select updated_at::text as at from media_contracts where id = ${id}`)) as unknown as {
      rows: { at: string }[];
    };
    return res.rows[0].at;
  };
  const editable = (c: Record<string, unknown>) => {
    const { number, title, budgetLine, valueRupiah, quota, periodStart, periodEnd, status } = c;
    return { number, title, budgetLine, valueRupiah, quota, periodStart, periodEnd, status };
  };

  it("corrects the typed fields, audits only what changed, and writes nothing for an equal or empty PATCH", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const staff = await outletWithStaff(client, tree.opdA, "Kaltim Post");
    const created = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId, { terms: [] }));
    expect(created.status).toBe(201);
    const url = `/api/v1/media-contracts/${created.body.id}`;
    const stamp = await updatedAt(created.body.id);

    const edit = {
      number: "027/KS-MEDIA/DISKES/2",
      title: "Publikasi program imunisasi dasar lengkap",
      valueRupiah: 20_000_000,
      quota: 3,
      periodStart: `${YEAR}-02-01`,
      budgetLine: created.body.budgetLine,
    };
    const res = await client.patch(url, edit);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...edit, periodEnd: `${YEAR}-12-31`, status: "aktif" });
    const audit = await auditActions(created.body.id);
    expect(audit.map((a) => a.action)).toEqual(["media_contract.create", "media_contract.update"]);
    // The unchanged budget line is not in the record.
    const { budgetLine: _, ...changed } = edit;
    expect(audit[1].after).toEqual(changed);
    const before = await server.services.db.execute(
      sql`select before from audit_log where entity_id = ${created.body.id} and action = 'media_contract.update'`,
    );
    expect((before as unknown as { rows: { before: unknown }[] }).rows[0].before).toEqual({
      number: created.body.number,
      title: created.body.title,
      valueRupiah: 15_000_000,
      quota: 2,
      periodStart: `${YEAR}-01-01`,
    });
    const edited = await updatedAt(created.body.id);
    expect(edited).not.toBe(stamp);

    expect((await client.patch(url, { ...edit, status: "aktif" })).status).toBe(200);
    expect(await updatedAt(created.body.id)).toBe(edited);
    expect(await auditActions(created.body.id)).toHaveLength(2);

    const empty = await client.patch(url, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.body).toContain("paling sedikit satu");
    const fixed = await client.patch(url, { outletId: staff.outletId });
    expect(fixed.status).toBe(400);
    expect(Object.keys(fixed.body.error.fields)).toContain("outletId");
    const typed = await client.patch(url, { valueRupiah: "dua puluh juta", quota: 0, periodEnd: "31-12-2026", title: "ab" });
    expect(typed.status).toBe(400);
    expect(Object.keys(typed.body.error.fields).sort()).toEqual(["periodEnd", "quota", "title", "valueRupiah"]);
    expect(await auditActions(created.body.id)).toHaveLength(2);
  });

  it("refuses each edit that contradicts the period, payments, deliverables or another number, changing nothing", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const staff = await outletWithStaff(client, tree.opdA, "Suara Uji");
    const created = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    const other = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    const url = `/api/v1/media-contracts/${created.body.id}`;
    const paid = await client.post(`${url}/terms/${created.body.terms[0].id}/pay`, { paidOn: day(0) });
    expect(paid.status).toBe(200);
    for (const title of ["Rilis vaksinasi", "Rilis posyandu"]) {
      const added = await client.post(
        `${url}/deliverables`,
        deliverableForm({ title, publishedOn: `${YEAR}-03-04`, link: "https://uji.id/a" }),
      );
      expect(added.status).toBe(201);
    }
    const original = editable((await client.get(url)).body);
    const audited = (await auditActions(created.body.id)).length;

    const year = await client.patch(url, { periodEnd: `${YEAR + 1}-01-31` });
    expect(year.status).toBe(400);
    expect(year.body.error.fields.periodEnd).toContain(String(YEAR));
    const order = await client.patch(url, { periodStart: `${YEAR}-07-01`, periodEnd: `${YEAR}-06-30` });
    expect(order.status).toBe(400);
    expect(Object.keys(order.body.error.fields)).toEqual(["periodEnd"]);
    const startAfterEnd = await client.patch(url, { periodStart: `${YEAR}-12-31`, periodEnd: `${YEAR}-12-30` });
    expect(startAfterEnd.status).toBe(400);

    // Both publications are dated 4 March: a period starting after it would leave them out.
    const shorter = await client.patch(url, { periodStart: `${YEAR}-04-01` });
    expect(shorter.status).toBe(409);
    expect(shorter.body.error.fields.periodStart).toContain("2 publikasi");
    expect(shorter.body.error.fields.periodStart).toContain(`${YEAR}-03-04`);
    const endsEarly = await client.patch(url, { periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-03-03` });
    expect(endsEarly.status).toBe(409);
    expect(Object.keys(endsEarly.body.error.fields)).toEqual(["periodEnd"]);

    const quota = await client.patch(url, { title: "Judul yang tidak boleh tersimpan", quota: 1 });
    expect(quota.status).toBe(409);
    expect(Object.keys(quota.body.error.fields)).toEqual(["quota"]);
    expect(quota.body.error.fields.quota).toContain("2 publikasi");
    // Below what is paid (Rp7.500.000): refused, since the terms (the paid one among them) sum to Rp15.000.000.
    const belowPaid = await client.patch(url, { valueRupiah: 5_000_000 });
    expect(belowPaid.status).toBe(409);
    expect(belowPaid.body.error.fields.valueRupiah).toContain("Rp15.000.000");
    const offTerms = await client.patch(url, { valueRupiah: 20_000_000 });
    expect(offTerms.status).toBe(409);
    expect(offTerms.body.error.fields.valueRupiah).toContain("Rp15.000.000");
    const taken = await client.patch(url, { number: other.body.number });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.number).toContain(other.body.number);

    expect(editable((await client.get(url)).body)).toEqual(original);
    expect(await auditActions(created.body.id)).toHaveLength(audited);
    // Equal to the terms, the value is accepted; so is keeping the quota at what is delivered.
    expect((await client.patch(url, { valueRupiah: 15_000_000, quota: 2 })).status).toBe(200);
  });

  it("edits only an active contract: a finished one answers 409 until it is reopened", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const staff = await outletWithStaff(client, tree.opdA, "Tribun Uji");
    const created = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    const url = `/api/v1/media-contracts/${created.body.id}`;
    expect((await client.patch(url, { status: "selesai" })).body.status).toBe("selesai");

    const closed = await client.patch(url, { title: "Perbaikan judul" });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("media_contract_closed");
    // The stored status decides: reopening and editing in one request is refused too.
    expect((await client.patch(url, { status: "aktif", title: "Perbaikan judul" })).status).toBe(409);
    const still = await client.get(url);
    expect(still.body).toMatchObject({ status: "selesai", title: created.body.title });

    expect((await client.patch(url, { status: "aktif" })).status).toBe(200);
    const fixed = await client.patch(url, { title: "Perbaikan judul", status: "selesai" });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ title: "Perbaikan judul", status: "selesai" });
    expect((await auditActions(created.body.id)).map((a) => a.action)).toEqual([
      "media_contract.create",
      "media_contract.status",
      "media_contract.status",
      "media_contract.update",
      "media_contract.status",
    ]);
  });

  it("answers 404 to another agency and tenant, 403 to a reading coordinator, and changes nothing", async () => {
    const tree = await createTree(server.services);
    const foreignTree = await createTree(server.services);
    const { client: officer } = await signedIn(server, tree.opdA, "officer");
    const { client: otherAgency } = await signedIn(server, tree.opdB, "editor");
    const { client: coordinator } = await signedIn(server, tree.root, "coordinator");
    const { client: foreign } = await signedIn(server, foreignTree.opdA, "editor");
    const staff = await outletWithStaff(officer, tree.opdA, "Warta Uji");
    const created = await officer.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId));
    const url = `/api/v1/media-contracts/${created.body.id}`;

    expect((await otherAgency.patch(url, { title: "Diubah orang lain" })).status).toBe(404);
    expect((await foreign.patch(url, { quota: 9 })).status).toBe(404);
    expect((await coordinator.patch(url, { title: "Diubah koordinator" })).status).toBe(403);
    const after = await officer.get(url);
    expect(editable(after.body)).toEqual(editable(created.body));
    expect((await auditActions(created.body.id)).map((a) => a.action)).toEqual(["media_contract.create"]);
  });
});
