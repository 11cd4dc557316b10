import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  clippingAnswer,
  clippingBody,
  createSourceBody,
  fetchLogList,
  fetchLogQuery,
  fetchNowAnswer,
  sourceList,
  sourceListQuery,
  sourceView,
  updateSourceBody,
} from "../../../../common/schemas/monitoring-sources";
import { errorBody } from "../../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { clipUrl } from "./commands/clip-url";
import { createSource, deleteSource, requestFetch, updateSource } from "./commands/write-source";
import { presentFetchLog, presentSource, presentSourceSummary } from "./source.presenter";
import { findVisibleSource, itemsByDay, listFetchLog, listSources } from "./source-queries";

const tags = ["monitoring"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** Monitoring sources (Sumber): feeds and sitemaps, their health and fetch log, "fetch now", URL clipping. */
export async function monitoringSourceRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, jobs } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleSource(db, actor, id);
    return presentSource(row, await itemsByDay(db, id), actor);
  };

  app.get(
    "/monitoring/sources",
    {
      config: { policy: "monitoringSource.read" },
      schema: { tags, summary: "Daftar sumber pemantauan", querystring: sourceListQuery, response: { 200: sourceList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listSources(db, actor, request.query);
      return { items: rows.map((r) => presentSourceSummary(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    "/monitoring/sources/:id",
    { config: { policy: "monitoringSource.read" }, schema: { tags, params, response: { 200: sourceView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.get(
    "/monitoring/sources/:id/fetches",
    {
      config: { policy: "monitoringSource.read" },
      schema: { tags, summary: "Log pengambilan sumber", params, querystring: fetchLogQuery, response: { 200: fetchLogList, ...errors } },
    },
    async (request) => {
      await findVisibleSource(db, actorOf(request), request.params.id);
      const { rows, total } = await listFetchLog(db, request.params.id, request.query);
      return { items: rows.map(presentFetchLog), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/monitoring/sources",
    {
      config: { policy: "monitoringSource.manage" },
      schema: { tags, summary: "Tambah sumber (feed atau sitemap)", body: createSourceBody, response: { 201: sourceView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createSource(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.patch(
    "/monitoring/sources/:id",
    {
      config: { policy: "monitoringSource.manage" },
      schema: { tags, params, body: updateSourceBody, response: { 200: sourceView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateSource(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.delete(
    "/monitoring/sources/:id",
    { config: { policy: "monitoringSource.manage" }, schema: { tags, params, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) => deleteSource(tx, commandContext(request), request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/monitoring/sources/:id/fetch",
    {
      config: { policy: "monitoringSource.manage" },
      schema: { tags, summary: "Ambil sekarang", params, response: { 202: fetchNowAnswer, ...errors } },
    },
    async (request, reply) => {
      const id = request.params.id;
      const job = await inTransaction(request, (tx) => requestFetch(tx, commandContext(request), id));
      await jobs.enqueue(job, { sourceId: id, trigger: "manual" }, { singletonKey: id });
      return reply.code(202).send({ queued: true, source: await present(request, id) });
    },
  );

  app.post(
    "/monitoring/clippings",
    {
      config: { policy: "monitoringSource.clip" },
      schema: { tags, summary: "Kliping satu URL berita", body: clippingBody, response: { 201: clippingAnswer, ...errors } },
    },
    async (request, reply) => {
      const answer = await clipUrl(db, commandContext(request), request.body);
      request.server.services.changes.local();
      return reply.code(answer.status === "duplicate" ? 200 : 201).send(answer);
    },
  );
}
