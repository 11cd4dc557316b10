import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UTC_OFFSET } from "../../../common/roles";
import { auditLog, contentAssets, contentItems, mediaAssets } from "../../db/schema";
import { newId } from "../../lib/ids";
import { createTree, signedIn } from "../../test/factories";
import type { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { exeBytes, getBytes, jpegWithGps, noisyJpeg, pngBytes, uploadForm, zipBytes } from "./media-test-kit";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MEDIA_IMAGE_MAX_MB: "1", MEDIA_MAX_MB: "3" } });
});
afterAll(async () => server?.close());

const upload = (client: TestClient, organizationId: string | null, data: Buffer, name: string, type?: string) =>
  client.request("POST", "/api/v1/media", uploadForm(organizationId, data, name, type));

const auditOf = (entityId: string, action: string) =>
  server.services.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("media upload", () => {
  it("stores a photo with renditions that carry no EXIF (GPS included) and prefills the date taken", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined(); // the fixture does carry GPS

    const res = await upload(client, tree.opdA.id, original, "banjir-badung.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const asset = res.body;
    expect(asset).toMatchObject({
      kind: "image",
      mime: "image/jpeg",
      fileName: "banjir-badung.jpg",
      sizeBytes: original.length,
      width: 1600,
      height: 900,
      organization: { id: tree.opdA.id },
      renditions: ["thumb", "medium", "large", "og"],
      thumbUrl: `/api/v1/media/${asset.id}/file?rendition=thumb`,
      rights: "free",
      usedIn: [],
      can: { read: true, upload: true, edit: true, delete: true },
    });
    // EXIF keeps local time; the organization's zone (WITA for a Bali tree) places it.
    expect(asset.takenAt).toBe(new Date(`2025-03-14T09:30:00${UTC_OFFSET[tree.opdA.timeZone]}`).toISOString());

    const expected = { thumb: [320, 180, "webp"], medium: [1280, 720, "webp"], large: [1600, 900, "webp"], og: [1200, 630, "jpeg"] };
    for (const [name, [width, height, format]] of Object.entries(expected)) {
      const file = await getBytes(client, `/api/v1/media/${asset.id}/file?rendition=${name}`);
      expect(file.status, name).toBe(200);
      expect(file.headers.get("content-disposition")).toMatch(/^inline/);
      expect(file.headers.get("cache-control")).toContain("private");
      const meta = await sharp(file.body).metadata();
      expect({ width: meta.width, height: meta.height, format: meta.format }, name).toEqual({ width, height, format });
      expect(meta.exif, `${name} must not carry EXIF`).toBeUndefined();
    }

    // The original is kept as it came (EXIF and all), for staff, as a download only.
    const kept = await getBytes(client, `/api/v1/media/${asset.id}/file?rendition=original`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(kept.body.equals(original)).toBe(true);
    const audit = await auditOf(asset.id, "media.upload");
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ fileName: "banjir-badung.jpg", kind: "image", via: "multipart" });
  });

  it("decides the type by content: a PNG named .jpg is a PNG, executables and archives are refused", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const png = await upload(client, tree.opdA.id, await pngBytes(), "foto.jpg", "image/jpeg");
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ kind: "image", mime: "image/png", width: 40, height: 30 });

    const exe = await upload(client, tree.opdA.id, exeBytes(), "laporan.pdf", "application/pdf");
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe("media_type_unsupported");
    expect(exe.body.error.message).toContain("application/x-msdownload");
    const zip = await upload(client, tree.opdA.id, zipBytes(), "foto.png", "image/png");
    expect(zip.status).toBe(415);
    expect(zip.body.error.message).toContain("application/zip");
    const text = await upload(client, tree.opdA.id, Buffer.from("bukan gambar sama sekali"), "gambar.webp");
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("media_type_unknown");

    const list = await client.get(`/api/v1/media?organizationId=${tree.opdA.id}`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([png.body.id]);
    // Refused files leave nothing in the spool directory.
    expect(await readdir(path.join(server.services.env.dataDir, "tmp", "media"))).toEqual([]);
  });

  it("refuses files over the limits with 413 naming the limit, and writes nothing", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const big = await noisyJpeg(1400, 1000);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const photo = await upload(client, tree.opdA.id, big, "besar.jpg", "image/jpeg");
    expect(photo.status).toBe(413);
    expect(photo.body.error).toMatchObject({ code: "media_image_too_large", message: "Foto melebihi batas 1 MB." });

    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3 * 1024 * 1024 + 10, 0x20)]);
    const doc = await upload(client, tree.opdA.id, pdf, "besar.pdf", "application/pdf");
    expect(doc.status).toBe(413);
    expect(doc.body.error).toMatchObject({ code: "file_too_large", message: "Berkas melebihi batas 3 MB." });
    const rows = await server.services.db.select().from(mediaAssets).where(eq(mediaAssets.organizationId, tree.opdA.id));
    expect(rows).toEqual([]);
  });

  it("asks for the organization, keeps uploads inside the uploader's scope and to writers", async () => {
    const tree = await createTree(server.services);
    const officer = await signedIn(server, tree.opdA, "officer");
    const viewer = await signedIn(server, tree.root, "viewer");
    const photo = await pngBytes();
    const none = await upload(officer.client, null, photo, "a.png");
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toHaveProperty("organizationId");
    expect((await upload(officer.client, tree.opdB.id, photo, "a.png")).status).toBe(404);
    expect((await upload(viewer.client, tree.opdA.id, photo, "a.png")).status).toBe(403);
    // A sub-unit is inside the officer's subtree.
    expect((await upload(officer.client, tree.unitA.id, photo, "a.png")).status).toBe(201);
  });
});

