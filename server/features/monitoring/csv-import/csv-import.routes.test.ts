import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, monitoringSources } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree, signedIn } from "../../../test/factories";
import type { TestClient } from "../../../test/http-client";
import { startTestServer, type TestServer } from "../../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

function preview(client: TestClient, organizationId: string, body: string | Uint8Array, name = "meltwater.csv", sourceId?: string) {
  const form = new FormData();
  form.append("organizationId", organizationId);
  if (sourceId) form.append("sourceId", sourceId);
  form.append("file", new Blob([body as BlobPart]), name);
  return client.request("POST", "/api/v1/monitoring/csv-import/preview", form);
}

const byRow = (rows: { row: number }[]) => Object.fromEntries(rows.map((r) => [r.row, r])) as Record<number, any>;

describe("CSV import from other monitoring tools", () => {
  it("maps Meltwater-like headers, reports malformed rows by line while the other rows go through", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const csv = [
      "Date,Headline,URL,Source,Hit Sentence,Author,Reach",
      '2026-11-18T08:00:00+08:00,Dinkes gelar vaksinasi massal,https://kabar.example/dinkes-vaksinasi,Kabar Bali,"Dinas Kesehatan menggelar vaksinasi massal, diikuti ribuan pelajar.",Ayu,1200',
      '18/11/2026 10:15,"Banjir rendam ""Denpasar"" barat",https://kabar.example/banjir?utm_source=x,Kabar Bali,"Banjir setinggi lutut.\nWarga mengungsi ke balai banjar.",,300',
      '2026-11-18,Kutipan rusak,https://kabar.example/rusak,Kabar Bali,"teks tanpa penutup kutip,Budi,10',
      "2026-11-18,Kolom bergeser,https://kabar.example/geser,Kabar Bali,teks,dengan koma,Budi,10,ekstra",
      "kemarin,Tanggal aneh,https://kabar.example/tanggal,Kabar Bali,teks,,1",
      "2026-11-19,URL salah,kabar.example/tanpa-skema,Kabar Bali,teks,,1",
      "19 November 2026,Salinan,https://kabar.example/banjir,Kabar Bali,Teks lain di URL yang sama,,1",
      "Nov 19 2026 9:05 PM,Terakhir,https://kabar.example/terakhir,Warta,Baris terakhir tetap masuk.,,1",
    ].join("\r\n");
    const res = await preview(client, tree.opdA.id, csv);
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual({
      Date: "date",
      Headline: "title",
      URL: "url",
      Source: "outlet",
      "Hit Sentence": "text",
      Author: "author",
    });
    expect(res.body.ignoredColumns).toEqual(["Reach"]);
    const rows = byRow(res.body.rows);
    expect(rows[2]).toMatchObject({
      ok: true,
      title: "Dinkes gelar vaksinasi massal",
      outlet: "Kabar Bali",
      publishedAt: "2026-11-18T00:00:00.000Z",
    });
    // A quoted field spanning two lines is one record; the next record starts on line 5.
    expect(rows[3]).toMatchObject({ ok: true, title: 'Banjir rendam "Denpasar" barat' });
    expect(rows[5].errors).toEqual([{ field: "row", message: "Tanda kutip di baris ini tidak ditutup; baris dilewati." }]);
    expect(rows[6].errors[0].field).toBe("row");
    expect(rows[6].errors[0].message).toContain("9 kolom");
    expect(rows[7].errors).toEqual([{ field: "date", message: expect.stringContaining("kemarin") }]);
    expect(rows[8].errors[0].field).toBe("url");
    expect(rows[9].errors[0]).toMatchObject({ field: "url", message: expect.stringContaining("baris 3") });
    expect(rows[10]).toMatchObject({ ok: true, title: "Terakhir" });
    expect(res.body).toMatchObject({ valid: 3, invalid: 5 });
    expect(await server.services.db.select().from(articles).where(eq(articles.organizationId, tree.opdA.id))).toHaveLength(0);

    const commit = await client.post("/api/v1/monitoring/csv-import/commit", { token: res.body.token });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ inserted: 3, duplicates: 0, rejected: [] });
    const stored = await server.services.db.select().from(articles).where(eq(articles.organizationId, tree.opdA.id));
    expect(stored.map((a) => a.title).sort()).toEqual(['Banjir rendam "Denpasar" barat', "Dinkes gelar vaksinasi massal", "Terakhir"]);
    const flood = stored.find((a) => a.title.startsWith("Banjir"));
    expect(flood?.canonicalUrl).toBe("https://kabar.example/banjir");
    // 18/11/2026 10:15 is day first, in the organization's zone.
    expect(flood?.publishedAt.toISOString()).toMatch(/^2026-11-18T0[1-3]:15/);
    expect((await client.post("/api/v1/monitoring/csv-import/commit", { token: res.body.token })).status).toBe(409);

    // Importing the same file again stores nothing twice.
    const again = await preview(client, tree.opdA.id, csv);
    const second = await client.post("/api/v1/monitoring/csv-import/commit", { token: again.body.token });
    expect(second.body).toMatchObject({ inserted: 0, duplicates: 3 });
  });

  it("reads Meltwater's UTF-16 tab-separated export and XLSX, and counts items on a csv source", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const sourceId = newId();
    await server.services.db
      .insert(monitoringSources)
      .values({ id: sourceId, organizationId: tree.opdA.id, kind: "csv", name: "Impor Meltwater" });
    const tsv = [
      "Judul\tTautan\tTanggal\tMedia\tIsi",
      "Pasar murah digelar\thttps://warta.example/pasar\t20 Nov 2026\tWarta\tPasar murah di lapangan.",
    ].join("\n");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
    const res = await preview(client, tree.opdA.id, utf16, "export.csv", sourceId);
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ ok: true, title: "Pasar murah digelar", outlet: "Warta" });
    expect((await client.post("/api/v1/monitoring/csv-import/commit", { token: res.body.token })).body.inserted).toBe(1);
    const [source] = await server.services.db.select().from(monitoringSources).where(eq(monitoringSources.id, sourceId));
    expect(source.itemsTotal).toBe(1);

    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Export");
    sheet.addRow(["Title", "Link", "Published Date", "Media Type", "Content"]);
    sheet.addRow(["Siaran radio soal banjir", "https://radio.example/banjir", new Date("2026-11-19T03:00:00Z"), "Radio", "Siaran pagi."]);
    sheet.addRow(["Jenis aneh", "https://radio.example/aneh", new Date("2026-11-19T03:00:00Z"), "hologram", "x"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await preview(client, tree.opdA.id, xlsx, "talkwalker.xlsx");
    expect(x.status).toBe(200);
    expect(x.body.rows[0]).toMatchObject({ ok: true, publishedAt: "2026-11-19T03:00:00.000Z" });
    expect(x.body.rows[1].errors[0]).toMatchObject({ field: "kind", message: expect.stringContaining("hologram") });
    await client.post("/api/v1/monitoring/csv-import/commit", { token: x.body.token });
    const [radio] = await server.services.db
      .select()
      .from(articles)
      .where(and(eq(articles.organizationId, tree.opdA.id), eq(articles.title, "Siaran radio soal banjir")));
    expect(radio.kind).toBe("radio");
  });

  it("refuses a file without a URL column, a binary file, another tenant and a viewer", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const noUrl = await preview(client, tree.opdA.id, "Title,Date\nA,2026-01-01\n");
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.error.code).toBe("import_columns_missing");
    expect(noUrl.body.error.message).toContain("url");
    expect((await preview(client, tree.opdA.id, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), "x.csv")).status).toBe(415);
    const body = "url,title\nhttps://a.example/1,Satu\n";
    const { client: other } = await signedIn(server, tree.opdB, "editor");
    expect((await preview(other, tree.opdA.id, body)).status).toBe(404);
    const { client: viewer } = await signedIn(server, tree.opdA, "viewer");
    expect((await preview(viewer, tree.opdA.id, body)).status).toBe(403);
    const mine = await preview(client, tree.opdA.id, body);
    // Only the uploader can commit the preview.
    const { client: colleague } = await signedIn(server, tree.opdA, "officer");
    expect((await colleague.post("/api/v1/monitoring/csv-import/commit", { token: mine.body.token })).status).toBe(400);
    const template = await client.get("/api/v1/monitoring/csv-import/template.csv");
    expect(template.text).toContain("url,title,date,outlet,text,author");
  });
});
