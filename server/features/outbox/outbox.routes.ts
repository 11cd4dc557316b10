import { count, desc, ilike, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { emailList, outboxQuery } from "../../../common/schemas/outbox";
import { errorBody } from "../../../common/schemas/shared";
import { emails } from "../../db/schema";
import { actorOf, typed } from "../../http/route-kit";
import { definePolicy } from "../../policies/core";
import { isSystemAdmin } from "../../policies/system";

// Emails hold invitation and reset links for every account: only system administrators read them.
// A person, not an API token: a leaked token must not read reset links and become a person.
export const outboxPolicy = definePolicy<null, "read">("outbox", { read: (actor) => actor.kind === "user" && isSystemAdmin(actor) });

/** With real SMTP the link already reached its owner: the copy kept here must not work. */
const maskTokens = (text: string) => text.replace(/([?&]token=)[^\s"'<&]+/g, "$1[disembunyikan]");

export async function outboxRoutes(fastify: FastifyInstance) {
  const { db, mailer } = fastify.services;
  typed(fastify).get(
    "/outbox",
    {
      config: { policy: "outbox.read" },
      schema: {
        tags: ["outbox"],
        summary: "Kotak keluar email",
        querystring: outboxQuery,
        response: { 200: emailList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      outboxPolicy.authorize(actorOf(request), "read", null);
      const { page, pageSize, q } = request.query;
      const where = q ? or(ilike(emails.to, `%${q}%`), ilike(emails.subject, `%${q}%`)) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(emails)
          .where(where)
          .orderBy(desc(emails.createdAt), desc(emails.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(emails).where(where),
      ]);
      return {
        items: rows.map((e) => ({
          id: e.id,
          to: e.to,
          subject: e.subject,
          text: mailer.transport === "smtp" ? maskTokens(e.text) : e.text,
          html: e.html && mailer.transport === "smtp" ? maskTokens(e.html) : e.html,
          status: e.status as "queued" | "sent" | "outbox" | "failed",
          error: e.error,
          createdAt: e.createdAt.toISOString(),
          sentAt: e.sentAt?.toISOString() ?? null,
        })),
        total,
        page,
        pageSize,
        transport: mailer.transport,
      };
    },
  );
}
