import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createOrganizationBody,
  moveOrganizationBody,
  organizationList,
  organizationListQuery,
  organizationView,
  updateOrganizationBody,
} from "../../../common/schemas/organizations";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { readSingleFile } from "../../http/read-upload";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { createOrganization } from "./commands/create-organization";
import { moveOrganization } from "./commands/move-organization";
import { setOrganizationActive } from "./commands/set-organization-active";
import { updateOrganization } from "./commands/update-organization";
import { uploadOrganizationLogo } from "./commands/upload-organization-logo";
import { presentOrganization } from "./organization.presenter";
import { findVisibleOrganization, listVisibleOrganizations, treeOrder } from "./organization-queries";

const params = z.object({ id: z.uuid() });
const tags = ["organizations"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

export async function organizationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    "/organizations",
    {
      config: { policy: "organization.read" },
      schema: {
        tags,
        summary: "Pohon organisasi yang terlihat oleh pengguna",
        querystring: organizationListQuery,
        response: { 200: organizationList },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return fastify.services.responseCache.send(request, reply, actor, async () => {
        const all = await listVisibleOrganizations(fastify.services.db, actor);
        let rows = request.query.includeInactive === "true" ? all : all.filter((o) => o.active);
        const q = request.query.q?.toLowerCase();
        if (q) {
          // Keep matches and their ancestors so the tree still reads as a tree.
          const matches = rows.filter((o) => o.name.toLowerCase().includes(q) || o.shortName.toLowerCase().includes(q));
          const keep = new Set(matches.flatMap((o) => o.path.split("/").filter(Boolean)));
          rows = rows.filter((o) => keep.has(o.id));
        }
        return {
          items: treeOrder(rows).map((o) => presentOrganization(o, actor, o.level)),
          can: { create: actor.grants.some((g) => g.role === "admin") },
        };
      });
    },
  );

  app.get(
    "/organizations/:id",
    {
      config: { policy: "organization.read" },
      schema: { tags, params, response: { 200: organizationView, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentOrganization(await findVisibleOrganization(request.server.services.db, actor, request.params.id), actor);
    },
  );

  app.post(
    "/organizations",
    {
      config: { policy: "organization.createChild" },
      schema: { tags, body: createOrganizationBody, response: { 201: organizationView, ...errors } },
    },
    async (request, reply) => {
      const row = await inTransaction(request, (tx) => createOrganization(tx, commandContext(request), request.body));
      return reply.code(201).send(presentOrganization(row, actorOf(request)));
    },
  );

  app.patch(
    "/organizations/:id",
    {
      config: { policy: "organization.update" },
      schema: { tags, params, body: updateOrganizationBody, response: { 200: organizationView, ...errors } },
    },
    async (request) => {
      const row = await inTransaction(request, (tx) => updateOrganization(tx, commandContext(request), request.params.id, request.body));
      return presentOrganization(row, actorOf(request));
    },
  );

  app.post(
    "/organizations/:id/move",
    {
      config: { policy: "organization.move" },
      schema: { tags, params, body: moveOrganizationBody, response: { 200: organizationView, ...errors } },
    },
    async (request) => {
      const row = await inTransaction(request, (tx) =>
        moveOrganization(tx, commandContext(request), request.params.id, request.body.parentId),
      );
      return presentOrganization(row, actorOf(request));
    },
  );

  for (const [verb, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/organizations/:id/${verb}`,
      {
        config: { policy: "organization.deactivate" },
        schema: { tags, params, response: { 200: organizationView, ...errors, 409: errorBody } },
      },
      async (request) => {
        const row = await inTransaction(request, (tx) => setOrganizationActive(tx, commandContext(request), request.params.id, active));
        return presentOrganization(row, actorOf(request));
      },
    );
  }

  app.put(
    "/organizations/:id/logo",
    {
      config: { policy: "organization.uploadLogo" },
      schema: { tags, params, consumes: ["multipart/form-data"], response: { 204: z.null(), ...errors, 413: errorBody, 415: errorBody } },
    },
    async (request, reply) => {
      const { data } = await readSingleFile(request);
      await inTransaction(request, (tx) => uploadOrganizationLogo(tx, commandContext(request), request.params.id, data));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/organizations/:id/logo",
    {
      config: { policy: "organization.read" },
      schema: { tags, params },
    },
    async (request, reply) => {
      const org = await findVisibleOrganization(request.server.services.db, actorOf(request), request.params.id);
      const data = org.logoKey ? await request.server.services.files.get(org.logoKey) : null;
      if (!data) throw new AppError(404, "not_found");
      return reply.type("image/png").header("cache-control", "private, max-age=60").send(data);
    },
  );
}
