import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { contractView } from "../../../common/schemas/media-cooperation";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { addContractDocument, contractDocumentFile, removeContractDocument } from "./commands/contract-documents";
import { addDeliverable, deliverableFile, removeDeliverable } from "./commands/deliverables";
import { presentContract } from "./contract.presenter";
import { contractDetail, findVisibleContract, userNames } from "./contract-queries";
import { readMultipartForm } from "./multipart-form";

const tags = ["media-cooperation"];
const params = z.object({ id: z.uuid() });
const deliverableParams = params.extend({ deliverableId: z.uuid() });
const documentParams = params.extend({ documentId: z.uuid() });
const fileParams = deliverableParams.extend({ which: z.enum(["clipping", "screenshot"]) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };

/** Proof of publication (deliverables) and contract documents: uploads and downloads. */
export async function contractFileRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, files, env } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleContract(db, actor, id);
    const detail = await contractDetail(db, [row.id]);
    const names = await userNames(db, [row.overrideBy, ...detail.terms.map((t) => t.overrideBy)]);
    return presentContract(row, detail, names, actor);
  };

  const sendFile = async (reply: FastifyReply, key: string, mime: string, fileName: string) => {
    const data = await files.get(key);
    if (!data) throw new AppError(404, "not_found");
    return reply
      .type(mime)
      .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header("cache-control", "private, max-age=300")
      .send(data);
  };

  app.post(
    "/media-contracts/:id/deliverables",
    {
      config: { policy: "mediaContract.manage" },
      schema: {
        tags,
        summary: "Catat publikasi (multipart: title, publishedOn, link, clipping, screenshot); 409 bila kuota terpenuhi",
        params,
        response: { 201: contractView, ...errors },
      },
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, env.EVIDENCE_MAX_MB);
      await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        await addDeliverable(tx, commandContext(request), contract, {
          title: form.field("title") ?? "",
          publishedOn: form.field("publishedOn") ?? "",
          link: form.field("link"),
          clipping: form.files.clipping ?? null,
          screenshot: form.files.screenshot ?? null,
        });
      });
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.delete(
    "/media-contracts/:id/deliverables/:deliverableId",
    { config: { policy: "mediaContract.manage" }, schema: { tags, params: deliverableParams, response: { 200: contractView, ...errors } } },
    async (request) => {
      const keys = await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        return removeDeliverable(tx, commandContext(request), contract, request.params.deliverableId);
      });
      await Promise.all(keys.map((k) => files.delete(k)));
      return present(request, request.params.id);
    },
  );

  app.get(
    "/media-contracts/:id/deliverables/:deliverableId/:which",
    { config: { policy: "mediaContract.read" }, schema: { tags, summary: "Unduh kliping atau tangkapan layar", params: fileParams } },
    async (request, reply) => {
      const contract = await findVisibleContract(db, actorOf(request), request.params.id);
      const file = await deliverableFile(db, contract, request.params.deliverableId, request.params.which);
      return sendFile(reply, file.key, file.mime, file.fileName);
    },
  );

  app.post(
    "/media-contracts/:id/documents",
    {
      config: { policy: "mediaContract.manage" },
      schema: { tags, summary: "Unggah dokumen kontrak (multipart: kind, file)", params, response: { 201: contractView, ...errors } },
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, env.EVIDENCE_MAX_MB, 1);
      const file = form.files.file;
      if (!file) throw new AppError(400, "file_required");
      await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        await addContractDocument(tx, commandContext(request), contract, { ...file, kind: form.field("kind") ?? "" });
      });
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.delete(
    "/media-contracts/:id/documents/:documentId",
    { config: { policy: "mediaContract.manage" }, schema: { tags, params: documentParams, response: { 200: contractView, ...errors } } },
    async (request) => {
      const key = await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        return removeContractDocument(tx, commandContext(request), contract, request.params.documentId);
      });
      await files.delete(key);
      return present(request, request.params.id);
    },
  );

  app.get(
    "/media-contracts/:id/documents/:documentId/file",
    { config: { policy: "mediaContract.read" }, schema: { tags, summary: "Unduh dokumen kontrak", params: documentParams } },
    async (request, reply) => {
      const contract = await findVisibleContract(db, actorOf(request), request.params.id);
      const row = await contractDocumentFile(db, contract, request.params.documentId);
      return sendFile(reply, row.fileKey, row.mime, row.fileName);
    },
  );
}
