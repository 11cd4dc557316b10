import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICER_SHEET_COLUMNS } from "../../../common/schemas/officer-import";
import { createTree, signedIn, type TestTree } from "../../test/factories";
import type { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let nipSeq = 500;
/** A valid NIP: born 1988-11-03, CPNS since 2012-12, male, a fresh sequence. */
const nextNip = () => `198811032012121${String(nipSeq++).padStart(3, "0")}`;
const HEADERS = OFFICER_SHEET_COLUMNS.map((c) => c.header);

type Cell = string | number | Date | null;
async function xlsx(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Pranata Humas");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: TestClient, data: Buffer | string, fileName: string) {
  const form = new FormData();
  form.append("file", new Blob([typeof data === "string" ? data : new Uint8Array(data)]), fileName);
  return client.request("POST", "/api/v1/officers/import/preview", form);
}

/** Binary downloads: the test client reads bodies as text. */
async function download(client: TestClient, url: string) {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: client.cookie ?? "" } });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

async function slugOf(id: string): Promise<string> {
  const res = await server.services.database.sql.query("select slug from organizations where id = $1", [id]);
  return (res.rows[0] as { slug: string }).slug;
}

async function officerCount(tree: TestTree): Promise<number> {
  const res = await server.services.database.sql.query(
    "select count(*)::int as n from officers o join organizations g on g.id = o.organization_id where g.path like $1",
    [`${tree.root.path}%`],
  );
  return (res.rows[0] as { n: number }).n;
}

