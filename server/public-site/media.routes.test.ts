import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems } from "../db/schema";
import { createTree, type TestTree } from "../test/factories";
import { startTestServer, type TestServer } from "../test/test-server";
import { get, insertImageAsset, insertItem, insertVideoAsset, linkAsset, orgSlug, setLogo } from "./test-fixtures";

let server: TestServer;
let t: TestTree;
beforeAll(async () => {
  server = await startTestServer();
  t = await createTree(server.services);
});
afterAll(async () => server?.close());

const page = (p: string, headers?: Record<string, string>) => get(server.baseUrl, p, headers);

describe("public media", () => {
  it("serves the renditions of an asset a public item uses, with public caching; never the original", async () => {
    const s = server.services;
    const asset = await insertImageAsset(s, t.opdA);
    const item = await insertItem(s, t.opdA, { type: "foto", title: "Galeri" });
    await linkAsset(s, item.id, asset.id, "photo");
    for (const name of ["thumb", "medium", "large", "og"]) {
      const res = await page(`/media/${asset.id}/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
      expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.body.equals((await s.files.get(asset.renditions[name].key)) as Buffer)).toBe(true);
    }
    expect((await page(`/media/${asset.id}/original`)).status).toBe(404);
    expect((await page(`/media/${asset.id}/file`)).status).toBe(404);
  });

  it("serves a public item's cover even when only cover_asset_id names it", async () => {
    const s = server.services;
    const cover = await insertImageAsset(s, t.opdB);
    await insertItem(s, t.opdB, { title: "Dengan sampul", coverAssetId: cover.id });
    expect((await page(`/media/${cover.id}/medium`)).status).toBe(200);
  });

  it("refuses an asset no public item uses: unlinked, a draft's, an embargoed item's, a sosial post's, unknown ids", async () => {
    const s = server.services;
    const unlinked = await insertImageAsset(s, t.opdA);
    const draftAsset = await insertImageAsset(s, t.opdA);
    const draft = await insertItem(s, t.opdA, { status: "draft", coverAssetId: draftAsset.id });
    await linkAsset(s, draft.id, draftAsset.id, "cover");
    const embargoedAsset = await insertImageAsset(s, t.opdA);
    const embargoed = await insertItem(s, t.opdA, { publicInHours: 4 });
    await linkAsset(s, embargoed.id, embargoedAsset.id, "photo");
    const socialAsset = await insertImageAsset(s, t.opdA);
    const social = await insertItem(s, t.opdA, { type: "sosial" });
    await linkAsset(s, social.id, socialAsset.id, "media");
    for (const id of [unlinked.id, draftAsset.id, embargoedAsset.id, socialAsset.id, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"]) {
      expect((await page(`/media/${id}/large`)).status, id).toBe(404);
    }
    expect((await page("/media/bukan-id/large")).status).toBe(404);
  });

  it("stops serving an asset as soon as its only item is archived", async () => {
    const s = server.services;
    const asset = await insertImageAsset(s, t.opdA);
    const item = await insertItem(s, t.opdA);
    await linkAsset(s, item.id, asset.id, "photo");
    expect((await page(`/media/${asset.id}/thumb`)).status).toBe(200);
    await s.db.update(contentItems).set({ status: "archived" }).where(eq(contentItems.id, item.id));
    s.changes.local("sinergi_content");
    expect((await page(`/media/${asset.id}/thumb`)).status).toBe(404);
  });

  it("streams an uploaded video with byte ranges", async () => {
    const s = server.services;
    const data = Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 256));
    const clip = await insertVideoAsset(s, t.opdA, data);
    const item = await insertItem(s, t.opdA, { type: "video", fields: { videoAssetId: clip.id } });
    await linkAsset(s, item.id, clip.id, "video");
    const full = await page(`/media/${clip.id}/video`);
    expect(full.status).toBe(200);
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(full.body.equals(data)).toBe(true);
    const part = await page(`/media/${clip.id}/video`, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/4000");
    expect(part.body.equals(data.subarray(100, 200))).toBe(true);
    const tail = await page(`/media/${clip.id}/video`, { range: "bytes=-100" });
    expect(tail.headers.get("content-range")).toBe("bytes 3900-3999/4000");
    expect(tail.body.equals(data.subarray(3900))).toBe(true);
    expect((await page(`/media/${clip.id}/video`, { range: "bytes=9000-" })).status).toBe(416);
    // An image is never served as "video", and a video has no image renditions.
    expect((await page(`/media/${clip.id}/large`)).status).toBe(404);
  });
});

describe("press kit", () => {
  it("zips the large renditions of the item's photos with a credits file", async () => {
    const s = server.services;
    const slug = await orgSlug(s, t.opdB);
    const a = await insertImageAsset(s, t.opdB, { rights: "attribution" });
    const b = await insertImageAsset(s, t.opdB, { rights: "limited", rightsNote: "Hanya untuk pemberitaan" });
    const item = await insertItem(s, t.opdB, {
      type: "foto",
      title: "Upacara Hari Pahlawan",
      fields: {
        photos: [
          { assetId: a.id, caption: "Pengibaran bendera", credit: "Komang Ayu", place: "Lapangan Renon", takenAt: "2026-11-10" },
          { assetId: b.id, caption: "Peserta upacara", credit: "Gede Arta", place: "Renon", takenAt: "" },
        ],
      },
    });
    await linkAsset(s, item.id, a.id, "photo", 0);
    await linkAsset(s, item.id, b.id, "photo", 1);
    const res = await page(`/${slug}/${item.slug}/paket-media.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${item.slug}-paket-media.zip"`);
    expect(res.body.readUInt32LE(0)).toBe(0x04034b50);
    if (!existsSync("/usr/bin/unzip")) return;
    const dir = mkdtempSync(path.join(tmpdir(), "sinergi-kit-"));
    writeFileSync(path.join(dir, "kit.zip"), res.body);
    expect(execFileSync("unzip", ["-t", path.join(dir, "kit.zip")]).toString()).toMatch(/No errors detected/);
    execFileSync("unzip", ["-q", path.join(dir, "kit.zip"), "-d", path.join(dir, "out")]);
    const first = readFileSync(path.join(dir, "out", `01-${item.slug}.jpg`));
    expect(first.equals((await s.files.get(a.renditions.large.key)) as Buffer)).toBe(true);
    expect((await sharp(readFileSync(path.join(dir, "out", `02-${item.slug}.jpg`))).metadata()).width).toBe(160);
    const credits = readFileSync(path.join(dir, "out", "credits.txt"), "utf8");
    expect(credits).toContain("Paket media: Upacara Hari Pahlawan");
    expect(credits).toContain(
      `01-${item.slug}.jpg\r\n  Keterangan: Pengibaran bendera\r\n  Kredit: Komang Ayu\r\n  Lokasi: Lapangan Renon\r\n  Tanggal: 10 November 2026`,
    );
    expect(credits).toContain("Hak penggunaan: Penggunaan terbatas — Hanya untuk pemberitaan");
  });

  it("has no press kit for an item without images", async () => {
    const item = await insertItem(server.services, t.opdB, { title: "Tanpa foto" });
    const slug = await orgSlug(server.services, t.opdB);
    expect((await page(`/${slug}/${item.slug}/paket-media.zip`)).status).toBe(404);
    expect((await page(`/${slug}/${item.slug}`)).text).not.toContain("paket-media.zip");
  });
});

describe("organization logo", () => {
  it("is served at /<slug>/logo.png and shown in the header", async () => {
    const s = server.services;
    const tree = await createTree(s);
    const slug = await orgSlug(s, tree.opdA);
    expect((await page(`/${slug}/logo.png`)).status).toBe(404);
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: "#0a4d8c" } })
      .png()
      .toBuffer();
    await setLogo(s, tree.opdA, png);
    const logo = await page(`/${slug}/logo.png`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.body.equals(png)).toBe(true);
    expect((await page(`/${slug}`)).text).toContain(`<img src="/${slug}/logo.png" alt="" width="48" height="48">`);
  });
});