describe("media library", () => {
  it("answers 404 for another agency's asset on read, edit, file and delete", async () => {
    const tree = await createTree(server.services);
    const owner = await signedIn(server, tree.opdA, "editor");
    const other = await signedIn(server, tree.opdB, "admin");
    const { body: asset } = await upload(owner.client, tree.opdA.id, await jpegWithGps(400, 300), "rahasia.jpg");
    expect((await other.client.get(`/api/v1/media/${asset.id}`)).status).toBe(404);
    expect((await other.client.patch(`/api/v1/media/${asset.id}`, { caption: "diubah" })).status).toBe(404);
    expect((await getBytes(other.client, `/api/v1/media/${asset.id}/file?rendition=thumb`)).status).toBe(404);
    expect((await getBytes(other.client, `/api/v1/media/${asset.id}/file?rendition=original`)).status).toBe(404);
    expect((await other.client.delete(`/api/v1/media/${asset.id}`)).status).toBe(404);
    expect((await other.client.get("/api/v1/media")).body.total).toBe(0);
    // Read-only roles above the agency see it but cannot change it.
    const viewer = await signedIn(server, tree.root, "viewer");
    const seen = await viewer.client.get(`/api/v1/media/${asset.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toEqual({ read: true, upload: false, edit: false, delete: false });
    expect((await viewer.client.patch(`/api/v1/media/${asset.id}`, { caption: "diubah" })).status).toBe(403);
    expect((await owner.client.get(`/api/v1/media/${asset.id}`)).body.caption).toBe("");
  });

  it("finds assets by caption words, tag, kind, rights and organization, in the order asked", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "coordinator");
    const add = async (org: string, name: string, patch: Record<string, unknown>) => {
      const res = await upload(client, org, await pngBytes(), name);
      expect(res.status).toBe(201);
      expect((await client.patch(`/api/v1/media/${res.body.id}`, patch)).status).toBe(200);
      return res.body.id as string;
    };
    const flood = await add(tree.opdA.id, "b-banjir.png", { caption: "Banjir di Badung", tags: ["Bencana", "badung"] });
    const vaccine = await add(tree.unitA.id, "a-vaksin.png", { caption: "Vaksinasi anak", tags: ["kesehatan"], rights: "limited" });
    const dance = await add(tree.opdB.id, "c-tari.png", { caption: "Tari kecak", credit: "Humas Dispar", location: "Uluwatu" });

    const ids = async (query: string) => (await client.get(`/api/v1/media?${query}`)).body.items.map((a: { id: string }) => a.id);
    expect(await ids("q=banjir")).toEqual([flood]);
    expect(await ids("q=BADUNG%20banjir")).toEqual([flood]);
    expect(await ids("q=uluwatu")).toEqual([dance]);
    expect(await ids("q=dispar")).toEqual([dance]);
    expect(await ids("q=kesehatan")).toEqual([vaccine]);
    expect(await ids("tag=bencana")).toEqual([flood]);
    expect(await ids("tag=bencana&q=vaksin")).toEqual([]);
    expect(await ids("rights=limited")).toEqual([vaccine]);
    expect(await ids(`organizationId=${tree.opdA.id}&sort=name`)).toEqual([vaccine, flood]);
    expect(await ids("sort=name")).toEqual([vaccine, flood, dance]);
    expect(await ids("sort=oldest")).toEqual([flood, vaccine, dance]);
    expect(await ids("sort=newest&kind=image")).toEqual([dance, vaccine, flood]);
    expect(await ids("kind=video")).toEqual([]);
    const paged = await client.get("/api/v1/media?pageSize=2&page=2&sort=oldest");
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items.map((a: { id: string }) => a.id)).toEqual([dance]);
    expect((await client.get("/api/v1/media?kind=exe")).status).toBe(400);
  });

  it("edits the description and rights, recording before and after in the audit log", async () => {
    const tree = await createTree(server.services);
    const { client, user } = await signedIn(server, tree.opdA, "officer");
    const { body: asset } = await upload(client, tree.opdA.id, await pngBytes(), "rapat.png");
    const res = await client.patch(`/api/v1/media/${asset.id}`, {
      caption: "Rapat koordinasi",
      credit: "Humas Dinkes",
      takenAt: "2025-05-02T10:00:00+08:00",
      location: "Denpasar",
      altText: "Peserta rapat di ruang sidang",
      tags: [" Rapat ", "rapat", "Koordinasi"],
      rights: "limited",
      rightsNote: "Hanya untuk kanal resmi",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caption: "Rapat koordinasi",
      credit: "Humas Dinkes",
      takenAt: "2025-05-02T02:00:00.000Z",
      tags: ["rapat", "koordinasi"],
      rights: "limited",
      rightsNote: "Hanya untuk kanal resmi",
    });
    const [entry] = await auditOf(asset.id, "media.update");
    expect(entry.actorId).toBe(user.id);
    expect(entry.organizationId).toBe(tree.opdA.id);
    expect(entry.before).toMatchObject({ caption: "", rights: "free", tags: [] });
    expect(entry.after).toMatchObject({ caption: "Rapat koordinasi", rights: "limited", tags: ["rapat", "koordinasi"] });
    expect(entry.after).not.toHaveProperty("durationSeconds");

    const bad = await client.patch(`/api/v1/media/${asset.id}`, { durationSeconds: 30 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("durationSeconds");
    expect((await client.patch(`/api/v1/media/${asset.id}`, { rights: "mine" })).status).toBe(400);
    expect(await auditOf(asset.id, "media.update")).toHaveLength(1);
  });

  it("refuses to delete an asset in use (409) and lists where it is used; unused assets go with their files", async () => {
    const tree = await createTree(server.services);
    const uploader = await signedIn(server, tree.opdA, "officer");
    const colleague = await signedIn(server, tree.opdA, "officer");
    const { body: asset } = await upload(uploader.client, tree.opdA.id, await jpegWithGps(300, 200), "sampul.jpg");
    const contentId = newId();
    await server.services.db.insert(contentItems).values({
      id: contentId,
      organizationId: tree.opdA.id,
      type: "berita",
      title: "Posyandu keliling",
      slug: `posyandu-${contentId}`,
    });
    await server.services.db.insert(contentAssets).values({ contentId, assetId: asset.id, role: "cover" });

    const detail = await uploader.client.get(`/api/v1/media/${asset.id}`);
    expect(detail.body.usedIn).toEqual([{ contentId, title: "Posyandu keliling", status: "draft", type: "berita" }]);
    const refused = await uploader.client.delete(`/api/v1/media/${asset.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("asset_in_use");
    expect((await uploader.client.get(`/api/v1/media/${asset.id}`)).status).toBe(200);

    await server.services.db.delete(contentAssets).where(eq(contentAssets.contentId, contentId));
    // Another officer may not delete it; the uploader (or an editor) may.
    expect((await colleague.client.delete(`/api/v1/media/${asset.id}`)).status).toBe(403);
    const [row] = await server.services.db.select().from(mediaAssets).where(eq(mediaAssets.id, asset.id));
    expect(await server.services.files.get(row.fileKey)).not.toBeNull();
    expect((await uploader.client.delete(`/api/v1/media/${asset.id}`)).status).toBe(204);
    expect((await uploader.client.get(`/api/v1/media/${asset.id}`)).status).toBe(404);
    expect(await server.services.files.get(row.fileKey)).toBeNull();
    for (const r of Object.values(row.renditions)) expect(await server.services.files.get(r.key)).toBeNull();
    expect(await auditOf(asset.id, "media.delete")).toHaveLength(1);
  });

  it("exports a selection or the filtered list as CSV with formulas defused", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const a = (await upload(client, tree.opdA.id, await pngBytes(), "satu.png")).body.id;
    const b = (await upload(client, tree.opdA.id, await pngBytes(), "dua.png")).body.id;
    await client.patch(`/api/v1/media/${a}`, { caption: '=HYPERLINK("http://jahat.example","klik")', tags: ["pantai", "kuta"] });

    const all = await client.get("/api/v1/media/export.csv?sort=name");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toContain("text/csv");
    const lines = all.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toMatch(/^id,nama_berkas,jenis,mime/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(b); // dua.png before satu.png
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://jahat.example"",""klik"")"`);
    expect(lines[2]).toContain("pantai; kuta");

    const picked = await client.get(`/api/v1/media/export.csv?ids=${a}`);
    expect(picked.text.trim().split("\n")).toHaveLength(2);
    expect((await client.get("/api/v1/media/export.csv?tag=pantai")).text).toContain(a);
    expect((await client.get("/api/v1/media/export.csv?ids=bukan-id")).status).toBe(400);
  });
});
