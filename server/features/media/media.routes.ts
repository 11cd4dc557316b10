import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  mediaAssetView,
  mediaExportQuery,
  mediaFileQuery,
  mediaList,
  mediaListQuery,
  updateMediaBody,
} from "../../../common/schemas/media";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { csvCell } from "../../lib/csv-cell";
import { newId } from "../../lib/ids";
import { deleteMedia } from "./commands/delete-media";
import { ingestMedia, uploadTarget } from "./commands/ingest-media";
import { updateMedia } from "./commands/update-media";
import { mediaPolicy } from "./media.policy";
import { presentAsset } from "./media.presenter";
import { assetUsage, exportAssets, findVisibleAsset, listAssets } from "./media-queries";
import { multipartDirectory } from "./media-uploads.job";
import { mediaUploadRoutes } from "./media-uploads.routes";

const tags = ["media"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };
const EXPORT_MAX_ROWS = 10_000;

/** The media library (issue 4 §4): upload, describe, find, deliver to staff, export. */
export async function mediaRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, files, env } = fastify.services;
  const tempDir = multipartDirectory(env);

  /** The full view of one asset, with where it is used. */
  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleAsset(db, actor, id);
    mediaPolicy.authorize(actor, "read", row);
    return presentAsset(row, actor, await assetUsage(db, actor, id));
  };

  await fastify.register(mediaUploadRoutes, { present });

  app.get(
    "/media",
    {
      config: { policy: "media.read" },
      schema: { tags, summary: "Pustaka media: cari dan saring", querystring: mediaListQuery, response: { 200: mediaList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listAssets(db, actor, request.query);
      return { items: rows.map((r) => presentAsset(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/media",
    {
      config: { policy: "media.upload" },
      schema: {
        tags,
        summary: "Unggah berkas (multipart: organizationId lalu file); berkas besar lewat /media/uploads (tus)",
        response: { 201: mediaAssetView, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
      const ctx = commandContext(request);
      const file = await request.file({ limits: { fileSize: env.MEDIA_MAX_MB * 1024 * 1024, files: 1 } });
      if (!file) throw new AppError(400, "file_required");
      const field = file.fields.organizationId;
      const organizationId = field && "value" in field ? String(field.value) : undefined;
      // Scope and rights first, so a refused upload is not read to the end.
      await uploadTarget(db, actorOf(request), organizationId);
      await mkdir(tempDir, { recursive: true });
      const tempPath = path.join(tempDir, newId());
      let sizeBytes: number;
      try {
        await pipeline(file.file, createWriteStream(tempPath));
        if (file.file.truncated) throw new AppError(413, "file_too_large", { mb: env.MEDIA_MAX_MB });
        sizeBytes = (await stat(tempPath)).size;
      } catch (err) {
        await rm(tempPath, { force: true });
        throw err;
      }
      const id = await ingestMedia(
        ctx,
        { organizationId: organizationId as string, tempPath, sizeBytes, fileName: file.filename, via: "multipart" },
        (fn) => inTransaction(request, fn),
      );
      return reply.code(201).send(await present(request, id));
    },
  );

  app.get(
    "/media/export.csv",
    {
      config: { policy: "media.read" },
      schema: { tags, summary: "Ekspor metadata aset (pilihan atau semua hasil saringan) ke CSV", querystring: mediaExportQuery },
    },
    async (request, reply) => {
      const rows = await exportAssets(db, actorOf(request), request.query, EXPORT_MAX_ROWS);
      const csv = stringify(
        rows.map((r) =>
          [
            r.id,
            r.fileName,
            r.kind,
            r.mime,
            r.sizeBytes,
            r.width ?? "",
            r.height ?? "",
            r.durationSeconds ?? "",
            r.caption,
            r.credit,
            r.takenAt?.toISOString() ?? "",
            r.location,
            r.tags.join("; "),
            r.altText,
            r.rights,
            r.rightsNote,
            r.organizationName,
            r.createdAt.toISOString(),
          ].map((v) => csvCell(String(v))),
        ),
        {
          header: true,
          columns: [
            "id",
            "nama_berkas",
            "jenis",
            "mime",
            "ukuran_byte",
            "lebar",
            "tinggi",
            "durasi_detik",
            "keterangan",
            "kredit",
            "tanggal_diambil",
            "lokasi",
            "tag",
            "teks_alternatif",
            "hak_guna",
            "catatan_hak",
            "organisasi",
            "diunggah",
          ],
        },
      );
      // A BOM so that Excel opens the UTF-8 file with Indonesian characters intact.
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="pustaka-media-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    "/media/:id",
    { config: { policy: "media.read" }, schema: { tags, params, response: { 200: mediaAssetView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    "/media/:id",
    {
      config: { policy: "media.edit" },
      schema: {
        tags,
        summary: "Ubah keterangan, kredit, tanggal, lokasi, tag, dan hak guna",
        params,
        body: updateMediaBody,
        response: { 200: mediaAssetView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateMedia(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.delete(
    "/media/:id",
    {
      config: { policy: "media.delete" },
      schema: { tags, summary: "Hapus aset yang tidak dipakai", params, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const keys = await inTransaction(request, (tx) => deleteMedia(tx, commandContext(request), request.params.id));
      await Promise.all(keys.map((key) => files.delete(key)));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/media/:id/file",
    {
      config: { policy: "media.read" },
      schema: { tags, summary: "Berkas aset untuk staf (rendisi atau asli)", params, querystring: mediaFileQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const asset = await findVisibleAsset(db, actor, request.params.id);
      mediaPolicy.authorize(actor, "read", asset);
      const { rendition } = request.query;
      const original = rendition === "original";
      const stored = original ? { key: asset.fileKey, mime: asset.mime } : asset.renditions[rendition];
      if (!stored) throw new AppError(404, "not_found");
      const range = parseRange(request.headers.range);
      const opened = await files.open(stored.key, range ?? undefined);
      if (!opened) throw new AppError(404, "not_found");
      const base = asset.fileName.replace(/\.[^.]+$/, "");
      const name = original ? asset.fileName : `${base}-${rendition}.${stored.key.split(".").pop()}`;
      reply
        .type(stored.mime)
        // Originals may carry GPS and other EXIF: a download for staff, never shown inline.
        .header("content-disposition", `${original ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header("cache-control", "private, max-age=3600")
        .header("accept-ranges", "bytes");
      if (opened.range) {
        const { start, end } = opened.range;
        reply
          .code(206)
          .header("content-range", `bytes ${start}-${end}/${opened.size}`)
          .header("content-length", end - start + 1);
      } else {
        reply.header("content-length", opened.size);
      }
      return reply.send(opened.stream);
    },
  );
}

/** A single `bytes=start-end` range (what video players ask for); anything else serves it whole. */
function parseRange(header: string | undefined): { start: number; end?: number } | null {
  const m = header?.match(/^bytes=(\d+)-(\d*)$/);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : undefined;
  if (end !== undefined && end < start) return null;
  return { start, end };
}
