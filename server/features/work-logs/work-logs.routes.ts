import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { errorBody, pageQuery } from "../../../common/schemas/shared";
import {
  addLinkEvidenceBody,
  batchResult,
  createWorkLogBody,
  decisionBody,
  queueCount as queueCountView,
  reopenBody,
  submitBody,
  updateWorkLogBody,
  workLogList,
  workLogListQuery,
  workLogView,
} from "../../../common/schemas/work-logs";
import { workLogEvidence } from "../../db/schema";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { addFileEvidence, addLinkEvidence, removeEvidence } from "./commands/evidence";
import { decideWorkLogs, reopenWorkLog, submitWorkLogs } from "./commands/workflow";
import { createWorkLog, updateWorkLog } from "./commands/write-work-log";
import { workLogPolicy } from "./work-log.policy";
import { presentWorkLog, presentWorkLogSummary } from "./work-log.presenter";
import { findVisibleWorkLog, listWorkLogs, queueCount, verificationQueue, workLogDetail } from "./work-log-queries";

const tags = ["work-logs"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };

export async function workLogRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, files, env } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleWorkLog(db, actor, id);
    return presentWorkLog(row, await workLogDetail(db, id), actor);
  };

  app.get(
    "/work-logs",
    {
      config: { policy: "workLog.read" },
      schema: { tags, summary: "Catatan hasil kerja", querystring: workLogListQuery, response: { 200: workLogList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listWorkLogs(db, actor, request.query);
      return { items: rows.map((r) => presentWorkLogSummary(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    "/work-logs/queue",
    {
      config: { policy: "workLog.decide" },
      schema: { tags, summary: "Antrean verifikasi (terlama dahulu)", querystring: pageQuery, response: { 200: workLogList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await verificationQueue(db, actor, request.query.page, request.query.pageSize);
      return { items: rows.map((r) => presentWorkLogSummary(r, actor)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    "/work-logs/queue/count",
    { config: { policy: "workLog.decide" }, schema: { tags, response: { 200: queueCountView, ...errors } } },
    async (request) => ({
      count: await queueCount(db, actorOf(request)),
    }),
  );

  app.get(
    "/work-logs/:id",
    { config: { policy: "workLog.read" }, schema: { tags, params, response: { 200: workLogView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/work-logs",
    {
      config: { policy: "workLogEntry.create" },
      schema: { tags, summary: "Catat hasil kerja (draf)", body: createWorkLogBody, response: { 201: workLogView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createWorkLog(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.patch(
    "/work-logs/:id",
    { config: { policy: "workLog.edit" }, schema: { tags, params, body: updateWorkLogBody, response: { 200: workLogView, ...errors } } },
    async (request) => {
      await inTransaction(request, (tx) => updateWorkLog(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  app.post(
    "/work-logs/:id/evidence",
    {
      config: { policy: "workLog.edit" },
      schema: {
        tags,
        summary: "Tambah bukti: berkas (multipart) atau tautan/rujukan (JSON)",
        params,
        response: { 201: workLogView, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(request);
      if (request.isMultipart()) {
        const maxBytes = env.EVIDENCE_MAX_MB * 1024 * 1024;
        const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
        if (!file) throw new AppError(400, "file_required");
        const data = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: env.EVIDENCE_MAX_MB });
          throw err;
        });
        await inTransaction(request, (tx) => addFileEvidence(tx, ctx, request.params.id, { data, fileName: file.filename }));
      } else {
        const body = addLinkEvidenceBody.safeParse(request.body);
        if (!body.success) throw new AppError(400, "validation_failed", {}, { kind: { code: "field_invalid" } });
        await inTransaction(request, (tx) => addLinkEvidence(tx, ctx, request.params.id, body.data));
      }
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.delete(
    "/work-logs/:id/evidence/:evidenceId",
    {
      config: { policy: "workLog.edit" },
      schema: { tags, params: params.extend({ evidenceId: z.uuid() }), response: { 200: workLogView, ...errors } },
    },
    async (request) => {
      const key = await inTransaction(request, (tx) =>
        removeEvidence(tx, commandContext(request), request.params.id, request.params.evidenceId),
      );
      if (key) await files.delete(key);
      return present(request, request.params.id);
    },
  );

  app.get(
    "/work-logs/:id/evidence/:evidenceId/file",
    {
      config: { policy: "workLog.read" },
      schema: { tags, summary: "Unduh berkas bukti", params: params.extend({ evidenceId: z.uuid() }) },
    },
    async (request, reply) => {
      const log = await findVisibleWorkLog(db, actorOf(request), request.params.id);
      workLogPolicy.authorize(actorOf(request), "read", log);
      const [row] = await db
        .select()
        .from(workLogEvidence)
        .where(and(eq(workLogEvidence.id, request.params.evidenceId), eq(workLogEvidence.workLogId, log.id)));
      const data = row?.fileKey ? await files.get(row.fileKey) : null;
      if (!row || !data) throw new AppError(404, "not_found");
      const inline = row.mime?.startsWith("image/") || row.mime === "application/pdf" || row.mime?.startsWith("video/");
      return reply
        .type(row.mime ?? "application/octet-stream")
        .header(
          "content-disposition",
          `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(row.fileName ?? "bukti")}`,
        )
        .header("cache-control", "private, max-age=300")
        .send(data);
    },
  );

  app.post(
    "/work-logs/submit",
    {
      config: { policy: "workLog.submit" },
      schema: { tags, summary: "Ajukan untuk verifikasi (satu atau banyak)", body: submitBody, response: { 200: batchResult, ...errors } },
    },
    async (request) => ({
      results: await inTransaction(request, (tx) => submitWorkLogs(tx, commandContext(request), request.body.ids)),
    }),
  );

  app.post(
    "/work-logs/decisions",
    {
      config: { policy: "workLog.decide" },
      schema: {
        tags,
        summary: "Setujui atau kembalikan (satu atau banyak)",
        body: decisionBody,
        response: { 200: batchResult, ...errors },
      },
    },
    async (request) => ({
      results: await inTransaction(request, (tx) =>
        decideWorkLogs(tx, commandContext(request), request.body.ids, request.body.decision, request.body.note),
      ),
    }),
  );

  app.post(
    "/work-logs/:id/reopen",
    {
      config: { policy: "workLog.reopen" },
      schema: {
        tags,
        summary: "Buka kembali entri yang sudah disetujui",
        params,
        body: reopenBody,
        response: { 200: workLogView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => reopenWorkLog(tx, commandContext(request), request.params.id, request.body.reason));
      return present(request, request.params.id);
    },
  );
}
