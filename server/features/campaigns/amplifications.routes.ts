import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  amplificationInbox,
  amplificationInboxItem,
  amplificationInboxQuery,
  amplifyBody,
  contentAmplifications,
  markSharedBody,
} from "../../../common/schemas/campaigns";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { findVisibleContent } from "../content/content-queries";
import { amplificationRequestPolicy } from "./amplification.policy";
import { amplificationsOf, findInboxRequest, listInbox, presentInboxItem } from "./amplification-queries";
import { percent } from "./campaign-report";
import { markShared, requestAmplification } from "./commands/amplify";

const tags = ["amplifications"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function amplificationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  // publicUrl is read per request: the test server learns its port after the routes register.
  const { services } = fastify;
  const { db } = services;

  /** The requester's view of one item: every target agency and how many shared it. */
  const requesterView = async (request: FastifyRequest, contentId: string) => {
    const actor = actorOf(request);
    const item = await findVisibleContent(db, actor, contentId);
    amplificationRequestPolicy.authorize(actor, "read", item);
    const items = await amplificationsOf(db, contentId);
    const shared = items.filter((i) => i.status === "shared").length;
    return {
      items,
      requested: items.length,
      shared,
      adoptionPercent: percent(shared, items.length),
      can: amplificationRequestPolicy.abilities(actor, item),
    };
  };

  app.get(
    "/content/:id/amplifications",
    {
      config: { policy: "amplification.read" },
      schema: { tags, summary: "Permintaan amplifikasi sebuah konten", params, response: { 200: contentAmplifications, ...errors } },
    },
    async (request) => requesterView(request, request.params.id),
  );

  app.post(
    "/content/:id/amplifications",
    {
      config: { policy: "amplification.request" },
      schema: {
        tags,
        summary: "Minta instansi lain membagikan konten",
        params,
        body: amplifyBody,
        response: { 200: contentAmplifications, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => requestAmplification(tx, commandContext(request), request.params.id, request.body));
      return requesterView(request, request.params.id);
    },
  );

  app.get(
    "/amplifications",
    {
      config: { policy: "authenticated" },
      schema: {
        tags,
        summary: "Kotak masuk amplifikasi instansi",
        querystring: amplificationInboxQuery,
        response: { 200: amplificationInbox, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listInbox(db, actor, request.query);
      return {
        items: rows.map((r) => presentInboxItem(r, actor, services.publicUrl)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/amplifications/:id/shared",
    {
      config: { policy: "amplificationInbox.share" },
      schema: {
        tags,
        summary: "Tandai sudah dibagikan (dengan tautan)",
        params,
        body: markSharedBody,
        response: { 200: amplificationInboxItem, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => markShared(tx, commandContext(request), request.params.id, request.body.url));
      const actor = actorOf(request);
      return presentInboxItem(await findInboxRequest(db, actor, request.params.id), actor, services.publicUrl);
    },
  );
}
