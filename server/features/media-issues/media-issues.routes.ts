import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createIssueBody,
  issueContentBody,
  issueDetail as issueDetailSchema,
  issueList,
  issueListQuery,
  issueNoteBody,
  issueOptions as issueOptionsSchema,
  issueSuggestion,
  issueSuggestQuery,
  slaBody,
  slaView,
  updateIssueBody,
} from "../../../common/schemas/media-issues";
import { errorBody } from "../../../common/schemas/shared";
import { fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { sendQueuedEmail } from "../email/send-queued-email";
import { issueOptions, linkIssueContent, unlinkIssueContent } from "./commands/issue-content";
import { saveSla, slaSettingsOf } from "./commands/sla";
import { suggestIssue } from "./commands/suggest-issue";
import { addIssueNote, createIssue, updateIssue } from "./commands/write-issue";
import { issueDetail, listIssues } from "./issue-queries";

const tags = ["media-issues"];
const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Issues (isu): opened from articles, clusters or alerts, tracked to a response, escalated on SLA. */
export async function mediaIssueRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const services = fastify.services;

  app.get(
    "/media-issues",
    {
      config: { policy: "mediaIssue.read" },
      schema: {
        tags,
        summary: "Isu dalam cakupan saya (papan koordinator)",
        querystring: issueListQuery,
        response: { 200: issueList, ...errors },
      },
    },
    async (request) => listIssues(services.db, actorOf(request), request.query),
  );

  app.get(
    "/media-issues/suggest",
    {
      config: { policy: "mediaIssue.read" },
      schema: {
        tags,
        summary: "Usulan isu dari artikel, klaster atau peringatan (organisasi penanggung jawab dari penyebutan)",
        querystring: issueSuggestQuery,
        response: { 200: issueSuggestion, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      if (!q.articleId && !q.clusterId && !q.alertId) throw fieldError("articleId", "issue_source_missing");
      const s = await suggestIssue(services.db, actorOf(request), q);
      return {
        title: s.title,
        summary: s.summary,
        url: s.url,
        articleIds: s.articleIds,
        suggestedOrganizationId: s.suggestedOrganizationId,
        suggestedOrganizationName: s.suggestedOrganizationName,
        mentionCounts: s.mentionCounts,
      };
    },
  );

  app.post(
    "/media-issues",
    {
      config: { policy: "mediaIssue.manage" },
      schema: { tags, summary: "Buka isu", body: createIssueBody, response: { 201: issueDetailSchema, ...errors } },
    },
    async (request, reply) => {
      const { id, emailIds } = await inTransaction(request, (tx) => createIssue(tx, commandContext(request), request.body));
      for (const e of emailIds) await sendQueuedEmail(services, e);
      return reply.code(201).send(await issueDetail(services.db, actorOf(request), id));
    },
  );

  app.get(
    "/media-issues/:id",
    {
      config: { policy: "mediaIssue.read" },
      schema: {
        tags,
        summary: "Isu dengan linimasa dan konten tanggapan",
        params: idParams,
        response: { 200: issueDetailSchema, ...errors },
      },
    },
    async (request) => issueDetail(services.db, actorOf(request), request.params.id),
  );

  app.patch(
    "/media-issues/:id",
    {
      config: { policy: "mediaIssue.manage" },
      schema: {
        tags,
        summary: "Ubah status, tingkat, penanggung jawab",
        params: idParams,
        body: updateIssueBody,
        response: { 200: issueDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { emailIds } = await inTransaction(request, (tx) => updateIssue(tx, commandContext(request), request.params.id, request.body));
      for (const e of emailIds) await sendQueuedEmail(services, e);
      return issueDetail(services.db, actorOf(request), request.params.id);
    },
  );

  app.post(
    "/media-issues/:id/notes",
    {
      config: { policy: "mediaIssue.manage" },
      schema: {
        tags,
        summary: "Catatan tindak lanjut",
        params: idParams,
        body: issueNoteBody,
        response: { 200: issueDetailSchema, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => addIssueNote(tx, commandContext(request), request.params.id, request.body.text));
      return issueDetail(services.db, actorOf(request), request.params.id);
    },
  );

  app.get(
    "/media-issues/:id/options",
    {
      config: { policy: "mediaIssue.read" },
      schema: {
        tags,
        summary: "Calon penanggung jawab dan konten tanggapan yang dapat ditautkan",
        params: idParams,
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: { 200: issueOptionsSchema, ...errors },
      },
    },
    async (request) => issueOptions(services.db, actorOf(request), request.params.id, request.query.q),
  );

  app.post(
    "/media-issues/:id/content",
    {
      config: { policy: "mediaIssue.manage" },
      schema: {
        tags,
        summary: "Tautkan klarifikasi atau siaran pers",
        params: idParams,
        body: issueContentBody,
        response: { 200: issueDetailSchema, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) =>
        linkIssueContent(tx, commandContext(request), request.params.id, request.body.contentItemId, request.body.role),
      );
      return issueDetail(services.db, actorOf(request), request.params.id);
    },
  );

  app.delete(
    "/media-issues/:id/content/:contentItemId",
    {
      config: { policy: "mediaIssue.manage" },
      schema: {
        tags,
        summary: "Lepas tautan konten tanggapan",
        params: z.object({ id: z.uuid(), contentItemId: z.uuid() }),
        response: { 200: issueDetailSchema, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) =>
        unlinkIssueContent(tx, commandContext(request), request.params.id, request.params.contentItemId),
      );
      return issueDetail(services.db, actorOf(request), request.params.id);
    },
  );

  const orgParams = z.object({ organizationId: z.uuid() });
  app.get(
    "/media-issues/sla/:organizationId",
    {
      config: { policy: "mediaIssue.read" },
      schema: { tags, summary: "SLA per tingkat isu yang berlaku", params: orgParams, response: { 200: slaView, ...errors } },
    },
    // Reading may seed the tree's defaults once: a write, so it runs in a transaction.
    async (request) => inTransaction(request, (tx) => slaSettingsOf(tx, actorOf(request), request.params.organizationId)),
  );

  app.put(
    "/media-issues/sla/:organizationId",
    {
      config: { policy: "issueSla.manage" },
      schema: {
        tags,
        summary: "Ubah SLA per tingkat isu untuk subtree ini",
        params: orgParams,
        body: slaBody,
        response: { 200: slaView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => saveSla(tx, commandContext(request), request.params.organizationId, request.body));
      return inTransaction(request, (tx) => slaSettingsOf(tx, actorOf(request), request.params.organizationId));
    },
  );
}