/** Three valid rows (one supervised by another row of the file) and two invalid ones. */
async function mixedFile(tree: TestTree) {
  const [opdA, unitA] = [await slugOf(tree.opdA.id), await slugOf(tree.unitA.id)];
  const boss = nextNip();
  const rows: Cell[][] = [
    [
      nextNip(),
      "Ni Luh Sari",
      unitA,
      "Ahli Pertama",
      "III/a",
      "2024-01-01",
      "01/04/2023",
      boss,
      null,
      "S1 Ilmu Komunikasi",
      "sari@bali.go.id",
      "+62361222333",
      12.5,
    ],
    [boss, "I Made Wirawan", opdA, "ahli_muda", "iii/c", new Date(Date.UTC(2022, 6, 1)), "2022-04-01", null, null, null, null, null, null],
    [nextNip(), "Komang Ayu", opdA, "TERAMPIL", "II/c", "2021-01-01", "2021-01-01", null, null, null, null, null, "7,5"],
    ["19880103201212", "NIP Pendek", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01", null, null, null, null, null, null],
    [
      nextNip(),
      "Organisasi Asing",
      "tidak-ada-organisasi",
      "Ahli Pertama",
      "III/a",
      "2024-01-01",
      "2024-01-01",
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ];
  return { rows, boss };
}

describe("officer import", () => {
  it("previews per-row errors without writing, then commits exactly the valid rows, once", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const { rows, boss } = await mixedFile(tree);
    const preview = await upload(client, await xlsx(rows), "pegawai.xlsx");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: 3, invalid: 2 });
    expect(preview.body.rows.map((r: { row: number; ok: boolean }) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, true],
      [5, false],
      [6, false],
    ]);
    expect(preview.body.rows[1]).toMatchObject({ nip: boss, name: "I Made Wirawan", organizationName: tree.names.opdA, errors: [] });
    expect(preview.body.rows[3].errors).toEqual([{ field: "nip", message: "NIP harus 18 digit." }]);
    expect(preview.body.rows[4].errors).toEqual([
      { field: "organization", message: "Kode organisasi tidak-ada-organisasi tidak ditemukan." },
    ]);
    expect(await officerCount(tree)).toBe(0);

    const commit = await client.post("/api/v1/officers/import/commit", { token: preview.body.token });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ created: 3 });
    const list = await client.get("/api/v1/officers?sort=name");
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(["I Made Wirawan", "Komang Ayu", "Ni Luh Sari"]);
    const sari = list.body.items.find((o: { name: string }) => o.name === "Ni Luh Sari");
    const detail = await client.get(`/api/v1/officers/${sari.id}`);
    expect(detail.body).toMatchObject({
      supervisorName: "I Made Wirawan",
      organizationName: tree.names.unitA,
      tmtJabatan: "2024-01-01",
      tmtPangkat: "2023-04-01",
      phone: "+62361222333",
      akAwal: 12.5,
    });
    expect(detail.body.career).toHaveLength(2);
    const audit = await server.services.database.sql.query(
      "select count(*)::int as n from audit_log where action = 'officer.create' and organization_id = any($1)",
      [[tree.opdA.id, tree.unitA.id]],
    );
    expect((audit.rows[0] as { n: number }).n).toBe(3);

    const again = await client.post("/api/v1/officers/import/commit", { token: preview.body.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("import_token_used");
    expect(await officerCount(tree)).toBe(3);
    expect((await client.post("/api/v1/officers/import/commit", { token: "x".repeat(43) })).status).toBe(400);
  });

  it("writes nothing when a confirmed row became invalid, and answers the fresh preview", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const opdA = await slugOf(tree.opdA.id);
    const [first, second] = [nextNip(), nextNip()];
    const file = await xlsx([
      [first, "Pertama", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"],
      [second, "Kedua", opdA, "Ahli Pertama", "III/b", "2024-01-01", "2024-01-01"],
    ]);
    const preview = await upload(client, file, "a.xlsx");
    expect(preview.body.valid).toBe(2);
    // Someone registers one of the NIPs between preview and confirmation.
    const direct = await client.post("/api/v1/officers", {
      nip: second,
      name: "Kedua (langsung)",
      organizationId: tree.opdA.id,
      jenjang: "ahli_pertama",
      golongan: "III/a",
      tmtJabatan: "2024-01-01",
      tmtPangkat: "2024-01-01",
    });
    expect(direct.status).toBe(201);
    const conflict = await client.post("/api/v1/officers/import/commit", { token: preview.body.token });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("import_changed");
    expect(conflict.body.preview).toMatchObject({ valid: 1, invalid: 1 });
    expect(conflict.body.preview.rows[1].errors[0]).toEqual({ field: "nip", message: "NIP ini sudah terdaftar." });
    expect(await officerCount(tree)).toBe(1);
    // Confirming the fresh preview writes what it showed.
    const commit = await client.post("/api/v1/officers/import/commit", { token: preview.body.token });
    expect(commit.body).toEqual({ created: 1 });
    expect(await officerCount(tree)).toBe(2);
  });

  it("exports the list's format, which re-imports; another agency's codes are not found", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const { rows } = await mixedFile(tree);
    const preview = await upload(client, await xlsx(rows), "a.xlsx");
    await client.post("/api/v1/officers/import/commit", { token: preview.body.token });

    const exported = await download(client, "/api/v1/officers/export.xlsx?sort=name");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="pranata-humas-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.data as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Pranata Humas");
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet?.getRow(2).getCell(4).value).toBe("Ahli Muda");

    // Back into the same registry: every column reads cleanly; only the NIPs are taken now.
    const same = await upload(client, exported.data, "ekspor.xlsx");
    expect(same.body).toMatchObject({ valid: 0, invalid: 3 });
    for (const r of same.body.rows) expect(r.errors).toEqual([{ field: "nip", message: "NIP ini sudah terdaftar." }]);

    // Into another agency's tree: the rows are the same, the organization codes are out of sight.
    const other = await createTree(server.services);
    const outsider = await signedIn(server, other.opdA, "editor");
    const foreign = await upload(outsider.client, exported.data, "ekspor.xlsx");
    expect(foreign.status).toBe(200);
    expect(foreign.body.rows.map((r: { name: string }) => r.name)).toEqual(["I Made Wirawan", "Komang Ayu", "Ni Luh Sari"]);
    for (const r of foreign.body.rows) {
      expect(r.organizationName).toBeNull();
      expect(r.errors.map((e: { field: string }) => e.field)).toContain("organization");
      expect(r.errors.find((e: { field: string }) => e.field === "organization").message).toMatch(/tidak ditemukan/);
    }

    const csv = await download(client, "/api/v1/officers/export.csv?jenjang=terampil");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    // A BOM, so that Excel reads the UTF-8.
    expect([...csv.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.data.subarray(3).toString("utf8").trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADERS.join(","));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/Komang Ayu,.*,Terampil,II\/c,2021-01-01,2021-01-01,/);
    const csvAgain = await upload(client, csv.data, "ekspor.csv");
    expect(csvAgain.body.rows).toEqual([
      expect.objectContaining({ name: "Komang Ayu", errors: [{ field: "nip", message: "NIP ini sudah terdaftar." }] }),
    ]);

    const template = await download(client, "/api/v1/officers/import/template.xlsx");
    expect(template.status).toBe(200);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(template.data as unknown as ArrayBuffer);
    expect(twb.getWorksheet("Pranata Humas")?.rowCount).toBe(1);
    const codes = twb.getWorksheet("Kode organisasi")?.getColumn(1).values;
    expect(codes).toEqual(expect.arrayContaining([await slugOf(tree.opdA.id), await slugOf(tree.unitA.id)]));
  });

  it("reads CSV with semicolons and a BOM", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const opdA = await slugOf(tree.opdA.id);
    const csv = [
      HEADERS.join(";"),
      `${nextNip()};"Ni Wayan Sukerti; S.Sos.";${opdA};Ahli Madya;IV/b;15/07/2020;01/10/2021;;;S2;wayan@bali.go.id;;100,25`,
      "",
      `${nextNip()};Ketut Arta;${opdA};Mahir;III/b;2020-01-31;2020-02-29;;;;;;`,
    ].join("\r\n");
    const preview = await upload(client, `\uFEFF${csv}`, "pegawai.csv");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: 2, invalid: 0 });
    expect(preview.body.rows.map((r: { row: number; name: string }) => [r.row, r.name])).toEqual([
      [2, "Ni Wayan Sukerti; S.Sos."],
      [4, "Ketut Arta"],
    ]);
    const commit = await client.post("/api/v1/officers/import/commit", { token: preview.body.token });
    expect(commit.body).toEqual({ created: 2 });
    const list = await client.get("/api/v1/officers?jenjang=ahli_madya");
    const detail = await client.get(`/api/v1/officers/${list.body.items[0].id}`);
    expect(detail.body).toMatchObject({ golongan: "IV/b", tmtJabatan: "2020-07-15", tmtPangkat: "2021-10-01", akAwal: 100.25 });
  });

  it("answers a precise 4xx for every bad upload and never writes", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const renamed = await upload(client, "NIP,Nama\n1,2\n", "pegawai.xlsx");
    expect(renamed.status).toBe(415);
    expect(renamed.body.error.message).toMatch(/XLSX, CSV/);
    expect((await upload(client, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), "lama.xls")).status).toBe(415);
    expect((await upload(client, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "gambar.csv")).status).toBe(415);
    expect((await upload(client, "", "kosong.csv")).status).toBe(400);
    const headerOnly = await upload(client, await xlsx([]), "kosong.xlsx");
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error.code).toBe("import_empty");
    const missing = await upload(client, "NIP;Nama;Golongan\n198811032012121001;A;III/a\n", "kurang.csv");
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe("Kolom wajib tidak ada di baris judul: Kode organisasi, Jenjang, TMT Jabatan, TMT Pangkat.");
    const big = await upload(client, Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), "besar.csv");
    expect(big.status).toBe(413);
    const json = await client.request("POST", "/api/v1/officers/import/preview", { file: "x" });
    expect(json.status).toBe(415);
    const viewer = await signedIn(server, tree.opdA, "viewer");
    const opdA = await slugOf(tree.opdA.id);
    const row = [nextNip(), "A B", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"];
    expect((await upload(viewer.client, await xlsx([row]), "a.xlsx")).status).toBe(403);
    // Another user's token is unknown to this one.
    const preview = await upload(client, await xlsx([row]), "a.xlsx");
    const colleague = await signedIn(server, tree.opdA, "editor");
    expect((await colleague.client.post("/api/v1/officers/import/commit", { token: preview.body.token })).status).toBe(400);
    expect(await officerCount(tree)).toBe(0);
  });

  it("checks golongan, dates, supervisors and accounts per row", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const opdA = await slugOf(tree.opdA.id);
    const opdB = await slugOf(tree.opdB.id);
    const [a, b, dup] = [nextNip(), nextNip(), nextNip()];
    const preview = await upload(
      client,
      await xlsx([
        [nextNip(), "Golongan Salah", opdA, "Ahli Pertama", "IV/a", "2024-01-01", "2024-01-01"],
        [nextNip(), "Tanggal Salah", opdA, "Ahli Utama Sekali", "III/a", "31/02/2024", "kemarin"],
        [a, "Lingkar A", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01", b],
        [b, "Lingkar B", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01", a],
        [dup, "Kembar 1", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"],
        [dup, "Kembar 2", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"],
        [nextNip(), "Atasan Tak Dikenal", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01", "199001012015031001"],
        [nextNip(), "Akun Tak Dikenal", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01", null, "siapa@contoh.id"],
        [nextNip(), "OPD Lain", opdB, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"],
        [Number("198811032012121999"), "NIP Angka", opdA, "Ahli Pertama", "III/a", "2024-01-01", "2024-01-01"],
      ]),
      "a.xlsx",
    );
    expect(preview.body).toMatchObject({ valid: 0, invalid: 10 });
    const errs = preview.body.rows.map((r: { errors: { field: string; message: string }[] }) =>
      Object.fromEntries(r.errors.map((e) => [e.field, e.message])),
    );
    expect(errs[0].golongan).toMatch(/III\/a–III\/b/);
    expect(errs[1]).toMatchObject({
      jenjang: expect.stringMatching(/Ahli Pertama/),
      tmtJabatan: expect.stringMatching(/Tanggal tidak valid/),
    });
    expect(errs[1].tmtPangkat).toMatch(/Tanggal tidak valid/);
    expect(errs[2].supervisorNip).toMatch(/melingkar/);
    expect(errs[3].supervisorNip).toMatch(/melingkar/);
    expect(errs[4].nip).toBe(`Nilai ${dup} juga ada di baris 7 berkas ini.`);
    expect(errs[6].supervisorNip).toBe("NIP atasan 199001012015031001 tidak ditemukan.");
    expect(errs[7].userEmail).toMatch(/siapa@contoh.id tidak ditemukan/);
    // OPD B is outside the editor's subtree: as unknown as a code that does not exist.
    expect(errs[8].organization).toBe(`Kode organisasi ${opdB} tidak ditemukan.`);
    expect(errs[9].nip).toMatch(/sebagai teks/);
  });
});
