import { stringify } from "csv-stringify/sync";
import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { auditExportQuery, auditList, auditQuery } from "../../../common/schemas/audit";
import { errorBody } from "../../../common/schemas/shared";
import { auditLog } from "../../db/schema";
import { actorOf, typed } from "../../http/route-kit";
import { csvCell } from "../../lib/csv-cell";
import { auditPolicy } from "./audit.policy";
import { auditSelect, auditWhere, localOffset } from "./audit-queries";

const tags = ["audit"];
const EXPORT_MAX_ROWS = 100_000;

export async function auditRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/audit",
    {
      config: { policy: "audit.read" },
      schema: {
        tags,
        summary: "Log audit dalam cakupan admin",
        querystring: auditQuery,
        response: { 200: auditList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      auditPolicy.authorize(actor, "read", null);
      const where = auditWhere(actor, request.query, await localOffset(db, actor, request.query.organizationId));
      const { page, pageSize } = request.query;
      const [rows, [{ total }]] = await Promise.all([
        auditSelect(db, where)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page, pageSize };
    },
  );

  app.get(
    "/audit/export.csv",
    {
      config: { policy: "audit.read" },
      schema: { tags, summary: "Ekspor log audit ke CSV", querystring: auditExportQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      auditPolicy.authorize(actor, "read", null);
      const offset = await localOffset(db, actor, request.query.organizationId);
      const rows = await auditSelect(db, auditWhere(actor, request.query, offset)).limit(EXPORT_MAX_ROWS);
      const csv = stringify(
        rows.map((r) =>
          [
            r.seq,
            r.at.toISOString(),
            r.actorName ?? "",
            r.organizationName ?? "",
            r.action,
            r.entityType,
            r.entityId ?? "",
            JSON.stringify(r.before ?? null),
            JSON.stringify(r.after ?? null),
            r.ip ?? "",
          ].map((v) => csvCell(String(v))),
        ),
        { header: true, columns: ["seq", "waktu", "pelaku", "organisasi", "aksi", "entitas", "id_entitas", "sebelum", "sesudah", "ip"] },
      );
      // A BOM so that Excel opens the UTF-8 file with Indonesian characters intact.
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
}
