import type { FastifyInstance, FastifyReply } from "fastify";
import { calendarQuery, calendarView } from "../../../common/schemas/campaigns";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, typed } from "../../http/route-kit";
import { definePolicy } from "../../policies/core";
import { calendarEntries } from "./calendar-queries";
import { type IcalEvent, renderIcal } from "./ical";

const tags = ["calendar"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Anyone with a role somewhere reads the calendar; the query keeps to their subtrees. */
definePolicy<unknown, "read">("calendar", { read: (actor) => actor.grants.length > 0 });

const STATUS_LABELS: Record<string, string> = { approved: "Disetujui", scheduled: "Terjadwal", published: "Terbit" };

export async function calendarRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  // publicUrl is read per request: the test server learns its port after the routes register.
  const { services } = fastify;
  const { db } = services;

  app.get(
    "/calendar",
    {
      config: { policy: "calendar.read" },
      schema: {
        tags,
        summary: "Kalender konten (terjadwal dan terbit)",
        querystring: calendarQuery,
        response: { 200: calendarView, ...errors },
      },
    },
    async (request) => calendarEntries(db, actorOf(request), services.publicUrl, request.query),
  );

  app.get(
    "/calendar.ics",
    {
      config: { policy: "calendar.read" },
      schema: { tags, summary: "Kalender konten (iCalendar)", querystring: calendarQuery, response: errors },
    },
    async (request, reply) => {
      const { items } = await calendarEntries(db, actorOf(request), services.publicUrl, request.query);
      const host = new URL(services.publicUrl).hostname || "sinergi";
      const events: IcalEvent[] = items.map((i) => ({
        uid: `${i.id}@${host}`,
        start: new Date(i.at),
        summary: `[${STATUS_LABELS[i.status] ?? i.status}] ${i.title}`,
        description: [
          i.organization.name,
          i.campaign ? `Kampanye: ${i.campaign.name}` : "",
          i.embargoUntil ? `Embargo sampai ${new Date(i.embargoUntil).toISOString()}` : "",
          `${services.publicUrl.replace(/\/$/, "")}/app/content/${i.id}`,
        ]
          .filter(Boolean)
          .join("\n"),
        url: i.publicUrl,
        categories: [i.type],
        status: i.status === "approved" ? "TENTATIVE" : "CONFIRMED",
      }));
      const body = renderIcal({ name: `Kalender konten ${request.query.from} s.d. ${request.query.to}`, events });
      // A file, not JSON: the untyped reply skips the error-body response schema's types.
      return (reply as FastifyReply)
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="kalender-${request.query.from}-${request.query.to}.ics"`)
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );
}
