import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errorBody } from "../../../common/schemas/shared";
import { grantInput, inviteUserBody, userList, userListQuery, userView } from "../../../common/schemas/users";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { navigationAbilities } from "../../policies/navigation";
import { sendQueuedEmail } from "../email/send-queued-email";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { inviteUser } from "./commands/invite-user";
import { addGrant, removeGrant } from "./commands/manage-grants";
import { resendInvitation } from "./commands/resend-invitation";
import { setUserStatus } from "./commands/set-user-status";
import { presentUser } from "./user.presenter";
import { findVisibleUser, listUsers } from "./user-queries";

const tags = ["users"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function userRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: { actor: unknown }, id: string) => {
    const actor = actorOf(request as never);
    const { user, grants } = await findVisibleUser(db, actor, id);
    return presentUser(user, grants, actor);
  };

  app.get(
    "/users",
    {
      config: { policy: "user.read" },
      schema: { tags, summary: "Daftar pengguna dalam cakupan", querystring: userListQuery, response: { 200: userList, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return fastify.services.responseCache.send(request, reply, actor, async () => {
        const orgPath = request.query.organizationId
          ? (await findVisibleOrganization(db, actor, request.query.organizationId)).path
          : undefined;
        const { rows, total, grants } = await listUsers(db, actor, request.query, orgPath);
        return {
          items: rows.map((u) => presentUser(u, grants, actor)),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
          can: { invite: navigationAbilities(actor)["users.invite"] },
        };
      });
    },
  );

  app.get(
    "/users/:id",
    { config: { policy: "user.read" }, schema: { tags, params, response: { 200: userView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/users/invitations",
    {
      config: { policy: "grant.create" },
      schema: { tags, summary: "Undang pengguna lewat email", body: inviteUserBody, response: { 201: userView, ...errors } },
    },
    async (request, reply) => {
      const { userId, emailId } = await inTransaction(request, (tx) => inviteUser(tx, commandContext(request), request.body));
      await sendQueuedEmail(fastify.services, emailId);
      return reply.code(201).send(await present(request, userId));
    },
  );

  app.post(
    "/users/:id/resend-invitation",
    {
      config: { policy: "user.resendInvitation" },
      schema: { tags, params, response: { 200: userView, ...errors } },
    },
    async (request) => {
      const emailId = await inTransaction(request, (tx) => resendInvitation(tx, commandContext(request), request.params.id));
      await sendQueuedEmail(fastify.services, emailId);
      return present(request, request.params.id);
    },
  );

  app.post(
    "/users/:id/grants",
    {
      config: { policy: "grant.create" },
      schema: { tags, params, body: grantInput, response: { 200: userView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) =>
        addGrant(tx, commandContext(request), request.params.id, request.body.organizationId, request.body.role),
      );
      return present(request, request.params.id);
    },
  );

  app.delete(
    "/users/:id/grants/:grantId",
    {
      config: { policy: "grant.remove" },
      schema: { tags, params: params.extend({ grantId: z.uuid() }), response: { 200: userView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => removeGrant(tx, commandContext(request), request.params.id, request.params.grantId));
      return present(request, request.params.id);
    },
  );

  for (const [verb, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/users/:id/${verb}`,
      {
        config: { policy: `user.${verb}` },
        schema: { tags, params, response: { 200: userView, ...errors } },
      },
      async (request) => {
        await inTransaction(request, (tx) => setUserStatus(tx, commandContext(request), request.params.id, active));
        return present(request, request.params.id);
      },
    );
  }
}
