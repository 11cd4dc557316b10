import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  articleExportQuery,
  articlePage,
  articleSearchQuery,
  articleView,
  toneCorrectionBody,
} from "../../../../common/schemas/monitoring-articles";
import { errorBody } from "../../../../common/schemas/shared";
import type { Executor } from "../../../db/client";
import { AppError } from "../../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { csvCell } from "../../../lib/csv-cell";
import type { Actor } from "../../../policies/core";
import { newWorkbook, tableHeader, workbookBuffer } from "../../reports/xlsx";
import { presentArticles } from "./article.presenter";
import { articleVisible, visibleOrganizationIds } from "./article-scope";
import { type ArticleRow, planSearch, RELEVANCE_POOL, searchPage } from "./article-search";
import { correctTone } from "./commands/correct-tone";
import "./monitoring-articles.policy";

const tags = ["monitoring"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const EXPORT_MAX = 10_000;

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

async function articleDetail(db: Executor, actor: Actor, id: string) {
  const orgs = await visibleOrganizationIds(db, actor);
  const [row] = rowsOf<ArticleRow & { author: string | null; section: string | null; images: string[]; source_id: string | null }>(
    await db.execute(sql`select a.*, null::real as rank from articles a where a.id = ${id} and ${articleVisible("a", orgs)}`),
  );
  if (!row) throw new AppError(404, "not_found");
  const [summary] = await presentArticles(db, actor, [row], orgs);
  const copies = row.near_dup_group_id
    ? rowsOf<{ id: string; title: string; url: string; outlet_name: string | null; published_at: Date }>(
        await db.execute(sql`select a.id, a.title, a.url, a.outlet_name, a.published_at from articles a
          where a.near_dup_group_id = ${row.near_dup_group_id} and a.id <> ${id} and ${articleVisible("a", orgs)}
          order by a.published_at limit 100`),
      )
    : [];
  return {
    ...summary,
    lead: row.lead,
    body: row.body,
    author: row.author,
    section: row.section,
    images: row.images ?? [],
    sourceId: row.source_id,
    organizationId: row.organization_id,
    nearDuplicates: copies.map((c) => ({
      id: c.id,
      title: c.title,
      url: c.url,
      outletName: c.outlet_name,
      publishedAt: new Date(c.published_at).toISOString(),
    })),
  };
}

export async function monitoringArticleRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/monitoring/articles",
    {
      config: { policy: "monitoringArticle.read" },
      schema: {
        tags,
        summary: "Cari artikel pemantauan (sintaks Boolean, filter, halaman keyset)",
        description: `sort=date (bawaan): terbaru dulu, semua hasil dapat dihalamankan. sort=relevance: diurutkan menurut relevansi di antara ${RELEVANCE_POOL.toLocaleString("id-ID")} kandidat teks terbaru (setelah filter), bukan seluruh arsip; halaman berikutnya tetap di kumpulan yang sama. Satu permintaan dapat mengembalikan kurang dari \`limit\` butir beserta nextCursor bila banyak kandidat ditolak pencocok persis; lanjutkan dengan cursor tersebut.`,
        querystring: articleSearchQuery,
        response: { 200: articlePage, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { cursor, limit, sort, ...filters } = request.query;
      const plan = await planSearch(db, actor, { ...filters, sort });
      const page = await searchPage(db, plan, { sort, limit, cursor });
      return { items: await presentArticles(db, actor, page.rows, plan.orgs), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/monitoring/articles/export",
    {
      config: { policy: "monitoringArticle.read" },
      schema: { tags, summary: "Ekspor hasil pencarian artikel (CSV/XLSX, maks. 10.000 baris)", querystring: articleExportQuery },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, ...filters } = request.query;
      const plan = await planSearch(db, actor, filters);
      const rows: ArticleRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchPage(db, plan, { sort: filters.sort, limit: 100, cursor });
        rows.push(...page.rows);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < EXPORT_MAX);
      const items = await presentArticles(db, actor, rows.slice(0, EXPORT_MAX), plan.orgs);
      const en = request.locale === "en";
      const headers = en
        ? ["Published", "Outlet", "Title", "URL", "Kind", "Tone by organization", "Hoax-likeness", "Story", "Other outlets (copies)"]
        : ["Terbit", "Media", "Judul", "URL", "Jenis", "Nada per organisasi", "Kemiripan hoaks", "Klaster", "Salinan di media lain"];
      const table = items.map((a) => [
        a.publishedAt,
        a.outletName ?? "",
        a.title,
        a.url,
        a.kind,
        a.mentions.map((m) => `${m.organizationName}: ${m.tone}`).join("; "),
        a.hoaxScore === null ? "" : a.hoaxScore.toFixed(2),
        a.clusterId ?? "",
        String(a.nearDupCount),
      ]);
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === "xlsx") {
        const wb = await newWorkbook();
        const ws = wb.addWorksheet(en ? "Articles" : "Artikel");
        tableHeader(
          ws,
          1,
          headers.map((h, i) => ({ header: h, width: [20, 20, 60, 40, 10, 40, 12, 38, 12][i] })),
        );
        for (const r of table) ws.addRow(r);
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="artikel-${stamp}.xlsx"`)
          .send(await workbookBuffer(wb));
      }
      const csv = stringify([headers, ...table.map((r) => r.map((v) => csvCell(String(v))))]);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="artikel-${stamp}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    "/monitoring/articles/:id",
    { config: { policy: "monitoringArticle.read" }, schema: { tags, params, response: { 200: articleView, ...errors } } },
    async (request) => articleDetail(db, actorOf(request), request.params.id),
  );

  app.put(
    "/monitoring/articles/:id/mentions/:watchlistId/tone",
    {
      config: { policy: "monitoringArticle.correctTone" },
      schema: {
        tags,
        summary: "Koreksi nada sebutan organisasi",
        params: params.extend({ watchlistId: z.uuid() }),
        body: toneCorrectionBody,
        response: { 200: articleView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) =>
        correctTone(tx, commandContext(request), request.params.id, request.params.watchlistId, request.body.tone),
      );
      return articleDetail(db, actorOf(request), request.params.id);
    },
  );
}
