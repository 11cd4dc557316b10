import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createOfficerBody,
  createRatingBody,
  officerList,
  officerListQuery,
  officerView,
  updateOfficerBody,
} from "../../../common/schemas/officers";
import { errorBody } from "../../../common/schemas/shared";
import { AppError } from "../../http/errors";
import { readSingleFile } from "../../http/read-upload";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";

import { loadAkRules } from "../angka-kredit/ak-rules-store";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { createOfficer } from "./commands/create-officer";
import { deleteRating, rateOfficer } from "./commands/rate-officer";
import { setOfficerActive } from "./commands/set-officer-active";
import { updateOfficer } from "./commands/update-officer";
import { uploadOfficerPhoto } from "./commands/upload-officer-photo";
import { eligibilityFlags } from "./eligibility";
import { OFFICER_KEEPERS } from "./officer.policy";
import { presentOfficer, presentOfficerSummary } from "./officer.presenter";
import { findVisibleOfficer, listOfficers, officerDetail } from "./officer-queries";

const tags = ["officers"];
const params = z.object({ id: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function officerRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleOfficer(db, actor, id);
    const [detail, rules] = await Promise.all([officerDetail(db, id), loadAkRules(db)]);
    return presentOfficer(row, detail, rules, actor);
  };

  app.get(
    "/officers",
    {
      config: { policy: "officer.read" },
      schema: {
        tags,
        summary: "Daftar Pranata Humas dalam cakupan",
        querystring: officerListQuery,
        response: { 200: officerList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const orgPath = request.query.organizationId
        ? (await findVisibleOrganization(db, actor, request.query.organizationId)).path
        : undefined;
      const { rows, total } = await listOfficers(db, actor, request.query, orgPath);
      const flags = await eligibilityFlags(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => ({ ...presentOfficerSummary(r, actor), eligible: flags.get(r.id) ?? { pangkat: false, jenjang: false } })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        can: { create: actor.grants.some((g) => OFFICER_KEEPERS.includes(g.role)) },
      };
    },
  );

  app.get(
    "/officers/:id",
    { config: { policy: "officer.read" }, schema: { tags, params, response: { 200: officerView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/officers",
    {
      config: { policy: "officerRegistry.create" },
      schema: { tags, summary: "Daftarkan Pranata Humas", body: createOfficerBody, response: { 201: officerView, ...errors } },
    },
    async (request, reply) => {
      const row = await inTransaction(request, (tx) => createOfficer(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, row.id));
    },
  );

  app.patch(
    "/officers/:id",
    { config: { policy: "officer.update" }, schema: { tags, params, body: updateOfficerBody, response: { 200: officerView, ...errors } } },
    async (request) => {
      await inTransaction(request, (tx) => updateOfficer(tx, commandContext(request), request.params.id, request.body));
      return present(request, request.params.id);
    },
  );

  for (const [verb, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/officers/:id/${verb}`,
      { config: { policy: "officer.deactivate" }, schema: { tags, params, response: { 200: officerView, ...errors } } },
      async (request) => {
        await inTransaction(request, (tx) => setOfficerActive(tx, commandContext(request), request.params.id, active));
        return present(request, request.params.id);
      },
    );
  }

  app.put(
    "/officers/:id/photo",
    {
      config: { policy: "officer.update" },
      schema: {
        tags,
        summary: "Foto pegawai (PNG/JPEG/WebP, diproses ulang tanpa metadata)",
        params,
        consumes: ["multipart/form-data"],
        response: { 200: officerView, ...errors },
      },
    },
    async (request) => {
      const { data } = await readSingleFile(request);
      await inTransaction(request, (tx) => uploadOfficerPhoto(tx, commandContext(request), request.params.id, data));
      return present(request, request.params.id);
    },
  );

  app.get("/officers/:id/photo", { config: { policy: "officer.read" }, schema: { tags, params } }, async (request, reply) => {
    await findVisibleOfficer(db, actorOf(request), request.params.id);
    const { photoKey } = (await officerDetail(db, request.params.id)).officer;
    const data = photoKey ? await fastify.services.files.get(photoKey) : null;
    if (!data) throw new AppError(404, "not_found");
    return reply.type("image/jpeg").header("cache-control", "private, max-age=60").send(data);
  });

  app.post(
    "/officers/:id/ratings",
    {
      config: { policy: "officer.rate" },
      schema: { tags, summary: "Tetapkan predikat kinerja", params, body: createRatingBody, response: { 201: officerView, ...errors } },
    },
    async (request, reply) => {
      await inTransaction(request, (tx) => rateOfficer(tx, commandContext(request), request.params.id, request.body));
      return reply.code(201).send(await present(request, request.params.id));
    },
  );

  app.delete(
    "/officers/:id/ratings/:ratingId",
    {
      config: { policy: "officer.rate" },
      schema: { tags, params: params.extend({ ratingId: z.uuid() }), response: { 200: officerView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, (tx) => deleteRating(tx, commandContext(request), request.params.id, request.params.ratingId));
      return present(request, request.params.id);
    },
  );
}
