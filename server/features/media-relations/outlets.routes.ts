import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  createOutletBody,
  duplicatePairList,
  mergeOutletBody,
  outletList,
  outletListQuery,
  outletView,
  updateOutletBody,
} from "../../../common/schemas/media-relations";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { mergeOutlet } from "./commands/merge-outlet";
import { addOutletDocument, outletDocumentFile, removeOutletDocument } from "./commands/outlet-documents";
import { createOutlet, updateOutlet } from "./commands/write-outlet";
import { presentOutlet, presentOutletSummary } from "./outlet.presenter";
import { duplicatePairs } from "./outlet-duplicates";
import { findVisibleOutlet, listOutlets, outletDetail } from "./outlet-queries";

const tags = ["media-relations"];
const params = z.object({ id: z.uuid() });
const docParams = params.extend({ documentId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };

export async function outletRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, files, env } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleOutlet(db, actor, id);
    return presentOutlet(row, await outletDetail(db, id), actor);
  };

  app.get(
    "/media-outlets",
    {
      config: { policy: "mediaOutlet.read" },
      schema: { tags, summary: "Daftar media", querystring: outletListQuery, response: { 200: outletList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listOutlets(db, actor, request.query);
      return { items: rows.map((r) => presentOutletSummary(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    "/media-outlets/duplicates",
    {
      config: { policy: "mediaOutlet.manage" },
      schema: { tags, summary: "Pasangan media yang kemungkinan ganda", response: { 200: duplicatePairList, ...errors } },
    },
    async (request) => ({ items: await duplicatePairs(db, actorOf(request)) }),
  );

  app.get(
    "/media-outlets/:id",
    { config: { policy: "mediaOutlet.read" }, schema: { tags, params, response: { 200: outletView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/media-outlets",
    {
      config: { policy: "mediaOutlet.manage" },
      schema: { tags, summary: "Tambah media", body: createOutletBody, response: { 201: outletView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createOutlet(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.patch(
    "/media-outlets/:id",
    {
      config: { policy: "mediaOutlet.manage" },
      schema: { tags, params, body: updateOutletBody, response: { 200: outletView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateOutlet(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/media-outlets/:id/merge",
    {
      config: { policy: "mediaOutlet.manage" },
      schema: {
        tags,
        summary: "Gabungkan media ganda ke media lain",
        params,
        body: mergeOutletBody,
        response: { 200: outletView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => mergeOutlet(tx, commandContext(request), request.params.id, request.body.intoId));
      return present(request, request.body.intoId);
    },
  );

  app.post(
    "/media-outlets/:id/documents",
    {
      config: { policy: "mediaOutlet.manage" },
      schema: {
        tags,
        summary: "Unggah dokumen perusahaan (multipart: kind, validFrom, validUntil, file)",
        params,
        response: { 201: outletView, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(400, "file_required");
      const maxBytes = env.EVIDENCE_MAX_MB * 1024 * 1024;
      const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError(400, "file_required");
      const data = await file.toBuffer().catch((err: { code?: string }) => {
        if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: env.EVIDENCE_MAX_MB });
        throw err;
      });
      // Text fields must come before the file part in the form; later ones are not seen here.
      const field = (name: string) => {
        const f = file.fields[name] as { value?: unknown } | undefined;
        return typeof f?.value === "string" && f.value.trim() ? f.value.trim() : null;
      };
      await inTransaction(request, (tx) =>
        addOutletDocument(tx, commandContext(request), request.params.id, {
          data,
          fileName: file.filename,
          kind: field("kind") ?? "",
          validFrom: field("validFrom"),
          validUntil: field("validUntil"),
        }),
      );
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.delete(
    "/media-outlets/:id/documents/:documentId",
    { config: { policy: "mediaOutlet.manage" }, schema: { tags, params: docParams, response: { 200: outletView, ...errors } } },
    async (request) => {
      const key = await inTransaction(request, (tx) =>
        removeOutletDocument(tx, commandContext(request), request.params.id, request.params.documentId),
      );
      await files.delete(key);
      return present(request, request.params.id);
    },
  );

  app.get(
    "/media-outlets/:id/documents/:documentId/file",
    { config: { policy: "mediaOutlet.read" }, schema: { tags, summary: "Unduh dokumen perusahaan", params: docParams } },
    async (request, reply) => {
      const row = await outletDocumentFile(db, commandContext(request), request.params.id, request.params.documentId);
      const data = await files.get(row.fileKey);
      if (!data) throw new AppError(404, "not_found");
      return reply
        .type(row.mime)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header("cache-control", "private, max-age=300")
        .send(data);
    },
  );
}
