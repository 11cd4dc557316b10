import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  watchlistBody,
  watchlistCheckBody,
  watchlistCheckResult,
  watchlistList,
  watchlistListQuery,
  watchlistPreviewBody,
  watchlistUpdateBody,
  watchlistView,
} from "../../../../common/schemas/monitoring-articles";
import { errorBody } from "../../../../common/schemas/shared";
import type { Executor } from "../../../db/client";
import { organizations, watchlists } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../../http/route-kit";
import { type Actor, hasAnyRole } from "../../../policies/core";
import { visibleOrganizationIds } from "../articles/article-scope";
import { MONITORING_READERS, watchlistPolicy } from "../articles/monitoring-articles.policy";
import { scoreMention } from "../ingest/ingest-items";
import { createWatchlist, deleteWatchlist, findWatchlist, updateWatchlist } from "./commands/write-watchlist";
import { compileWatchlist, matchableWatchlist } from "./compile-watchlist";
import { matchRecent, PREVIEW_MAX_SCAN, rootPathOf } from "./match-recent";
import { REMATCH_DAYS, WATCHLIST_REMATCH_JOB } from "./rematch.job";

const tags = ["monitoring"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

const previewResult = z.object({
  query: z.string(),
  days: z.number().int(),
  total: z.number().int(),
  scanned: z.number().int(),
  truncated: z.boolean(),
  perDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  toneCounts: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      url: z.string(),
      outletName: z.string().nullable(),
      publishedAt: z.string(),
      tone: z.enum(["positive", "neutral", "negative"]),
      snippet: z.string(),
    }),
  ),
});

type Row = typeof watchlists.$inferSelect & { organizationName: string; path: string; mentions7d: number };

const mentions7d = sql<number>`(select count(*)::int from article_mentions m where m.watchlist_id = ${watchlists.id}
  and m.published_at >= now() - interval '7 days')`.mapWith(Number);

