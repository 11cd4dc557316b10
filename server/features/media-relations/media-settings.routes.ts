import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { mediaSettingsBody, mediaSettingsView } from "../../../common/schemas/media-relations";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { effectiveSettings, saveMediaSettings } from "./commands/media-settings";

const tags = ["media-relations"];
const params = z.object({ organizationId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Certificate warning window and outlet grading rules, as data per organization subtree. */
export async function mediaSettingsRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    "/media-relations/settings/:organizationId",
    {
      config: { policy: "mediaOutlet.read" },
      schema: {
        tags,
        summary: "Pengaturan media yang berlaku (jendela peringatan, aturan grade)",
        params,
        response: { 200: mediaSettingsView, ...errors },
      },
    },
    // Reading may seed the tree's defaults once: a write, so it runs in a transaction.
    async (request) => inTransaction(request, (tx) => effectiveSettings(tx, actorOf(request), request.params.organizationId)),
  );

  app.put(
    "/media-relations/settings/:organizationId",
    {
      config: { policy: "mediaRelationsSettings.manage" },
      schema: {
        tags,
        summary: "Ubah pengaturan media dan aturan grade subtree ini",
        params,
        body: mediaSettingsBody,
        response: { 200: mediaSettingsView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, (tx) => saveMediaSettings(tx, commandContext(request), request.params.organizationId, request.body));
      return inTransaction(request, (tx) => effectiveSettings(tx, actorOf(request), request.params.organizationId));
    },
  );
}
