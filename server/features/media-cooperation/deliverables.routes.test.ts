import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { contractBody, day, deliverableForm, fetchBinary, outletWithStaff, pdfText, readXlsx, YEAR } from "./cooperation-test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function contractWithQuota(quota: number) {
  const tree = await createTree(server.services);
  const { client } = await signedIn(server, tree.opdA, "officer");
  const staff = await outletWithStaff(client, tree.opdA, "Kaltim Post");
  const created = await client.post("/api/v1/media-contracts", contractBody(tree.opdA, staff.outletId, { quota, number: "027/KS/001" }));
  expect(created.status).toBe(201);
  return { tree, client, staff, contract: created.body };
}

describe("media cooperation deliverables and reports", () => {
  it("records publications with a link, a clipping and a screenshot, and refuses one over the quota with a precise 409", async () => {
    const { client, contract } = await contractWithQuota(2);
    const url = `/api/v1/media-contracts/${contract.id}/deliverables`;
    const first = await client.post(
      url,
      deliverableForm(
        { title: "Cakupan imunisasi capai 95 persen", publishedOn: `${YEAR}-03-04`, link: "https://kaltimpost.id/imunisasi" },
        [["screenshot", await png(), "image/png", "layar.png"]],
      ),
    );
    expect(first.status).toBe(201);
    expect(first.body.deliverables[0]).toMatchObject({ link: "https://kaltimpost.id/imunisasi", hasScreenshot: true, hasClipping: false });
    const second = await client.post(
      url,
      deliverableForm({ title: "Posyandu keliling", publishedOn: `${YEAR}-04-10` }, [["clipping", PDF, "application/pdf", "kliping.pdf"]]),
    );
    expect(second.status).toBe(201);
    expect(second.body.delivered).toBe(2);
    expect(second.body.deliverables[1]).toMatchObject({ clippingName: "kliping.pdf", hasClipping: true, link: null });

    const over = await client.post(
      url,
      deliverableForm({ title: "Satu lagi", publishedOn: `${YEAR}-05-01`, link: "https://kaltimpost.id/lagi" }),
    );
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("media_deliverable_over_quota");
    expect(over.body.error.message).toContain("2 dari 2");

    const shot = await fetchBinary(server.baseUrl, client, `${url}/${first.body.deliverables[0].id}/screenshot`);
    expect(shot.status).toBe(200);
    expect(shot.type).toBe("image/jpeg");
    expect((await sharp(shot.data).metadata()).width).toBe(40);
    const clip = await fetchBinary(server.baseUrl, client, `${url}/${second.body.deliverables[1].id}/clipping`);
    expect(clip.data.subarray(0, 4).toString()).toBe("%PDF");
  });

  it("names the wrong field of a deliverable: a non-http link, no proof, a date outside the period, a PDF as screenshot", async () => {
    const { client, contract } = await contractWithQuota(5);
    const url = `/api/v1/media-contracts/${contract.id}/deliverables`;
    const ftp = await client.post(url, deliverableForm({ title: "Berita", publishedOn: `${YEAR}-03-04`, link: "ftp://kaltimpost.id/x" }));
    expect(ftp.status).toBe(400);
    expect(ftp.body.error.fields.link).toContain("http");
    const noProof = await client.post(url, deliverableForm({ title: "Berita", publishedOn: `${YEAR}-03-04` }));
    expect(noProof.status).toBe(400);
    expect(noProof.body.error.fields.link).toContain("kliping");
    const outside = await client.post(url, deliverableForm({ title: "Berita", publishedOn: `${YEAR + 1}-01-02`, link: "https://a.id/b" }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.publishedOn).toContain(`${YEAR}-12-31`);
    const badShot = await client.post(
      url,
      deliverableForm({ title: "Berita", publishedOn: `${YEAR}-03-04`, link: "https://a.id/b" }, [
        ["screenshot", PDF, "application/pdf", "x.pdf"],
      ]),
    );
    expect(badShot.status).toBe(415);
    expect(Object.keys(badShot.body.error.fields)).toEqual(["screenshot"]);
    expect((await client.get(`/api/v1/media-contracts/${contract.id}`)).body.deliverables).toEqual([]);
  });

  it("exports the SPJ report as PDF and XLSX with the contract, publications and links, terms and eligibility", async () => {
    const { tree, client, staff, contract } = await contractWithQuota(3);
    const url = `/api/v1/media-contracts/${contract.id}/deliverables`;
    await client.post(
      url,
      deliverableForm({ title: "Imunisasi dasar lengkap", publishedOn: `${YEAR}-03-04`, link: "https://kaltimpost.id/idl" }),
    );
    await client.post(
      url,
      deliverableForm({ title: "Gerakan cuci tangan", publishedOn: `${YEAR}-03-09`, link: "https://kaltimpost.id/cuci" }),
    );
    await client.post(`/api/v1/media-contracts/${contract.id}/terms/${contract.terms[0].id}/pay`, { paidOn: day(0) });

    const query = `fiscalYear=${YEAR}&outletId=${staff.outletId}&organizationId=${tree.opdA.id}`;
    const pdf = await fetchBinary(server.baseUrl, client, `/api/v1/media-cooperation/spj.pdf?${query}`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.disposition).toContain(`spj-kerja-sama-media-${YEAR}-kaltim-post.pdf`);
    const text = pdfText(pdf.data);
    expect(text).toContain(`KERJA SAMA MEDIA TAHUN ANGGARAN ${YEAR}`);
    expect(text).toContain("Kontrak 027/KS/001");
    expect(text).toContain("https://kaltimpost.id/idl");
    expect(text).toContain("Gerakan cuci tangan");
    expect(text).toContain("Rp15.000.000");
    expect(text).toContain("2 dari 3 terpenuhi");
    expect(text).toContain("MEMENUHI SYARAT");
    expect(text).toContain("Termin 1: Rp7.500.000");
    expect(text).toContain("Dibayar");

    const xlsx = await fetchBinary(server.baseUrl, client, `/api/v1/media-cooperation/spj.xlsx?${query}`);
    expect(xlsx.status).toBe(200);
    const wb = await readXlsx(xlsx.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kontrak", "Publikasi", "Termin", "Kelayakan"]);
    const row = wb.getWorksheet("Kontrak")?.getRow(2).values as unknown[];
    expect(row.slice(1, 10)).toEqual([
      "027/KS/001",
      "Kaltim Post",
      tree.names.opdA,
      "Publikasi program imunisasi",
      "Pemberitaan (publikasi berita)",
      15_000_000,
      7_500_000,
      3,
      2,
    ]);
    const links = wb.getWorksheet("Publikasi");
    if (!links) throw new Error("sheet Publikasi missing");
    expect(links.rowCount).toBe(3);
    expect((links.getRow(2).getCell(5).value as { hyperlink: string }).hyperlink).toBe("https://kaltimpost.id/idl");
    expect(wb.getWorksheet("Termin")?.getRow(2).getCell(6).value).toBe("Dibayar");
    expect(wb.getWorksheet("Kelayakan")?.rowCount).toBe(5);

    const { client: otherAgency } = await signedIn(server, tree.opdB, "editor");
    const foreign = await fetchBinary(server.baseUrl, otherAgency, `/api/v1/media-cooperation/spj.pdf?${query}`);
    expect(foreign.status).toBe(404);
  });

  it("shows budget used against quota delivered per outlet on the dashboard, by year and organization", async () => {
    const { tree, client, staff, contract } = await contractWithQuota(4);
    await client.post(
      `/api/v1/media-contracts/${contract.id}/deliverables`,
      deliverableForm({ title: "Berita satu", publishedOn: `${YEAR}-02-02`, link: "https://kaltimpost.id/1" }),
    );
    await client.post(`/api/v1/media-contracts/${contract.id}/terms/${contract.terms[0].id}/pay`, { paidOn: day(0) });
    const second = await client.post(
      "/api/v1/media-contracts",
      contractBody(tree.opdA, staff.outletId, { quota: 6, valueRupiah: 5_000_000, terms: [] }),
    );
    expect(second.status).toBe(201);
    const { client: coordinator } = await signedIn(server, tree.root, "coordinator");
    const board = await coordinator.get(`/api/v1/media-cooperation/dashboard?fiscalYear=${YEAR}&organizationId=${tree.opdA.id}`);
    expect(board.status).toBe(200);
    expect(board.body.rows).toEqual([
      {
        outletId: staff.outletId,
        outletName: "Kaltim Post",
        contracts: 2,
        valueRupiah: 20_000_000,
        paidRupiah: 7_500_000,
        quota: 10,
        delivered: 1,
      },
    ]);
    const otherYear = await coordinator.get(`/api/v1/media-cooperation/dashboard?fiscalYear=${YEAR - 1}`);
    expect(otherYear.body.rows).toEqual([]);
    const otherOrg = await coordinator.get(`/api/v1/media-cooperation/dashboard?fiscalYear=${YEAR}&organizationId=${tree.opdB.id}`);
    expect(otherOrg.body.totals.valueRupiah).toBe(0);
  });
});

describe("demo data", () => {
  it("seeds one eligible Dinkes contract with a paid term and two publications", async () => {
    const { loadDemo } = await import("../../setup/demo");
    await loadDemo(server.services);
    const res = (await server.services.db.execute(sql`select c.number, c.eligibility, o.name as outlet,
      (select count(*)::int from media_deliverables d where d.contract_id = c.id) as delivered,
      (select coalesce(sum(t.amount_rupiah), 0)::int from media_contract_terms t where t.contract_id = c.id and t.status = 'dibayar') as paid
      from media_contracts c join media_outlets o on o.id = c.outlet_id where c.number like '027/1142/KS-MEDIA/DISKES/%'`)) as unknown as {
      rows: { number: string; eligibility: { passed: boolean }; outlet: string; delivered: number; paid: number }[];
    };
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({ outlet: "Bali Warta Digital", delivered: 2, paid: 6_000_000 });
    expect(res.rows[0].eligibility.passed).toBe(true);
  });
});
