import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  addNoteBody,
  createJournalistBody,
  eraseBody,
  journalistList,
  journalistListQuery,
  journalistView,
  personalDataExport,
  updateJournalistBody,
} from "../../../common/schemas/media-relations";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { addJournalistNote, eraseJournalist, exportPersonalData } from "./commands/journalist-pdp";
import { createJournalist, updateJournalist } from "./commands/write-journalist";
import { presentJournalist, presentJournalistSummary } from "./journalist.presenter";
import { findVisibleJournalist, journalistDetail, listJournalists } from "./journalist-queries";

const tags = ["media-relations"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function journalistRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleJournalist(db, actor, id);
    return presentJournalist(row, await journalistDetail(db, id), actor);
  };

  app.get(
    "/journalists",
    {
      config: { policy: "journalist.read" },
      schema: { tags, summary: "Daftar wartawan", querystring: journalistListQuery, response: { 200: journalistList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total, totalCapped, memberships } = await listJournalists(db, actor, request.query);
      return {
        items: rows.map((r) => presentJournalistSummary(r, memberships.get(r.id) ?? [], actor)),
        total,
        totalCapped,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    "/journalists/:id",
    { config: { policy: "journalist.read" }, schema: { tags, params, response: { 200: journalistView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/journalists",
    {
      config: { policy: "journalist.manage" },
      schema: { tags, summary: "Tambah wartawan", body: createJournalistBody, response: { 201: journalistView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createJournalist(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.patch(
    "/journalists/:id",
    {
      config: { policy: "journalist.manage" },
      schema: { tags, params, body: updateJournalistBody, response: { 200: journalistView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateJournalist(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/journalists/:id/notes",
    {
      config: { policy: "journalist.manage" },
      schema: { tags, summary: "Tambah catatan interaksi", params, body: addNoteBody, response: { 201: journalistView, ...errors } },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => addJournalistNote(tx, commandContext(request), request.params.id, request.body));
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.get(
    "/journalists/:id/personal-data",
    {
      config: { policy: "journalist.read" },
      schema: { tags, summary: "Ekspor data pribadi (UU PDP)", params, response: { 200: personalDataExport, ...errors } },
    },
    async (request) => inTransaction(request, (tx) => exportPersonalData(tx, commandContext(request), request.params.id)),
  );

  app.post(
    "/journalists/:id/erase",
    {
      config: { policy: "journalist.erase" },
      schema: {
        tags,
        summary: "Hapus data pribadi atas permintaan (UU PDP)",
        params,
        body: eraseBody,
        response: { 200: journalistView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => eraseJournalist(tx, commandContext(request), request.params.id, request.body.reason));
      return present(request, request.params.id);
    },
  );
}
