import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  approveAccountBody,
  deactivateAccountBody,
  embargoViewList,
  embargoViewQuery,
  mediaRoomAccountList,
  mediaRoomAccountQuery,
  mediaRoomAccountView,
  rejectAccountBody,
} from "../../../common/schemas/media-room";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { sendQueuedEmail } from "../email/send-queued-email";
import { findVisibleAccount, listAccounts, listEmbargoViews } from "./account-queries";
import { approveAccount, deactivateAccount, rejectAccount } from "./commands/decide-account";
import { presentAccount } from "./media-room.presenter";

const tags = ["media-room"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Staff side of the journalists' media room: applications, decisions, the embargo access log. */
export async function mediaRoomRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  const present = async (actor: ReturnType<typeof actorOf>, id: string) => presentAccount(await findVisibleAccount(db, actor, id), actor);

  app.get(
    "/media-room/accounts",
    {
      config: { policy: "mediaRoomAccount.read" },
      schema: {
        tags,
        summary: "Pendaftar dan akun ruang media",
        querystring: mediaRoomAccountQuery,
        response: { 200: mediaRoomAccountList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listAccounts(db, actor, request.query);
      return { items: rows.map((r) => presentAccount(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    "/media-room/accounts/:id",
    { config: { policy: "mediaRoomAccount.read" }, schema: { tags, params, response: { 200: mediaRoomAccountView, ...errors } } },
    async (request) => present(actorOf(request), request.params.id),
  );

  app.post(
    "/media-room/accounts/:id/approve",
    {
      config: { policy: "mediaRoomAccount.decide" },
      schema: {
        tags,
        summary: "Setujui pendaftaran",
        params,
        body: approveAccountBody,
        response: { 200: mediaRoomAccountView, ...errors },
      },
    },
    async (request) => {
      const emailId = await inTransaction(request, (tx) => approveAccount(tx, commandContext(request), request.params.id, request.body));
      await sendQueuedEmail(fastify.services, emailId);
      return present(actorOf(request), request.params.id);
    },
  );

  app.post(
    "/media-room/accounts/:id/reject",
    {
      config: { policy: "mediaRoomAccount.decide" },
      schema: {
        tags,
        summary: "Tolak pendaftaran dengan alasan",
        params,
        body: rejectAccountBody,
        response: { 200: mediaRoomAccountView, ...errors },
      },
    },
    async (request) => {
      const emailId = await inTransaction(request, (tx) =>
        rejectAccount(tx, commandContext(request), request.params.id, request.body.reason),
      );
      await sendQueuedEmail(fastify.services, emailId);
      return present(actorOf(request), request.params.id);
    },
  );

  app.post(
    "/media-room/accounts/:id/deactivate",
    {
      config: { policy: "mediaRoomAccount.decide" },
      schema: {
        tags,
        summary: "Nonaktifkan akun (sesi berakhir seketika)",
        params,
        body: deactivateAccountBody,
        response: { 200: mediaRoomAccountView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => deactivateAccount(tx, commandContext(request), request.params.id, request.body.reason));
      return present(actorOf(request), request.params.id);
    },
  );

  app.get(
    "/media-room/embargo-views",
    {
      config: { policy: "embargoLog.read" },
      schema: { tags, summary: "Log akses materi embargo", querystring: embargoViewQuery, response: { 200: embargoViewList, ...errors } },
    },
    async (request) => {
      const { rows, total } = await listEmbargoViews(db, actorOf(request), request.query);
      return {
        items: rows.map((r) => ({
          ...r,
          what: r.what as "page" | "press_kit",
          embargoUntil: r.embargoUntil.toISOString(),
          viewedAt: r.viewedAt.toISOString(),
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
