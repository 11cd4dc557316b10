import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { socialFetchResult, socialSource, socialSourceBody, socialSourceUpdateBody } from "../../../../common/schemas/monitoring-intake";
import { errorBody } from "../../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { monitoringSourcePolicy } from "../sources/monitoring-sources.policy";
import {
  createSocialSource,
  findSocialSource,
  listSocialSources,
  presentSocialSource,
  updateSocialSource,
} from "./commands/write-social-source";
import { runSocialFetch } from "./run-social-fetch";

const tags = ["monitoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const params = z.object({ id: z.uuid() });

/** Social-media sources (X search, YouTube/Facebook/Instagram comments): tokens go in sealed, never come out. */
export async function socialSourceRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/monitoring/social-sources",
    {
      config: { policy: "monitoringSource.read" },
      schema: {
        tags,
        summary: "Sumber media sosial dalam cakupan (token tidak pernah ditampilkan)",
        querystring: z.object({ organizationId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(socialSource) }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await listSocialSources(db, actor, request.query.organizationId);
      return { items: rows.map((r) => presentSocialSource(actor, r)) };
    },
  );

  app.post(
    "/monitoring/social-sources",
    {
      config: { policy: "monitoringSource.manage" },
      schema: { tags, summary: "Tambah sumber media sosial", body: socialSourceBody, response: { 201: socialSource, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createSocialSource(tx, commandContext(request), request.body));
      const actor = actorOf(request);
      return reply.code(201).send(presentSocialSource(actor, await findSocialSource(db, actor, id)));
    },
  );

  app.patch(
    "/monitoring/social-sources/:id",
    {
      config: { policy: "monitoringSource.manage" },
      schema: {
        tags,
        summary: "Ubah sumber media sosial (token baru opsional; yang lama tetap bila dikosongkan)",
        params,
        body: socialSourceUpdateBody,
        response: { 200: socialSource, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateSocialSource(tx, commandContext(request), request.params.id, request.body));
      const actor = actorOf(request);
      return presentSocialSource(actor, await findSocialSource(db, actor, request.params.id));
    },
  );

  app.post(
    "/monitoring/social-sources/:id/fetch",
    {
      config: { policy: "monitoringSource.manage" },
      schema: { tags, summary: "Ambil sekarang (di luar jadwal)", params, response: { 200: socialFetchResult, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { path } = await findSocialSource(db, actor, request.params.id);
      monitoringSourcePolicy.authorize(actor, "manage", { path });
      const run = await runSocialFetch(fastify.services, request.params.id, "manual");
      return {
        fetched: run.fetched,
        inserted: run.inserted,
        duplicates: run.duplicates,
        backoffUntil: run.backoffUntil?.toISOString() ?? null,
        error: run.error,
      };
    },
  );
}
