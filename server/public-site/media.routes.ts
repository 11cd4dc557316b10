import type { FastifyInstance, FastifyReply } from "fastify";
import { MEDIA_RENDITIONS } from "../../common/schemas/media";
import { findPublicAsset } from "./newsroom-queries";
import { buildPage, type PageCache, type PageInput, sendPage } from "./page-cache";
import { PUBLIC_ROUTE, UUID } from "./public-route";

const IMAGE_RENDITIONS = new Set<string>(MEDIA_RENDITIONS);
/** Small renditions (thumbnails on every home page) stay in memory; larger ones are read each time. */
const KEEP_BYTES = 512 * 1024;
// News sites and journalists embed these images: allow cross-origin use of the public files.
const MEDIA_HEADERS = { "cross-origin-resource-policy": "cross-origin" };

const missing: PageInput = { status: 404, type: "text/plain; charset=utf-8", body: "Berkas tidak ditemukan.", cacheControl: "no-cache" };
const missingPage = buildPage(missing);

/**
 * Public media: an image rendition (thumb, medium, large, og — re-encoded without EXIF) is served
 * only while the asset is used by at least one public item; anything else is 404, whether it
 * exists or not. Originals are never served, except a video's (nothing transcodes videos yet;
 * a "video" rendition, when the library makes one, is preferred).
 */
export function registerMediaRoutes(app: FastifyInstance, cache: PageCache) {
  const { db, files } = app.services;

  app.get<{ Params: { assetId: string; rendition: string } }>("/media/:assetId/:rendition", PUBLIC_ROUTE, async (request, reply) => {
    const { assetId, rendition } = request.params;
    if (!UUID.test(assetId)) return sendPage(request, reply, missingPage);
    if (rendition === "video") return sendVideo(request.headers.range, reply, assetId);
    if (!IMAGE_RENDITIONS.has(rendition)) return sendPage(request, reply, missingPage);
    const page = await cache.get(`media|${assetId}|${rendition}`, async () => {
      const asset = await findPublicAsset(db, assetId);
      const file = asset?.kind === "image" ? asset.renditions?.[rendition] : undefined;
      const data = file ? await files.get(file.key) : null;
      if (!file || !data) return missing;
      return {
        status: 200,
        type: file.mime,
        body: data,
        cacheControl: "public, max-age=3600",
        headers: MEDIA_HEADERS,
        store: data.length <= KEEP_BYTES,
      };
    });
    return sendPage(request, reply, page);
  });

  async function sendVideo(range: string | undefined, reply: FastifyReply, assetId: string) {
    const asset = await findPublicAsset(db, assetId);
    const file = asset?.kind === "video" ? (asset.renditions?.video ?? { key: asset.fileKey, mime: asset.mime }) : null;
    // Players seek with byte ranges; one range is all they ask for. Videos are streamed, never buffered.
    const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
    let wanted: { start: number; end?: number } | undefined;
    if (file && match && match[1] !== "") wanted = { start: Number(match[1]), end: match[2] === "" ? undefined : Number(match[2]) };
    else if (file && match && match[2] !== "") {
      // A suffix range (the last N bytes) needs the size first.
      const probe = await files.open(file.key);
      probe?.stream.destroy();
      if (probe) wanted = { start: Math.max(0, probe.size - Number(match[2])) };
    }
    if (wanted?.end !== undefined && wanted.end < wanted.start) return reply.code(416).send();
    const opened = file ? await files.open(file.key, wanted) : null;
    if (!file || !opened) return reply.code(404).type("text/plain; charset=utf-8").header("cache-control", "no-cache").send(missing.body);
    reply.type(file.mime).header("cache-control", "public, max-age=3600").header("accept-ranges", "bytes");
    for (const [name, value] of Object.entries(MEDIA_HEADERS)) reply.header(name, value);
    if (wanted && !opened.range) {
      opened.stream.destroy();
      return reply.code(416).header("content-range", `bytes */${opened.size}`).send();
    }
    if (opened.range) {
      const { start, end } = opened.range;
      return reply
        .code(206)
        .header("content-range", `bytes ${start}-${end}/${opened.size}`)
        .header("content-length", String(end - start + 1))
        .send(opened.stream);
    }
    return reply.header("content-length", String(opened.size)).send(opened.stream);
  }
}
