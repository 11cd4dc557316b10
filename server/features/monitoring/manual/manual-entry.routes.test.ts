import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, auditLog, monitoringOcrScans } from "../../../db/schema";
import { createTree, signedIn } from "../../../test/factories";
import type { TestClient } from "../../../test/http-client";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { renderBlankScan, renderScan, renderScanPdf, SCAN_PARAGRAPH, SCAN_WORDS } from "./ocr/test-scans";
import { ocrScanJob, sweepOcrScansJob } from "./ocr-scan.job";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

function upload(client: TestClient, organizationId: string, data: Uint8Array, name: string) {
  const form = new FormData();
  form.append("organizationId", organizationId);
  form.append("file", new Blob([data as BlobPart]), name);
  return client.request("POST", "/api/v1/monitoring/manual/scans", form);
}

const entry = (organizationId: string, over: Record<string, unknown> = {}) => ({
  organizationId,
  kind: "print",
  outletName: "Bali Post",
  publishedOn: "2026-11-20",
  publishedTime: "06:00",
  page: "Hal. 5",
  title: "Jembatan baru di Gianyar diresmikan",
  text: "Teks berita.",
  ...over,
});

describe("manual print/TV/radio entry with OCR", () => {
  it("OCRs an uploaded newspaper scan in Indonesian, lets the officer edit the text, then saves it as an item", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const res = await upload(client, tree.opdA.id, await renderScan("png"), "bali-post-hal5.png");
    expect(res.status).toBe(202);
    // Inline jobs: the OCR already ran; a worker would move queued → running → done.
    const scan = (await client.get(`/api/v1/monitoring/manual/scans/${res.body.id}`)).body;
    expect(scan).toMatchObject({ status: "done", pagesTotal: 1, pagesDone: 1, mimeType: "image/png", error: null, articleId: null });
    for (const word of SCAN_WORDS) expect(scan.text).toContain(word);
    expect(scan.confidence).toBeGreaterThan(70);
    const file = await client.get(`/api/v1/monitoring/manual/scans/${scan.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");

    const edited = `${scan.text}\n\nKoreksi petugas: kutipan gubernur dilengkapi.`;
    const saved = await client.post("/api/v1/monitoring/manual/entries", entry(tree.opdA.id, { text: edited, scanId: scan.id }));
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ duplicate: false, result: { inserted: 1 } });
    const [article] = await server.services.db.select().from(articles).where(eq(articles.id, saved.body.articleId));
    expect(article).toMatchObject({
      organizationId: tree.opdA.id,
      kind: "print",
      outletName: "Bali Post",
      title: "Jembatan baru di Gianyar diresmikan",
      section: "Hal. 5",
    });
    expect(article.url).toMatch(/^manual:/);
    // 06:00 in the organization's zone (WITA for a Bali tree? the factory's default zone decides).
    expect(article.publishedAt.toISOString().slice(0, 10)).toBe("2026-11-19");
    expect(`${article.lead}\n\n${article.body}`).toContain("Koreksi petugas");
    expect((await client.get(`/api/v1/monitoring/manual/scans/${scan.id}`)).body.articleId).toBe(article.id);
    // A scan becomes one item only.
    const again = await client.post("/api/v1/monitoring/manual/entries", entry(tree.opdA.id, { title: "Lain", scanId: scan.id }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ocr_scan_used");
    const audits = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, article.id));
    expect(audits.map((a) => a.action)).toEqual(["monitoring_item.manual_entry"]);
    expect(audits[0].after).toMatchObject({ page: "Hal. 5", scanId: scan.id });
  }, 60_000);

  it("reads a two-page scanned PDF page by page", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const pdf = await renderScanPdf([SCAN_PARAGRAPH, ["Bupati Badung meninjau pasar tradisional", "di Kecamatan Kuta Selatan."]]);
    const res = await upload(client, tree.opdA.id, pdf, "koran.pdf");
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "done", pagesTotal: 2, pagesDone: 2, mimeType: "application/pdf" });
    expect(res.body.text).toContain("Gianyar");
    expect(res.body.text).toContain("Kuta");
  }, 90_000);

  it("gives clear errors: a blank scan (no text), a corrupt file, a file that is not a scan", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const blank = await upload(client, tree.opdA.id, await renderBlankScan(), "kosong.png");
    expect(blank.status).toBe(202);
    expect(blank.body.status).toBe("failed");
    expect(blank.body.error.code).toBe("ocr_no_text");
    expect(blank.body.error.message).toContain("Tidak ada teks yang terbaca");

    const png = await renderScan("png");
    const corrupt = await upload(client, tree.opdA.id, png.subarray(0, 300), "rusak.png");
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.error.code).toBe("ocr_unreadable");
    const pdf = await upload(client, tree.opdA.id, Buffer.from("%PDF-1.4\n1 0 obj broken"), "rusak.pdf");
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe("ocr_unreadable");
    const text = await upload(client, tree.opdA.id, Buffer.from("bukan gambar"), "catatan.png");
    expect(text.status).toBe(415);
    // The officer can still type the item by hand.
    const typed = await client.post(
      "/api/v1/monitoring/manual/entries",
      entry(tree.opdA.id, { kind: "radio", page: "RRI Pro 1, Warta Berita" }),
    );
    expect(typed.status).toBe(201);
    // The programme is kept on the article and shown with it.
    const shown = await client.get(`/api/v1/monitoring/articles/${typed.body.articleId}`);
    expect(shown.body).toMatchObject({ kind: "radio", section: "RRI Pro 1, Warta Berita" });
  }, 60_000);

  it("reads a scan once: a second job for a claimed scan does nothing, the sweep re-runs a stranded one", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const res = await upload(client, tree.opdA.id, await renderScan("png"), "scan.png");
    expect(res.body.status).toBe("done");
    const db = server.services.db;
    const row = () => db.select().from(monitoringOcrScans).where(eq(monitoringOcrScans.id, res.body.id));
    // Another worker holds the scan: a duplicate job must not read it again.
    await db.update(monitoringOcrScans).set({ status: "running", text: "sebagian" }).where(eq(monitoringOcrScans.id, res.body.id));
    await ocrScanJob.handler({ scanId: res.body.id }, server.services);
    expect((await row())[0]).toMatchObject({ status: "running", text: "sebagian" });
    // A scan whose job never started (queued for long) is picked up by the sweep and read.
    await db
      .update(monitoringOcrScans)
      .set({ status: "queued", text: null, createdAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(monitoringOcrScans.id, res.body.id));
    await sweepOcrScansJob.handler({}, server.services);
    const [swept] = await row();
    expect(swept.status).toBe("done");
    for (const word of SCAN_WORDS) expect(swept.text).toContain(word);
  }, 60_000);

  it("keeps tenants apart and checks roles and fields", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const scan = await upload(client, tree.opdA.id, await renderScan("jpeg"), "scan.jpg");
    expect(scan.body.status).toBe("done");
    const { client: other } = await signedIn(server, tree.opdB, "editor");
    expect((await other.get(`/api/v1/monitoring/manual/scans/${scan.body.id}`)).status).toBe(404);
    expect((await other.post("/api/v1/monitoring/manual/entries", entry(tree.opdA.id))).status).toBe(404);
    expect((await other.post("/api/v1/monitoring/manual/entries", entry(tree.opdB.id, { scanId: scan.body.id }))).status).toBe(404);
    const { client: viewer } = await signedIn(server, tree.opdA, "viewer");
    expect((await viewer.post("/api/v1/monitoring/manual/entries", entry(tree.opdA.id))).status).toBe(403);
    expect((await upload(viewer, tree.opdA.id, await renderScan("png"), "x.png")).status).toBe(403);
    const bad = await client.post(
      "/api/v1/monitoring/manual/entries",
      entry(tree.opdA.id, { kind: "web", title: "", publishedOn: "20-11-2026" }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["kind", "publishedOn", "title"]);
  }, 60_000);
});

describe("manual entry without OCR installed", () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startTestServer({ env: { TESSERACT_BIN: "/nonexistent/tesseract" } });
  });
  afterAll(async () => bare?.close());

  it("answers 503 'OCR tidak tersedia' on the scan upload only; typed entries still work", async () => {
    const tree = await createTree(bare.services);
    const { client } = await signedIn(bare, tree.opdA, "officer");
    const res = await upload(client, tree.opdA.id, await renderScan("png"), "scan.png");
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("ocr_unavailable");
    expect(res.body.error.message).toContain("OCR tidak tersedia");
    expect((await client.post("/api/v1/monitoring/manual/entries", entry(tree.opdA.id))).status).toBe(201);
  });
});
