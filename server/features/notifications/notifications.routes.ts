import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { markReadBody, notificationList } from "../../../common/schemas/content";
import { errorBody, pageQuery } from "../../../common/schemas/shared";
import { notifications } from "../../db/schema";
import { inTransaction, typed, userActorOf } from "../../http/route-kit";

const tags = ["notifications"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/** Each person's own notifications: nothing here is shared, so the only scope is the user. */
export async function notificationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/notifications",
    {
      config: { policy: "authenticated" },
      schema: { tags, summary: "Notifikasi saya", querystring: pageQuery, response: { 200: notificationList, ...errors } },
    },
    async (request) => {
      const me = userActorOf(request).userId;
      const { page, pageSize } = request.query;
      const mine = eq(notifications.userId, me);
      const [rows, [{ total }], [{ unread }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(mine)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(notifications).where(mine),
        db
          .select({ unread: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          read: n.readAt !== null,
          createdAt: n.createdAt.toISOString(),
        })),
        total,
        page,
        pageSize,
        unread,
      };
    },
  );

  app.post(
    "/notifications/read",
    {
      config: { policy: "authenticated" },
      schema: { tags, summary: "Tandai dibaca", body: markReadBody, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const me = userActorOf(request).userId;
      const { ids, all } = request.body;
      await inTransaction(request, (tx) =>
        tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.userId, me), isNull(notifications.readAt), all ? undefined : inArray(notifications.id, ids ?? []))),
      );
      return reply.code(204).send(null);
    },
  );
}
