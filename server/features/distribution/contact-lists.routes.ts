import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  contactListCount,
  contactListList,
  contactListQuery,
  contactListView,
  createContactListBody,
  previewContactListBody,
  updateContactListBody,
} from "../../../common/schemas/distribution";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { createContactList, deleteContactList, updateContactList } from "./commands/write-contact-list";
import { contactListDetail, findVisibleList, listContactLists, memberIdsOf, presentContactList, selectorOf } from "./contact-list-queries";
import { contactListPolicy } from "./distribution.policy";
import { countEligible, countMatched, resolveRecipients } from "./recipient-resolver";

const tags = ["distribution"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function contactListRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/contact-lists",
    {
      config: { policy: "contactList.read" },
      schema: { tags, summary: "Daftar kontak distribusi", querystring: contactListQuery, response: { 200: contactListList, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listContactLists(db, actor, request.query);
      const items = [];
      for (const row of rows) {
        const ids = row.kind === "static" ? await memberIdsOf(db, row.id) : [];
        items.push(presentContactList(row, ids, await countEligible(db, selectorOf(row)), actor));
      }
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    "/contact-lists/preview",
    {
      config: { policy: "contactList.read" },
      schema: {
        tags,
        summary: "Hitung penerima daftar sebelum disimpan",
        body: previewContactListBody,
        response: { 200: contactListCount, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findVisibleOrganization(db, actor, request.body.organizationId);
      contactListPolicy.authorize(actor, "read", org);
      const selector = {
        path: org.path,
        kind: request.body.kind,
        filters: request.body.kind === "dynamic" ? (request.body.filters ?? {}) : {},
        journalistIds: request.body.kind === "static" ? (request.body.journalistIds ?? []) : undefined,
      };
      return {
        matched: await countMatched(db, selector),
        eligible: await countEligible(db, selector),
        sample: await resolveRecipients(db, [selector], 10),
      };
    },
  );

  app.get(
    "/contact-lists/:id",
    { config: { policy: "contactList.read" }, schema: { tags, params, response: { 200: contactListView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      return contactListDetail(db, actor, await findVisibleList(db, actor, request.params.id));
    },
  );

  app.get(
    "/contact-lists/:id/recipients",
    {
      config: { policy: "contactList.read" },
      schema: { tags, summary: "Penerima yang memenuhi syarat saat ini", params, response: { 200: contactListCount, ...errors } },
    },
    async (request) => {
      const list = await findVisibleList(db, actorOf(request), request.params.id);
      const selector = selectorOf(list);
      return {
        matched: await countMatched(db, selector),
        eligible: await countEligible(db, selector),
        sample: await resolveRecipients(db, [selector], 500),
      };
    },
  );

  app.post(
    "/contact-lists",
    {
      config: { policy: "contactList.manage" },
      schema: { tags, summary: "Buat daftar kontak", body: createContactListBody, response: { 201: contactListView, ...errors } },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createContactList(tx, commandContext(request), request.body));
      const actor = actorOf(request);
      return reply.code(201).send(await contactListDetail(db, actor, await findVisibleList(db, actor, id)));
    },
  );

  app.patch(
    "/contact-lists/:id",
    {
      config: { policy: "contactList.manage" },
      schema: { tags, params, body: updateContactListBody, response: { 200: contactListView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => updateContactList(tx, commandContext(request), request.params.id, request.body));
      const actor = actorOf(request);
      return contactListDetail(db, actor, await findVisibleList(db, actor, request.params.id));
    },
  );

  app.delete(
    "/contact-lists/:id",
    { config: { policy: "contactList.manage" }, schema: { tags, params, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await inTransaction(request, (tx) => deleteContactList(tx, commandContext(request), request.params.id));
      return reply.code(204).send(null);
    },
  );
}
