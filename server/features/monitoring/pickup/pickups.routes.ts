import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { releasePickupList, releasePickupQuery } from "../../../../common/schemas/release-pickups";
import { errorBody } from "../../../../common/schemas/shared";
import { contentItems, organizations, releasePickups } from "../../../db/schema";
import { actorOf, typed } from "../../../http/route-kit";
import { findVisibleContent, visibleContent } from "../../content/content-queries";

const tags = ["monitoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
type PickupRow = typeof releasePickups.$inferSelect;

const present = (rows: PickupRow[]) => ({
  items: rows.map((r) => ({
    id: r.id,
    contentId: r.contentId,
    articleId: r.articleId,
    outletId: r.outletId,
    outletName: r.outletName,
    articleUrl: r.articleUrl,
    articleTitle: r.articleTitle,
    publishedAt: r.publishedAt.toISOString(),
    containment: r.containment,
    beforeRelease: r.beforeRelease,
  })),
  outlets: new Set(rows.map((r) => r.outletId ?? r.outletName ?? r.articleUrl)).size,
  firstAt: rows.length > 0 ? rows.reduce((a, b) => (a.publishedAt < b.publishedAt ? a : b)).publishedAt.toISOString() : null,
});

/** Release pickup: which outlets ran a press release (found by the monitoring sweep). */
export async function releasePickupRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/content/:id/pickups",
    {
      config: { policy: "content.read" },
      schema: {
        tags,
        summary: "Media yang memuat siaran pers ini",
        params: z.object({ id: z.uuid() }),
        response: { 200: releasePickupList, ...errors },
      },
    },
    async (request) => {
      await findVisibleContent(db, actorOf(request), request.params.id);
      const rows = await db
        .select()
        .from(releasePickups)
        .where(eq(releasePickups.contentId, request.params.id))
        .orderBy(releasePickups.publishedAt);
      return present(rows);
    },
  );

  /** Pickups of the releases in the actor's scope, e.g. one outlet's in a contract period (deliverable evidence). */
  app.get(
    "/release-pickups",
    {
      config: { policy: "content.read" },
      schema: {
        tags,
        summary: "Pemuatan siaran pers oleh media",
        querystring: releasePickupQuery,
        response: { 200: releasePickupList, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const filters: (SQL | undefined)[] = [
        visibleContent(actorOf(request)),
        q.outletId ? eq(releasePickups.outletId, q.outletId) : undefined,
        q.contentId ? eq(releasePickups.contentId, q.contentId) : undefined,
        q.from ? gte(releasePickups.publishedAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
        q.to ? lt(releasePickups.publishedAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
      ];
      const rows = await db
        .select({ pickup: releasePickups })
        .from(releasePickups)
        .innerJoin(contentItems, eq(contentItems.id, releasePickups.contentId))
        .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
        .where(and(...filters))
        .orderBy(desc(releasePickups.publishedAt))
        .limit(q.limit);
      return present(rows.map((r) => r.pickup));
    },
  );
}
