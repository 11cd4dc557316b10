import { asc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  changeStatusBody,
  coverageBody,
  coverageList,
  coverageView,
  createPressEventBody,
  pressEventList,
  pressEventListQuery,
  pressEventView,
  updatePressEventBody,
} from "../../../common/schemas/press-events";
import { errorBody } from "../../../common/schemas/shared";
import { pressEventCoverage } from "../../db/schema";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { addManualCoverage, removeCoverage } from "./commands/coverage";
import { changeStatus, createEvent, updateEvent } from "./commands/write-event";
import { presentCoverage, presentEvent, presentEventSummary } from "./press-event.presenter";
import { countsFor, countsOf, findVisibleEvent, listEvents } from "./press-event-queries";

const tags = ["press-events"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function pressEventRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleEvent(db, actor, id);
    return presentEvent(db, row, countsOf(await countsFor(db, [id]), id), actor);
  };

  app.get(
    "/press-events",
    {
      config: { policy: "pressEvent.read" },
      schema: { tags, summary: "Daftar acara pers", querystring: pressEventListQuery, response: { 200: pressEventList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total, counts } = await listEvents(db, actor, request.query);
      return {
        items: rows.map((r) => presentEventSummary(r, countsOf(counts, r.event.id), actor)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/press-events",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Buat acara pers", body: createPressEventBody, response: { 201: pressEventView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createEvent(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.get(
    "/press-events/:id",
    { config: { policy: "pressEvent.read" }, schema: { tags, params, response: { 200: pressEventView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    "/press-events/:id",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Ubah acara pers", params, body: updatePressEventBody, response: { 200: pressEventView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateEvent(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/press-events/:id/status",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Ubah status acara (undangan dibuka, terlaksana, batal)",
        params,
        body: changeStatusBody,
        response: { 200: pressEventView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => changeStatus(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.get(
    "/press-events/:id/coverage",
    {
      config: { policy: "pressEvent.read" },
      schema: { tags, summary: "Liputan yang dihasilkan acara", params, response: { 200: coverageList, ...errors } },
    },
    async (request) => {
      await findVisibleEvent(db, actorOf(request), request.params.id);
      const rows = await db
        .select()
        .from(pressEventCoverage)
        .where(eq(pressEventCoverage.eventId, request.params.id))
        .orderBy(asc(pressEventCoverage.publishedAt), asc(pressEventCoverage.id));
      return { items: rows.map(presentCoverage) };
    },
  );

  app.post(
    "/press-events/:id/coverage",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Tambah tautan liputan",
        params,
        body: coverageBody,
        response: { 201: coverageView, 200: coverageView, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inTransaction(request, (tx) => addManualCoverage(tx, commandContext(request), request.params.id, request.body));
      const [row] = await db.select().from(pressEventCoverage).where(eq(pressEventCoverage.id, result.id));
      return reply.code(result.created ? 201 : 200).send(presentCoverage(row));
    },
  );

  app.delete(
    "/press-events/:id/coverage/:coverageId",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Hapus tautan liputan",
        params: params.extend({ coverageId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => removeCoverage(tx, commandContext(request), request.params.id, request.params.coverageId));
      return reply.code(204).send(null);
    },
  );
}
