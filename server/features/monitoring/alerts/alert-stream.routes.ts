import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf } from "../../../http/route-kit";
import { listAlertEvents } from "./alert-event-queries";
import { AlertSignals } from "./alert-signals";

const KEEPALIVE_MS = 20_000;
const PAGE_SIZE = 50;
/** Below every UUID: when the reader had no alert at all on connect, every later one is new. */
const BEFORE_ALL = "00000000-0000-0000-0000-000000000000";

/**
 * Live alerts as Server-Sent Events (session cookie, same origin): each new alert in the
 * reader's scope arrives as `event: alert` with the alert as JSON. A reconnecting browser sends
 * Last-Event-ID and gets what it missed. The bell and the alerts page listen to it.
 */
export async function alertStreamRoutes(fastify: FastifyInstance) {
  const services = fastify.services;
  const signals = new AlertSignals(services);
  await signals.start();
  fastify.addHook("onClose", async () => signals.stop());

  fastify.get(
    "/alerts/stream",
    {
      config: { policy: "alertEvent.read" },
      schema: {
        tags: ["monitoring-alerts"],
        summary: "Aliran peringatan langsung (text/event-stream)",
        querystring: z.object({ after: z.uuid().optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const header = request.headers["last-event-id"];
      let lastId =
        (typeof header === "string" && z.uuid().safeParse(header).success ? header : undefined) ??
        (request.query as { after?: string }).after;
      if (!lastId) {
        const newest = await listAlertEvents(services.db, actor, { page: 1, pageSize: 1 });
        lastId = newest.items[0]?.id;
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write("retry: 5000\n: connected\n\n");
      let busy = false;
      let again = false;
      // Signals may come in bursts; one query at a time, repeated if more arrived meanwhile.
      const push = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            // Oldest first, page after page: a burst larger than a page is sent whole, in order.
            for (;;) {
              const page = await listAlertEvents(services.db, actor, { page: 1, pageSize: PAGE_SIZE, after: lastId ?? BEFORE_ALL });
              for (const item of page.items) {
                res.write(`id: ${item.id}\nevent: alert\ndata: ${JSON.stringify(item)}\n\n`);
                lastId = item.id;
              }
              if (page.items.length < PAGE_SIZE || res.destroyed) break;
            }
          } while (again);
        } catch (err) {
          request.log.warn({ err }, "alert stream query failed");
        } finally {
          busy = false;
        }
      };
      const onAlert = () => void push();
      signals.on("alert", onAlert);
      const keepalive = setInterval(() => res.write(": keepalive\n\n"), KEEPALIVE_MS);
      request.raw.on("close", () => {
        clearInterval(keepalive);
        signals.off("alert", onAlert);
      });
      // Alerts raised between the first query and the subscription.
      await push();
    },
  );
}
