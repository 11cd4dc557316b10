import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  bounceResult,
  distributionBody,
  distributionList,
  distributionListQuery,
  distributionPreview,
  distributionSettingsBody,
  distributionSettingsQuery,
  distributionSettingsView,
  distributionView,
  recipientList,
  recipientQuery,
  whatsappText,
} from "../../../common/schemas/distribution";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { csvCell } from "../../lib/csv-cell";
import { findVisibleContent } from "../content/content-queries";
import { publicUrlOf } from "../content/public-url";
import { readDistributionSettings, saveDistributionSettings } from "./commands/distribution-settings";
import { recordBounce, recordMailtoUnsubscribe } from "./commands/record-feedback";
import { enqueueBatches, previewDistribution, startDistribution } from "./commands/start-distribution";
import { whatsappMessage } from "./compose-message";
import { distributionPolicy } from "./distribution.policy";
import { allRecipients, distributionDetail, findVisibleDistribution, listDistributions, listRecipients } from "./distribution-queries";
import { parseBounce, parseUnsubscribeRequest } from "./dsn";
import { ruleError } from "./errors";
import { campaignHashtags } from "./release-source";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

const tags = ["distribution"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const BOUNCE_MAX_BYTES = 10 * 1024 * 1024;

export async function distributionRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;
  // An MTA pipes the raw bounce as it is (message/rfc822); scoped to this plugin only.
  fastify.addContentTypeParser(
    ["message/rfc822", "message/global"],
    { parseAs: "buffer", bodyLimit: BOUNCE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/distributions/preview",
    {
      config: { policy: "distribution.send" },
      schema: { tags, summary: "Pratinjau email distribusi", body: distributionBody, response: { 200: distributionPreview, ...errors } },
    },
    async (request) => previewDistribution(db, fastify.services, actorOf(request), request.body),
  );

  app.post(
    "/distributions",
    {
      config: { policy: "distribution.send" },
      schema: {
        tags,
        summary: "Kirim siaran pers ke daftar kontak",
        body: distributionBody,
        response: { 201: distributionView, ...errors },
      },
    },
    async (request, reply) => {
      const { id, batches } = await inTransaction(request, (tx) => startDistribution(tx, commandContext(request), request.body));
      await enqueueBatches(fastify.services, id, batches);
      const row = await findVisibleDistribution(db, actorOf(request), id);
      return reply.code(201).send(await distributionDetail(db, row));
    },
  );

  app.get(
    "/distributions",
    {
      config: { policy: "distribution.read" },
      schema: { tags, summary: "Riwayat distribusi", querystring: distributionListQuery, response: { 200: distributionList, ...errors } },
    },
    async (request) => listDistributions(db, actorOf(request), request.query),
  );

  app.get(
    "/distributions/:id",
    { config: { policy: "distribution.read" }, schema: { tags, params, response: { 200: distributionView, ...errors } } },
    async (request) => distributionDetail(db, await findVisibleDistribution(db, actorOf(request), request.params.id)),
  );

  app.get(
    "/distributions/:id/recipients",
    {
      config: { policy: "distribution.read" },
      schema: { tags, summary: "Status per penerima", params, querystring: recipientQuery, response: { 200: recipientList, ...errors } },
    },
    async (request) => {
      await findVisibleDistribution(db, actorOf(request), request.params.id);
      return listRecipients(db, request.params.id, request.query);
    },
  );

  app.get(
    "/distributions/:id/recipients.csv",
    {
      config: { policy: "distribution.read" },
      schema: { tags, summary: "Ekspor status penerima (CSV)", params, querystring: recipientQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) => {
      const d = await findVisibleDistribution(db, actorOf(request), request.params.id);
      const rows = await allRecipients(db, d.id, request.query);
      const csv = stringify(
        [
          ["Nama", "Email", "Status", "Percobaan", "Balasan server", "Terkirim", "Dibuka"],
          ...rows.map((r) =>
            [r.name, r.email, r.status, String(r.attempts), r.smtpResponse ?? "", r.sentAt ?? "", r.openedAt ?? ""].map(csvCell),
          ),
        ],
        { record_delimiter: "\r\n" },
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="distribusi-${d.id}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    "/distribution/whatsapp/:id",
    {
      config: { policy: "distribution.read" },
      schema: { tags, summary: "Teks siap kirim WhatsApp untuk sebuah konten", params, response: { 200: whatsappText, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findVisibleContent(db, actor, request.params.id);
      distributionPolicy.authorize(actor, "read", item);
      const url = publicUrlOf(fastify.services.publicUrl, item.orgSlug, item.slug);
      const text = whatsappMessage({
        title: item.title,
        summary: item.summary,
        url,
        hashtags: await campaignHashtags(db, item.campaignId),
        embargoUntil: item.embargoUntil,
        timeZone: item.orgTimeZone,
      });
      return { text, url, embargoUntil: item.embargoUntil && item.embargoUntil > new Date() ? item.embargoUntil.toISOString() : null };
    },
  );

  app.post(
    "/distribution/bounces",
    {
      config: { policy: "distribution.ingestBounce" },
      schema: {
        tags,
        summary: "Terima pesan pentalan (DSN RFC 3464) atau permintaan berhenti berlangganan (mailto) mentah dari MTA",
        description:
          "Content-Type message/rfc822 (or text/plain): the raw message as the MTA received it — a bounce (DSN) sent to the envelope sender, or a List-Unsubscribe mailto request (Subject `unsubscribe <token>`) sent to the From address.",
        response: { 200: bounceResult, ...errors },
      },
    },
    async (request) => {
      const raw = request.body;
      if (!(Buffer.isBuffer(raw) || typeof raw === "string") || raw.length === 0) throw ruleError(400, "body", "bounce_unreadable");
      const bounce = parseBounce(raw);
      if (bounce) return inTransaction(request, (tx) => recordBounce(tx, commandContext(request), bounce));
      const token = parseUnsubscribeRequest(raw);
      if (!token) throw ruleError(422, "body", "bounce_unreadable");
      const recipientId = verifyUnsubscribeToken(fastify.services.env, token);
      if (!recipientId) throw ruleError(422, "body", "unsubscribe_token_invalid");
      return inTransaction(request, (tx) => recordMailtoUnsubscribe(tx, commandContext(request), recipientId));
    },
  );

  app.get(
    "/distribution-settings",
    {
      config: { policy: "distributionSettings.read" },
      schema: { tags, querystring: distributionSettingsQuery, response: { 200: distributionSettingsView, ...errors } },
    },
    async (request) => readDistributionSettings(db, actorOf(request), request.query.organizationId),
  );

  app.put(
    "/distribution-settings",
    {
      config: { policy: "distributionSettings.manage" },
      schema: { tags, summary: "Atur distribusi", body: distributionSettingsBody, response: { 200: distributionSettingsView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => saveDistributionSettings(tx, commandContext(request), request.body));
      return readDistributionSettings(db, actorOf(request), request.body.organizationId);
    },
  );
}
