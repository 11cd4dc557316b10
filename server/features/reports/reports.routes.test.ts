import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD, type TestTree } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { newWorkbook } from "./xlsx";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let seq = 700;
interface ReportTeam {
  tree: TestTree;
  officerId: string;
  officerNip: string;
  bossNip: string;
  staff: TestClient;
  boss: TestClient;
  editor: TestClient;
  titles: string[];
}

const BOSS_NAME = "Ni Made Ayu Lestari, S.I.Kom.";

/** OPD A with a supervisor and an officer; two approved entries, a draft, and a rating in 2025. */
async function team(): Promise<ReportTeam> {
  const tree = await createTree(server.services);
  const editor = await signedIn(server, tree.opdA, "editor");
  const bossUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const staffUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const base = {
    organizationId: tree.opdA.id,
    jenjang: "ahli_pertama",
    golongan: "III/a",
    tmtJabatan: "2024-01-01",
    tmtPangkat: "2024-01-01",
  };
  const bossNip = `197806152003122${seq++}`;
  const officerNip = `199202022018022${seq++}`;
  const boss = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: bossNip,
    name: BOSS_NAME,
    userId: bossUser.id,
    jenjang: "ahli_muda",
    golongan: "III/c",
  });
  const staff = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: officerNip,
    name: "Komang Adi Pratama, A.Md.",
    userId: staffUser.id,
    supervisorId: boss.body.id,
  });
  expect(staff.status).toBe(201);
  const staffClient = new TestClient(server.baseUrl);
  await staffClient.login(staffUser.email, TEST_PASSWORD);
  const bossClient = new TestClient(server.baseUrl);
  await bossClient.login(bossUser.email, TEST_PASSWORD);
  const types = await staffClient.get("/api/v1/hasil-kerja-types");
  const typeId = types.body.items.find((t: { code: string }) => t.code === "KH-03").id;
  const titles = ["Liputan Pesta Kesenian Bali di situs resmi", "Siaran pers vaksinasi HPV di sekolah dasar"];
  const ids: string[] = [];
  for (const [i, title] of titles.entries()) {
    const created = await staffClient.post("/api/v1/work-logs", {
      officerId: staff.body.id,
      hasilKerjaTypeId: typeId,
      occurredAt: `2025-0${i + 3}-10T09:30:00+08:00`,
      title,
      description: "Uraian kegiatan.",
    });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  await staffClient.post(`/api/v1/work-logs/${ids[0]}/evidence`, {
    kind: "link",
    url: "https://www.baliprov.go.id/berita/pkb",
    label: "Berita",
  });
  await staffClient.post("/api/v1/work-logs/submit", { ids });
  const decided = await bossClient.post("/api/v1/work-logs/decisions", { ids, decision: "approve" });
  expect(decided.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
  // A draft is not part of the report.
  await staffClient.post("/api/v1/work-logs", {
    officerId: staff.body.id,
    hasilKerjaTypeId: typeId,
    occurredAt: "2025-05-10T09:30:00+08:00",
    title: "Draf yang belum diajukan",
  });
  const rated = await bossClient.post(`/api/v1/officers/${staff.body.id}/ratings`, {
    startMonth: "2025-01",
    endMonth: "2025-12",
    predikat: "sangat_baik",
  });
  expect(rated.status).toBe(201);
  return { tree, officerId: staff.body.id, officerNip, bossNip, staff: staffClient, boss: bossClient, editor: editor.client, titles };
}

/** The raw bytes of a download (the test client reads text). */
async function fetchBinary(client: TestClient, url: string) {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: client.cookie ?? "", "accept-language": client.lang } });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    disposition: res.headers.get("content-disposition"),
    data: Buffer.from(await res.arrayBuffer()),
  };
}

function pdfText(data: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sinergi-pdf-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, data);
  // -raw keeps the content stream's order, so a wrapped table cell reads as one run of text.
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/[ \n]+/g, " ");
}

