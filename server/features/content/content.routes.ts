import { and, desc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  commentBody,
  commentList,
  contentList,
  contentListQuery,
  contentView,
  createContentBody,
  mentionableList,
  mentionableQuery,
  noteBody,
  returnBody,
  scheduleBody,
  updateContentBody,
  versionDiff,
  versionList,
} from "../../../common/schemas/content";
import { errorBody, pageQuery } from "../../../common/schemas/shared";
import { contentVersions, users } from "../../db/schema";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed, userActorOf } from "../../http/route-kit";
import { sendQueuedEmail } from "../email/send-queued-email";
import { readersOf } from "./approval-chain";
import { addComment, commentsOf } from "./commands/comments";
import { scheduleRelease } from "./commands/release";
import {
  approveContent,
  archiveContent,
  returnContent,
  scheduleContent,
  submitContent,
  unscheduleContent,
  type WorkflowOutcome,
} from "./commands/workflow";
import { createContent, updateContent } from "./commands/write-content";
import { contentPolicy } from "./content.policy";
import { presentContent, presentContentSummary } from "./content.presenter";
import { findVisibleContent, listContent } from "./content-queries";
import { diffVersions } from "./version-diff";

const tags = ["content"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function contentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const services = fastify.services;
  const { db } = services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    return presentContent(db, await findVisibleContent(db, actor, id), actor, services.publicUrl);
  };

  /** After the commit: send the emails the command queued and arm the release at its time. */
  const afterCommit = async (outcome: WorkflowOutcome) => {
    for (const emailId of outcome.emailIds) await sendQueuedEmail(services, emailId);
    await scheduleRelease(services, outcome.releaseAt);
  };

  app.get(
    "/content",
    {
      config: { policy: "content.read" },
      schema: { tags, summary: "Daftar konten", querystring: contentListQuery, response: { 200: contentList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listContent(db, actor, request.query);
      return {
        items: rows.map((r) => presentContentSummary(r, actor, services.publicUrl)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    "/content/queue",
    {
      config: { policy: "content.approve" },
      schema: {
        tags,
        summary: "Menunggu persetujuan saya (terlama dahulu)",
        querystring: pageQuery,
        response: { 200: contentList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const query = contentListQuery.parse(request.query);
      const { rows, total } = await listContent(db, actor, query, true);
      return {
        items: rows.map((r) => presentContentSummary(r, actor, services.publicUrl)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );

  app.post(
    "/content",
    {
      config: { policy: "contentItem.create" },
      schema: { tags, summary: "Buat konten (draf)", body: createContentBody, response: { 201: contentView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createContent(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.get(
    "/content/:id",
    { config: { policy: "content.read" }, schema: { tags, params, response: { 200: contentView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    "/content/:id",
    {
      config: { policy: "content.edit" },
      schema: {
        tags,
        summary: "Ubah konten (menyimpan versi baru)",
        params,
        body: updateContentBody,
        response: { 200: contentView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateContent(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  const transition = (
    path: string,
    policy: string,
    summary: string,
    body: z.ZodType | undefined,
    run: (request: FastifyRequest) => Promise<WorkflowOutcome>,
  ) =>
    app.post(
      path,
      { config: { policy }, schema: { tags, summary, params, ...(body ? { body } : {}), response: { 200: contentView, ...errors } } },
      async (request) => {
        await afterCommit(await run(request));
        return present(request, (request.params as { id: string }).id);
      },
    );

  const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;
  transition("/content/:id/submit", "content.submit", "Ajukan untuk ditinjau", undefined, (r) =>
    inTransaction(r, (tx) => submitContent(tx, commandContext(r), idOf(r))),
  );
  transition("/content/:id/approve", "content.approve", "Setujui tahap peninjauan", noteBody, (r) =>
    inTransaction(r, (tx) => approveContent(tx, commandContext(r), idOf(r), (r.body as z.infer<typeof noteBody>).note)),
  );
  transition("/content/:id/return", "content.return", "Kembalikan untuk diperbaiki", returnBody, (r) =>
    inTransaction(r, (tx) => returnContent(tx, commandContext(r), idOf(r), (r.body as z.infer<typeof returnBody>).note)),
  );
  transition("/content/:id/schedule", "content.schedule", "Jadwalkan atau terbitkan (dengan embargo)", scheduleBody, (r) =>
    inTransaction(r, (tx) => scheduleContent(tx, commandContext(r), idOf(r), r.body as z.infer<typeof scheduleBody>)),
  );
  transition("/content/:id/unschedule", "content.unschedule", "Batalkan jadwal", undefined, (r) =>
    inTransaction(r, (tx) => unscheduleContent(tx, commandContext(r), idOf(r))),
  );
  transition("/content/:id/archive", "content.archive", "Arsipkan", undefined, (r) =>
    inTransaction(r, (tx) => archiveContent(tx, commandContext(r), idOf(r))),
  );

  app.get(
    "/content/:id/versions",
    { config: { policy: "content.read" }, schema: { tags, summary: "Riwayat versi", params, response: { 200: versionList, ...errors } } },
    async (request) => {
      await findVisibleContent(db, actorOf(request), request.params.id);
      const rows = await db
        .select({ version: contentVersions.version, authorName: users.name, createdAt: contentVersions.createdAt })
        .from(contentVersions)
        .leftJoin(users, eq(users.id, contentVersions.authorId))
        .where(eq(contentVersions.contentId, request.params.id))
        .orderBy(desc(contentVersions.version));
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );

  app.get(
    "/content/:id/diff",
    {
      config: { policy: "content.read" },
      schema: {
        tags,
        summary: "Perbedaan dua versi",
        params,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: versionDiff, ...errors },
      },
    },
    async (request) => {
      await findVisibleContent(db, actorOf(request), request.params.id);
      const { from, to } = request.query;
      const rows = await db
        .select({ version: contentVersions.version, snapshot: contentVersions.snapshot })
        .from(contentVersions)
        .where(and(eq(contentVersions.contentId, request.params.id), inArray(contentVersions.version, [from, to])));
      const a = rows.find((r) => r.version === from);
      const b = rows.find((r) => r.version === to);
      if (!a || !b) throw new AppError(404, "version_not_found");
      return { from, to, fields: diffVersions(a.snapshot, b.snapshot) };
    },
  );

  app.get(
    "/content/:id/mentionable",
    {
      config: { policy: "content.comment" },
      schema: {
        tags,
        summary: "Orang yang dapat disebut (@) di konten ini",
        params,
        querystring: mentionableQuery,
        response: { 200: mentionableList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findVisibleContent(db, actor, request.params.id);
      contentPolicy.authorize(actor, "comment", item);
      return { items: await readersOf(db, item.path, request.query.q, 8) };
    },
  );

  app.get(
    "/content/:id/comments",
    { config: { policy: "content.read" }, schema: { tags, params, response: { 200: commentList, ...errors } } },
    async (request) => {
      await findVisibleContent(db, actorOf(request), request.params.id);
      return commentsOf(db, request.params.id);
    },
  );

  app.post(
    "/content/:id/comments",
    {
      config: { policy: "content.comment" },
      schema: { tags, summary: "Komentar (dengan @sebutan)", params, body: commentBody, response: { 201: commentList, ...errors } },
    },
    async (request, reply) => {
      userActorOf(request);
      const { emailIds } = await inTransaction(request, (tx) => addComment(tx, commandContext(request), request.params.id, request.body));
      for (const id of emailIds) await sendQueuedEmail(services, id);
      return reply.code(201).send(await commentsOf(db, request.params.id));
    },
  );
}