async function listWatchlists(db: Executor, actor: Actor, q: z.infer<typeof watchlistListQuery>): Promise<Row[]> {
  const orgs = await visibleOrganizationIds(db, actor);
  if (!orgs.length) return [];
  if (q.organizationId && !orgs.includes(q.organizationId)) throw new AppError(404, "not_found");
  const ids = q.organizationId ? [q.organizationId] : orgs;
  const like = q.q ? `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ w: watchlists, organizationName: organizations.name, path: organizations.path, mentions7d })
    .from(watchlists)
    .innerJoin(organizations, eq(organizations.id, watchlists.organizationId))
    .where(
      and(
        isNull(watchlists.deletedAt),
        sql`${watchlists.organizationId} = any(${`{${ids.join(",")}}`}::uuid[])`,
        like ? sql`(lower(${watchlists.name}) like ${like} or lower(${watchlists.compiledQuery}) like ${like})` : sql`true`,
      ),
    )
    .orderBy(organizations.name, watchlists.name);
  return rows.map((r) => ({ ...r.w, organizationName: r.organizationName, path: r.path, mentions7d: r.mentions7d }));
}

const present = (r: Row, actor: Actor) => ({
  id: r.id,
  organizationId: r.organizationId,
  organizationName: r.organizationName,
  name: r.name,
  description: r.description,
  entries: r.entries,
  compiledQuery: r.compiledQuery,
  toneTerms: r.toneTerms,
  enabled: r.enabled,
  mentions7d: r.mentions7d,
  updatedAt: new Date(r.updatedAt).toISOString(),
  can: watchlistPolicy.abilities(actor, { path: r.path }),
});

export async function watchlistRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db, jobs } = fastify.services;

  const one = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const { w, path } = await findWatchlist(db, commandContext(request), id);
    const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, w.organizationId));
    const [{ n }] = await db.select({ n: mentions7d }).from(watchlists).where(eq(watchlists.id, id));
    return present({ ...w, organizationName: org.name, path, mentions7d: Number(n) }, actor);
  };

  app.get(
    "/monitoring/watchlists",
    {
      config: { policy: "watchlist.read" },
      schema: { tags, summary: "Daftar watchlist", querystring: watchlistListQuery, response: { 200: watchlistList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: (await listWatchlists(db, actor, request.query)).map((r) => present(r, actor)) };
    },
  );

  app.post(
    "/monitoring/watchlists/check",
    {
      config: { policy: "watchlist.read" },
      schema: {
        tags,
        summary: "Periksa sintaks entri watchlist (400 dengan posisi kesalahan)",
        body: watchlistCheckBody,
        response: { 200: watchlistCheckResult, ...errors },
      },
    },
    async (request) => {
      const c = compileWatchlist(request.body.entries);
      return { query: c.query, toneTerms: c.toneTerms };
    },
  );

  app.post(
    "/monitoring/watchlists/preview",
    {
      // Previewing is part of editing: it scans the whole tree's articles, as a saved watchlist would.
      config: { policy: "watchlist.manage" },
      schema: {
        tags,
        summary: "Pratinjau kecocokan watchlist pada artikel N hari terakhir",
        body: watchlistPreviewBody,
        response: { 200: previewResult, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const [org] = await db
        .select({ path: organizations.path })
        .from(organizations)
        .where(eq(organizations.id, request.body.organizationId));
      if (!org || !hasAnyRole(actor, org.path, MONITORING_READERS)) throw new AppError(404, "not_found");
      watchlistPolicy.authorize(actor, "manage", org);
      const compiled = compileWatchlist(request.body.entries);
      const { matches, scanned, truncated } = await matchRecent(db, {
        rootPath: rootPathOf(org.path),
        ast: compiled.ast,
        days: request.body.days,
        maxScan: PREVIEW_MAX_SCAN,
      });
      const m = matchableWatchlist({
        id: "preview",
        organizationId: request.body.organizationId,
        compiledQuery: compiled.query,
        toneTerms: compiled.toneTerms,
      });
      const perDay = new Map<string, number>();
      for (const x of matches) {
        const d = x.publishedAt.toISOString().slice(0, 10);
        perDay.set(d, (perDay.get(d) ?? 0) + 1);
      }
      // Tone is scored for the shown sample only: the preview must answer while the user types.
      const items = matches.slice(0, 20).map((x) => {
        const s = scoreMention(m, x.text);
        return {
          id: x.id,
          title: x.title,
          url: x.url,
          outletName: x.outletName,
          publishedAt: x.publishedAt.toISOString(),
          tone: s.tone,
          snippet: s.snippet,
        };
      });
      const toneCounts = { positive: 0, neutral: 0, negative: 0 };
      for (const i of items) toneCounts[i.tone]++;
      return {
        query: compiled.query,
        days: request.body.days,
        total: matches.length,
        scanned,
        truncated,
        perDay: [...perDay].sort((a, b) => a[0].localeCompare(b[0])).map(([date, count]) => ({ date, count })),
        toneCounts,
        items,
      };
    },
  );

  app.get(
    "/monitoring/watchlists/:id",
    { config: { policy: "watchlist.read" }, schema: { tags, params, response: { 200: watchlistView, ...errors } } },
    async (request) => one(request, request.params.id),
  );

  app.post(
    "/monitoring/watchlists",
    {
      config: { policy: "watchlist.manage" },
      schema: { tags, summary: "Buat watchlist", body: watchlistBody, response: { 201: watchlistView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createWatchlist(tx, commandContext(request), request.body));
      await jobs.enqueue(WATCHLIST_REMATCH_JOB, { watchlistId: id, days: REMATCH_DAYS }, { singletonKey: id });
      return reply.code(201).send(await one(request, id));
    },
  );

  app.patch(
    "/monitoring/watchlists/:id",
    {
      config: { policy: "watchlist.manage" },
      schema: { tags, params, body: watchlistUpdateBody, response: { 200: watchlistView, ...errors } },
    },
    async (request) => {
      const { queryChanged } = await inTransaction(request, (tx) =>
        updateWatchlist(tx, commandContext(request), request.params.id, request.body),
      );
      // Re-matching recent articles runs in the background: an edit answers at once.
      if (queryChanged)
        await jobs.enqueue(
          WATCHLIST_REMATCH_JOB,
          { watchlistId: request.params.id, days: REMATCH_DAYS },
          { singletonKey: request.params.id },
        );
      return one(request, request.params.id);
    },
  );

  app.delete(
    "/monitoring/watchlists/:id",
    { config: { policy: "watchlist.manage" }, schema: { tags, params, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) => deleteWatchlist(tx, commandContext(request), request.params.id));
      return reply.code(204).send(null);
    },
  );
}
