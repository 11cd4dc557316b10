import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  addInvitationsBody,
  addInvitationsResult,
  checkInBody,
  checkInResult,
  invitationList,
  invitationView,
  walkInBody,
} from "../../../common/schemas/press-events";
import { errorBody } from "../../../common/schemas/shared";
import type { Executor } from "../../db/client";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import type { Actor } from "../../policies/core";
import { sendQueuedEmail } from "../email/send-queued-email";
import { checkInByCode, checkInById } from "./commands/check-in";
import { addInvitations, addWalkIn, removeInvitation } from "./commands/invitations";
import { sendInvitations } from "./commands/send-invitations";
import { renderInvitationCards } from "./invitation-cards-pdf";
import { presentEvent, presentInvitation } from "./press-event.presenter";
import { countsFor, countsOf, type EventRow, findVisibleEvent, invitationsOf } from "./press-event-queries";
import { pressEventPolicy } from "./press-events.policy";

const tags = ["press-events"];
const params = z.object({ id: z.uuid() });
const guestParams = params.extend({ invitationId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function pressEventGuestRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, env } = fastify.services;

  /** Guest links (RSVP, check-in) only for those who may manage the event. */
  const linksFor = (actor: Actor, request: FastifyRequest, row: EventRow) =>
    pressEventPolicy.can(actor, "manage", row) ? { env, publicUrl: request.server.services.publicUrl } : null;
  const guests = async (exec: Executor, actor: Actor, request: FastifyRequest, eventId: string) => {
    const row = await findVisibleEvent(exec, actor, eventId);
    const rows = await invitationsOf(exec, eventId);
    const links = linksFor(actor, request, row);
    return { row, items: rows.map((r) => presentInvitation(r, links)) };
  };
  /** One guest as the list shows it (after a check-in or walk-in); gone meanwhile → 404. */
  const guest = async (request: FastifyRequest, eventId: string, invitationId: string) => {
    const actor = actorOf(request);
    const row = await findVisibleEvent(db, actor, eventId);
    const [found] = await invitationsOf(db, eventId, invitationId);
    if (!found) throw new AppError(404, "not_found");
    return presentInvitation(found, linksFor(actor, request, row));
  };

  app.get(
    "/press-events/:id/invitations",
    {
      config: { policy: "pressEvent.read" },
      schema: { tags, summary: "Daftar undangan dan kehadiran", params, response: { 200: invitationList, ...errors } },
    },
    async (request) => {
      const { items } = await guests(db, actorOf(request), request, request.params.id);
      return { items, counts: countsOf(await countsFor(db, [request.params.id]), request.params.id) };
    },
  );

  app.post(
    "/press-events/:id/invitations",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Undang wartawan", params, body: addInvitationsBody, response: { 200: addInvitationsResult, ...errors } },
    },
    async (request) => inTransaction(request, (tx) => addInvitations(tx, commandContext(request), request.params.id, request.body)),
  );

  app.post(
    "/press-events/:id/invitations/send",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Kirim undangan lewat email (yang belum dikirimi)",
        params,
        response: { 200: z.object({ emailed: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const ids = await inTransaction(request, (tx) => sendInvitations(tx, commandContext(request), request.params.id));
      for (const id of ids) await sendQueuedEmail(request.server.services, id);
      return { emailed: ids.length };
    },
  );

  app.delete(
    "/press-events/:id/invitations/:invitationId",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Hapus dari daftar undangan", params: guestParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => removeInvitation(tx, commandContext(request), request.params.id, request.params.invitationId));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/press-events/:id/check-in",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Registrasi hadir dengan kode QR", params, body: checkInBody, response: { 200: checkInResult, ...errors } },
    },
    async (request) => {
      const r = await inTransaction(request, (tx) => checkInByCode(tx, commandContext(request), request.params.id, request.body.code));
      return { invitation: await guest(request, request.params.id, r.id), alreadyCheckedIn: r.already };
    },
  );

  app.post(
    "/press-events/:id/invitations/:invitationId/check-in",
    {
      config: { policy: "pressEvent.manage" },
      schema: { tags, summary: "Registrasi hadir manual (cari nama)", params: guestParams, response: { 200: checkInResult, ...errors } },
    },
    async (request) => {
      const { id, invitationId } = request.params;
      const r = await inTransaction(request, (tx) => checkInById(tx, commandContext(request), id, invitationId));
      return { invitation: await guest(request, id, r.id), alreadyCheckedIn: r.already };
    },
  );

  app.post(
    "/press-events/:id/walk-ins",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Tamu tanpa undangan (langsung hadir)",
        params,
        body: walkInBody,
        response: { 201: invitationView, ...errors },
      },
    },
    async (request, reply) => {
      const invitationId = await inTransaction(request, (tx) => addWalkIn(tx, commandContext(request), request.params.id, request.body));
      return reply.code(201).send(await guest(request, request.params.id, invitationId));
    },
  );

  app.get(
    "/press-events/:id/cards.pdf",
    {
      config: { policy: "pressEvent.manage" },
      schema: {
        tags,
        summary: "Kartu undangan dengan kode QR (PDF untuk dicetak)",
        params,
        querystring: z.object({ invitationId: z.uuid().optional() }),
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row, items } = await guests(db, actor, request, request.params.id);
      pressEventPolicy.authorize(actor, "manage", row);
      const chosen = items.filter((i) => !request.query.invitationId || i.id === request.query.invitationId);
      const event = await presentEvent(db, row, countsOf(new Map(), row.event.id), actor);
      const pdf = await renderInvitationCards(
        event,
        chosen.map((i) => ({ name: i.name, outlet: i.outlet, checkInUrl: i.checkInUrl ?? "", rsvpUrl: i.rsvpUrl ?? "" })),
      );
      return (reply as FastifyReply)
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="kartu-undangan-${row.event.id}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
}
