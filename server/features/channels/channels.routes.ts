import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  channelAccountList,
  channelAccountView,
  channelListQuery,
  channelPreview,
  channelPreviewBody,
  channelPublicationView,
  createChannelBody,
  updateChannelBody,
} from "../../../common/schemas/channels";
import { errorBody } from "../../../common/schemas/shared";
import { contentPublications } from "../../db/schema";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { hasAnyRole } from "../../policies/core";
import { CHANNEL_MANAGERS } from "./channel.policy";
import { presentAccount } from "./channel.presenter";
import { findVisibleAccount, listAccounts } from "./channel-queries";
import { probeChannel } from "./commands/check-channel";
import { releasePublications } from "./commands/plan-publications";
import { previewChannels } from "./commands/preview-channels";
import { retryPublication } from "./commands/retry-publication";
import { accountToCheck, createChannel, deactivateChannel, recordCheck, updateChannel } from "./commands/write-channel";

const tags = ["channels"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function channelRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    return presentAccount(await findVisibleAccount(db, actor, id), actor);
  };

  app.get(
    "/channels",
    {
      config: { policy: "channelAccount.read" },
      schema: {
        tags,
        summary: "Akun kanal dalam cakupan",
        querystring: channelListQuery,
        response: { 200: channelAccountList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await listAccounts(db, actor, request.query);
      // Connecting is possible wherever the actor manages some organization.
      const canCreate = actor.grants.some((g) => hasAnyRole(actor, g.path, CHANNEL_MANAGERS));
      return { items: rows.map((r) => presentAccount(r, actor)), can: { create: canCreate } };
    },
  );

  app.post(
    "/channels",
    {
      config: { policy: "channelAccount.manage" },
      schema: { tags, summary: "Hubungkan akun kanal", body: createChannelBody, response: { 201: channelAccountView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createChannel(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.post(
    "/channels/preview",
    {
      config: { policy: "channelAccount.read" },
      schema: {
        tags,
        summary: "Pratinjau dan pemeriksaan kiriman per kanal",
        body: channelPreviewBody,
        response: { 200: channelPreview, ...errors },
      },
    },
    async (request) => previewChannels(db, commandContext(request), request.body),
  );

  app.post(
    "/channels/publications/:id/retry",
    {
      config: { policy: "channelPublication.retry" },
      schema: {
        tags,
        summary: "Kirim ulang kiriman yang gagal (setelah memeriksa kanal)",
        params,
        response: { 200: channelPublicationView, ...errors },
      },
    },
    async (request) => {
      const row = await inTransaction(request, (tx) => retryPublication(tx, commandContext(request), request.params.id));
      await releasePublications(fastify.services, row.contentId);
      const [fresh] = await db.select().from(contentPublications).where(eq(contentPublications.id, row.id));
      const p = fresh ?? row;
      return {
        id: p.id,
        contentId: p.contentId,
        channelAccountId: p.channelAccountId,
        status: p.status as "pending" | "publishing" | "published" | "failed",
        attempts: p.attempts,
        url: p.url,
        publishedAt: p.publishedAt?.toISOString() ?? null,
        error: p.lastError,
      };
    },
  );

  app.get(
    "/channels/:id",
    { config: { policy: "channelAccount.read" }, schema: { tags, params, response: { 200: channelAccountView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    "/channels/:id",
    {
      config: { policy: "channelAccount.manage" },
      schema: {
        tags,
        summary: "Ubah atau hubungkan ulang akun kanal",
        params,
        body: updateChannelBody,
        response: { 200: channelAccountView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateChannel(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.delete(
    "/channels/:id",
    {
      config: { policy: "channelAccount.manage" },
      schema: { tags, summary: "Nonaktifkan akun kanal", params, response: { 200: channelAccountView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => deactivateChannel(tx, commandContext(request), request.params.id));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/channels/:id/check",
    {
      config: { policy: "channelAccount.manage" },
      schema: { tags, summary: "Uji koneksi akun kanal sekarang", params, response: { 200: channelAccountView, ...errors } },
    },
    async (request) => {
      const ctx = commandContext(request);
      const account = await inTransaction(request, (tx) => accountToCheck(tx, ctx, request.params.id));
      // The platform call runs between two short transactions, never inside one.
      const result = await probeChannel(fastify.services, account);
      await inTransaction(request, (tx) => recordCheck(tx, ctx, account.id, account.organizationId, result));
      return present(request, request.params.id);
    },
  );
}
