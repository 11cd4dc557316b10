import { readdir } from "node:fs/promises";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mediaAssets } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import type { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { exeBytes, fakeMp4, getBytes, jpegWithGps } from "./media-test-kit";
import { sweepStaleUploads, tusDirectory } from "./media-uploads.job";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MEDIA_IMAGE_MAX_MB: "1", MEDIA_MAX_MB: "3" } });
});
afterAll(async () => server?.close());

const b64 = (s: string) => Buffer.from(s).toString("base64");

/** A tus 1.0 request with the client's session and CSRF token, like tus-js-client sends. */
async function tus(client: TestClient, method: string, url: string, headers: Record<string, string> = {}, body?: Buffer) {
  const res = await fetch(`${client.baseUrl}${url}`, {
    method,
    headers: {
      "tus-resumable": "1.0.0",
      cookie: client.cookie ?? "",
      ...(method === "HEAD" ? {} : { "x-csrf-token": client.csrf ?? "" }),
      ...(body ? { "content-type": "application/offset+octet-stream" } : {}),
      ...headers,
    },
    body: body ? new Uint8Array(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

function create(client: TestClient, length: number, meta: Record<string, string>) {
  const metadata = Object.entries(meta)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(",");
  return tus(client, "POST", "/api/v1/media/uploads", { "upload-length": String(length), "upload-metadata": metadata });
}

/**
 * Sends part of a PATCH body and then drops the connection, as a phone losing its signal does.
 * Resolves once the server has seen the bytes and the socket is gone.
 */
function interruptedPatch(client: TestClient, url: string, offset: number, total: Buffer, sent: Buffer) {
  return new Promise<void>((resolve) => {
    const req = http.request(`${client.baseUrl}${url}`, {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
        "content-length": String(total.length),
        cookie: client.cookie ?? "",
        "x-csrf-token": client.csrf ?? "",
      },
    });
    req.on("error", () => resolve());
    req.on("close", () => resolve());
    req.write(sent, () => setTimeout(() => req.destroy(), 200));
  });
}

const spooled = async () => (await readdir(tusDirectory(server.services.env)).catch(() => [] as string[])).sort();

describe("resumable uploads (tus)", () => {
  it("resumes after an interruption and creates the asset once", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const video = fakeMp4(600_000);
    const created = await create(client, video.length, { organizationId: tree.opdA.id, filename: "apel-pagi.mp4", filetype: "video/mp4" });
    expect(created.status).toBe(201);
    const location = created.headers.get("location") as string;
    expect(location).toMatch(/^\/api\/v1\/media\/uploads\/[0-9a-f-]{36}$/);

    const first = await tus(client, "PATCH", location, { "upload-offset": "0" }, video.subarray(0, 200_000));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("200000");

    // The next chunk breaks off halfway; the server keeps what arrived.
    await interruptedPatch(client, location, 200_000, video.subarray(200_000), video.subarray(200_000, 350_000));
    let offset = 0;
    for (let i = 0; i < 50 && offset < 200_000; i++) {
      const head = await tus(client, "HEAD", location);
      expect(head.status).toBe(200);
      offset = Number(head.headers.get("upload-offset"));
      if (offset < 200_000) await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThanOrEqual(200_000);
    expect(offset).toBeLessThan(video.length);

    const rest = await tus(client, "PATCH", location, { "upload-offset": String(offset) }, video.subarray(offset));
    expect(rest.status).toBe(200);
    const asset = JSON.parse(rest.text);
    expect(asset).toMatchObject({ kind: "video", mime: "video/mp4", fileName: "apel-pagi.mp4", sizeBytes: video.length, renditions: [] });
    expect(rest.headers.get("media-asset-id")).toBe(asset.id);

    const rows = await server.services.db.select().from(mediaAssets).where(eq(mediaAssets.organizationId, tree.opdA.id));
    expect(rows.map((r) => r.id)).toEqual([asset.id]);
    const stored = await getBytes(client, `/api/v1/media/${asset.id}/file?rendition=original`);
    expect(stored.body.equals(video)).toBe(true);
    // Players ask for byte ranges.
    const part = await getBytes(client, `/api/v1/media/${asset.id}/file`, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${video.length}`);
    expect(part.body.equals(video.subarray(100, 200))).toBe(true);
    const [audit] = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, asset.id));
    expect(audit).toMatchObject({ action: "media.upload", after: expect.objectContaining({ via: "tus" }) });
    // The upload is over: its temporary files are gone and its URL no longer answers.
    expect(await spooled()).toEqual([]);
    expect((await tus(client, "HEAD", location)).status).toBe(404);
  });

  it("refuses a finished upload whose content is not media, leaving no row and no file", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const exe = exeBytes();
    const created = await create(client, exe.length, { organizationId: tree.opdA.id, filename: "video.mp4", filetype: "video/mp4" });
    expect(created.status).toBe(201);
    const location = created.headers.get("location") as string;
    const done = await tus(client, "PATCH", location, { "upload-offset": "0" }, exe);
    expect(done.status).toBe(415);
    expect(JSON.parse(done.text).error).toMatchObject({ code: "media_type_unsupported" });
    expect(JSON.parse(done.text).error.message).toContain("application/x-msdownload");
    expect(await server.services.db.select().from(mediaAssets).where(eq(mediaAssets.organizationId, tree.opdA.id))).toEqual([]);
    expect(await spooled()).toEqual([]);
    expect((await tus(client, "HEAD", location)).status).toBe(404);
  });

  it("checks the organization and the declared size before accepting a byte", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const tooBig = await create(client, 4 * 1024 * 1024, { organizationId: tree.opdA.id, filename: "panjang.mp4" });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.text).error.message).toBe("Berkas melebihi batas 3 MB.");
    const photo = await create(client, 2 * 1024 * 1024, { organizationId: tree.opdA.id, filename: "a.jpg", filetype: "image/jpeg" });
    expect(photo.status).toBe(413);
    expect(JSON.parse(photo.text).error.code).toBe("media_image_too_large");
    expect((await create(client, 1000, { organizationId: tree.opdB.id, filename: "a.mp4" })).status).toBe(404);
    expect((await create(client, 1000, { filename: "a.mp4" })).status).toBe(400);
    expect((await tus(client, "POST", "/api/v1/media/uploads", { "upload-metadata": `organizationId ${b64(tree.opdA.id)}` })).status).toBe(
      400,
    );
    const viewer = await signedIn(server, tree.opdA, "viewer");
    expect((await create(viewer.client, 1000, { organizationId: tree.opdA.id })).status).toBe(403);
    expect(await spooled()).toEqual([]);
  });

  it("keeps an upload to its owner and needs a session and the CSRF token", async () => {
    const tree = await createTree(server.services);
    const owner = await signedIn(server, tree.opdA, "officer");
    const colleague = await signedIn(server, tree.opdA, "editor");
    const photo = await jpegWithGps(200, 100);
    const created = await create(owner.client, photo.length, { organizationId: tree.opdA.id, filename: "a.jpg" });
    const location = created.headers.get("location") as string;
    expect((await tus(colleague.client, "HEAD", location)).status).toBe(404);
    expect((await tus(colleague.client, "PATCH", location, { "upload-offset": "0" }, photo)).status).toBe(404);
    expect((await tus(colleague.client, "DELETE", location)).status).toBe(404);
    const anonymous = await fetch(`${server.baseUrl}${location}`, { method: "HEAD", headers: { "tus-resumable": "1.0.0" } });
    expect(anonymous.status).toBe(401);
    const noCsrf = await tus(owner.client, "PATCH", location, { "upload-offset": "0", "x-csrf-token": "salah" }, photo);
    expect(noCsrf.status).toBe(403);

    // The owner may cancel; the temporary files go with it.
    expect((await tus(owner.client, "DELETE", location)).status).toBe(204);
    expect(await spooled()).toEqual([]);
  });

  it("sweeps uploads left idle for longer than a day", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const created = await create(client, 5000, { organizationId: tree.opdA.id, filename: "lupa.mp4" });
    expect(created.status).toBe(201);
    const dir = tusDirectory(server.services.env);
    expect(await spooled()).toHaveLength(2);
    expect(await sweepStaleUploads(dir, 24 * 3_600_000)).toBe(0);
    expect(await sweepStaleUploads(dir, 24 * 3_600_000, Date.now() + 25 * 3_600_000)).toBe(1);
    expect(await spooled()).toEqual([]);
  });
});
