import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import type { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const HEADER =
  "Nama,Media,Jabatan,Liputan,Jenjang UKW,Email,Telepon,Tujuan persetujuan,Dasar persetujuan,Tanggal persetujuan,Sumber persetujuan";

function preview(client: TestClient, organizationId: string, body: string | Uint8Array, name = "wartawan.csv") {
  const form = new FormData();
  form.append("organizationId", organizationId);
  form.append("file", new Blob([body as BlobPart]), name);
  return client.request("POST", "/api/v1/journalists/import/preview", form);
}

describe("journalist import and export", () => {
  it("previews per-row errors, then commits only the valid rows (the officer import's semantics)", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    await client.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "Kaltim Pos", type: "cetak" });
    await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Lama", email: "lama@media.id" });
    const csv = [
      HEADER,
      "Budi Santoso,PT Kaltim Pos,Pemimpin Redaksi,pemerintahan; politik,Utama,budi@media.id,0812-1111-2222,Undangan liputan,persetujuan,2025-01-02,formulir",
      "Salah Email,Kaltim Pos,reporter,,,bukan-email,,,,,",
      "Media Asing,Koran Antah,reporter,,,,,,,,",
      "Telepon Ganda,,,,madya,,+62 812 1111 2222,,,,",
      "Sudah Ada,,,,,LAMA@media.id,,,,,",
    ].join("\n");
    const res = await preview(client, tree.opdA.id, csv);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(1);
    expect(res.body.invalid).toBe(4);
    const byRow = Object.fromEntries(res.body.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ name: "Budi Santoso", ok: true, errors: [] });
    expect(byRow[3].errors.map((e: { field: string }) => e.field)).toEqual(["email"]);
    expect(byRow[4].errors[0]).toMatchObject({ field: "outlet" });
    expect(byRow[4].errors[0].message).toContain("Koran Antah");
    expect(byRow[5].errors[0]).toMatchObject({ field: "phone" });
    expect(byRow[5].errors[0].message).toContain("2");
    expect(byRow[6].errors[0].message).toContain("Lama");
    // Nothing is written by a preview.
    expect((await client.get("/api/v1/journalists")).body.total).toBe(1);

    const commit = await client.post("/api/v1/journalists/import/commit", { token: res.body.token });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ created: 1 });
    const list = await client.get("/api/v1/journalists?q=budi");
    expect(list.body.items[0]).toMatchObject({
      name: "Budi Santoso",
      ukwLevel: "utama",
      phone: "+6281211112222",
      beats: ["pemerintahan", "politik"],
    });
    expect(list.body.items[0].memberships[0]).toMatchObject({ outletName: "Kaltim Pos", role: "pemimpin_redaksi" });
    expect((await client.post("/api/v1/journalists/import/commit", { token: res.body.token })).status).toBe(409);
  });

  it("refuses a file that is not a spreadsheet and a sheet without the name column", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await preview(client, tree.opdA.id, png, "x.csv")).status).toBe(415);
    const noName = await preview(client, tree.opdA.id, "Email\nx@y.id\n");
    expect(noName.status).toBe(400);
    expect(noName.body.error.code).toBe("import_columns_missing");
    const { client: viewer } = await signedIn(server, tree.opdA, "viewer");
    expect((await preview(viewer, tree.opdA.id, `${HEADER}\nA B,,,,,,,,,,\n`)).status).toBe(403);
    const { client: stranger } = await signedIn(server, tree.opdB, "editor");
    expect((await preview(stranger, tree.opdA.id, `${HEADER}\nA B,,,,,,,,,,\n`)).status).toBe(404);
  });

  it("exports the filtered list as CSV with formula cells guarded, and as XLSX that re-imports", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    await client.post("/api/v1/journalists", {
      organizationId: tree.opdA.id,
      name: '=HYPERLINK("x")',
      ukwLevel: "muda",
      phone: "081233334444",
    });
    await client.post("/api/v1/journalists", { organizationId: tree.opdA.id, name: "Nur Madya", ukwLevel: "madya" });
    const csv = await client.get("/api/v1/journalists/export.csv?ukwLevel=muda");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain("'=HYPERLINK");
    expect(csv.text).toContain("'+6281233334444");
    expect(csv.text).not.toContain("Nur Madya");

    const xlsx = await fetch(`${server.baseUrl}/api/v1/journalists/export.xlsx`, { headers: { cookie: client.cookie ?? "" } });
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const again = await preview(client, tree.opdB.id, bytes, "wartawan.xlsx");
    // opdB is outside this editor's scope; the opdA import sees every contact as taken.
    expect(again.status).toBe(404);
    const same = await preview(client, tree.opdA.id, bytes, "wartawan.xlsx");
    expect(same.status).toBe(200);
    expect(same.body.rows.map((r: { name: string }) => r.name).sort()).toEqual(['=HYPERLINK("x")', "Nur Madya"]);
    const phoneRow = same.body.rows.find((r: { name: string }) => r.name.startsWith("="));
    expect(phoneRow.errors[0]).toMatchObject({ field: "phone" });
  });
});