async function readXlsx(data: Buffer) {
  const wb = await newWorkbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

const period = "from=2025-01-01&to=2025-12-31";

describe("officer report", () => {
  it("renders one PDF with the work report and the AK statement, kop, identity and signatures", async () => {
    const t = await team();
    const res = await fetchBinary(t.staff, `/api/v1/officers/${t.officerId}/report.pdf?${period}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    expect(res.disposition).toContain(`laporan-${t.officerNip}-2025-01-01-2025-12-31.pdf`);
    const text = pdfText(res.data);
    for (const title of t.titles) expect(text).toContain(title);
    expect(text).not.toContain("Draf yang belum diajukan");
    expect(text).toContain("LAPORAN HASIL KERJA");
    expect(text).toContain("KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT");
    expect(text).toContain(t.tree.names.root.toUpperCase());
    expect(text).toContain(t.tree.names.opdA.toUpperCase());
    expect(text).toContain(t.officerNip);
    expect(text).toContain("Pranata Hubungan Masyarakat Ahli Pertama");
    expect(text).toContain("Penata Muda, III/a");
    expect(text).toContain(BOSS_NAME);
    expect(text).toContain(`NIP. ${t.bossNip}`);
    expect(text).toContain("Atasan Langsung");
    expect(text).toMatch(/Sangat Baik/);
    expect(text).toContain("18,75"); // Ahli Pertama, Sangat Baik, a full year: 150% × 12.5
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it("gives the same data as XLSX sheets", async () => {
    const t = await team();
    const res = await fetchBinary(t.boss, `/api/v1/officers/${t.officerId}/report.xlsx?${period}`);
    expect(res.status).toBe(200);
    expect(res.type).toContain("spreadsheetml");
    const wb = await readXlsx(res.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hasil Kerja", "Angka Kredit"]);
    const work = wb.getWorksheet("Hasil Kerja");
    expect(work?.getRow(3).getCell(2).value).toBe(t.officerNip);
    expect(work?.getRow(9).getCell(5).value).toBe("Judul");
    expect(work?.getRow(10).getCell(5).value).toBe(t.titles[0]);
    expect(work?.getRow(10).getCell(6).value).toBe(1);
    expect(work?.getRow(11).getCell(5).value).toBe(t.titles[1]);
    expect(work?.getRow(12).getCell(5).value ?? null).toBeNull();
    const ak = wb.getWorksheet("Angka Kredit");
    expect(ak?.getRow(10).getCell(6).value).toBe("Sangat Baik");
    expect(ak?.getRow(10).getCell(10).value).toBe(18.75);
  });

  it("answers 404 for an officer of another agency, and 400 naming the wrong date", async () => {
    const t = await team();
    const outsider = await signedIn(server, t.tree.opdB, "editor");
    expect((await fetchBinary(outsider.client, `/api/v1/officers/${t.officerId}/report.pdf?${period}`)).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/officers/${t.officerId}/report.xlsx?${period}`)).status).toBe(404);
    // The province's coordinator reads it (subtree).
    const coordinator = await signedIn(server, t.tree.root, "coordinator");
    expect((await fetchBinary(coordinator.client, `/api/v1/officers/${t.officerId}/report.xlsx?${period}`)).status).toBe(200);

    const reversed = await t.staff.get(`/api/v1/officers/${t.officerId}/report.pdf?from=2025-06-01&to=2025-05-31`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields.to).toBe("Tanggal akhir tidak boleh sebelum tanggal awal (2025-06-01).");
    const long = await t.staff.get(`/api/v1/officers/${t.officerId}/report.pdf?from=2020-01-01&to=2025-01-01`);
    expect(long.status).toBe(400);
    expect(long.body.error.fields.to).toBe("Periode laporan paling lama 5 tahun.");
    const fiveYears = await fetchBinary(t.staff, `/api/v1/officers/${t.officerId}/report.pdf?from=2020-01-01&to=2024-12-31`);
    expect(fiveYears.status).toBe(200);
    const malformed = await t.staff.get(`/api/v1/officers/${t.officerId}/report.pdf?from=2025-13-01&to=2025-12-31`);
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.error.fields)).toEqual(["querystring.from"]);
    const missing = await t.staff.get(`/api/v1/officers/${t.officerId}/report.pdf?from=2025-01-01`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields["querystring.to"]).toBe("Wajib diisi.");
  });

  it("paginates a long work report with repeated headers and page numbers", async () => {
    const t = await team();
    const types = await t.staff.get("/api/v1/hasil-kerja-types");
    const typeId = types.body.items.find((x: { code: string }) => x.code === "KH-03").id;
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const created = await t.staff.post("/api/v1/work-logs", {
        officerId: t.officerId,
        hasilKerjaTypeId: typeId,
        occurredAt: `2025-07-${day}T10:00:00+08:00`,
        title: `Konten media daring nomor ${i + 1} tentang layanan kesehatan masyarakat`,
      });
      ids.push(created.body.id);
    }
    await t.staff.post("/api/v1/work-logs/submit", { ids });
    await t.boss.post("/api/v1/work-logs/decisions", { ids, decision: "approve" });
    const res = await fetchBinary(t.staff, `/api/v1/officers/${t.officerId}/report.pdf?${period}`);
    const text = pdfText(res.data);
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`Halaman ${pages.length} dari ${pages.length}`);
    // The entries' header repeats on the page the table continues on.
    expect(pages[1]).toContain("Judul / Uraian");
    expect(text).toContain("nomor 45 tentang");
  });
});
