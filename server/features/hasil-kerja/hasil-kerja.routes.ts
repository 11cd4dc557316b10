import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Jenjang } from "../../../common/pranata-humas";
import {
  createHasilKerjaTypeBody,
  hasilKerjaTypeList,
  hasilKerjaTypeView,
  updateHasilKerjaTypeBody,
} from "../../../common/schemas/officers";
import { errorBody } from "../../../common/schemas/shared";
import { hasilKerjaTypes } from "../../db/schema";
import { AppError, fieldError } from "../../http/errors";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import { definePolicy } from "../../policies/core";
import { isSystemAdmin } from "../../policies/system";
import { recordAudit } from "../audit/record-audit";

/** The catalogue is shared by every agency: any signed-in person reads it, system admins edit it. */
export const catalogueReadPolicy = definePolicy<null, "read">("hasilKerja", { read: () => true });
export const cataloguePolicy = definePolicy<null, "manage">("hasilKerjaCatalogue", {
  manage: (actor) => actor.kind === "user" && isSystemAdmin(actor),
});

const tags = ["hasil-kerja"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
type Row = typeof hasilKerjaTypes.$inferSelect;
const present = (r: Row) => ({
  id: r.id,
  code: r.code,
  kategori: r.kategori as "keahlian" | "keterampilan" | "semua",
  jenjang: r.jenjang as Jenjang[],
  name: r.name,
  definition: r.definition,
  examples: r.examples,
  evidence: r.evidence,
  active: r.active,
});
const shape = (r: Row) => ({ ...present(r), id: undefined });

export async function hasilKerjaRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  app.get(
    "/hasil-kerja-types",
    {
      config: { policy: "hasilKerja.read" },
      schema: { tags, summary: "Katalog hasil kerja Pranata Humas", response: { 200: hasilKerjaTypeList, ...errors } },
    },
    async (request) => {
      const rows = await db.select().from(hasilKerjaTypes).orderBy(asc(hasilKerjaTypes.code));
      return { items: rows.map(present), can: { manage: cataloguePolicy.can(actorOf(request), "manage", null) } };
    },
  );

  app.post(
    "/hasil-kerja-types",
    {
      config: { policy: "hasilKerjaCatalogue.manage" },
      schema: { tags, body: createHasilKerjaTypeBody, response: { 201: hasilKerjaTypeView, ...errors } },
    },
    async (request, reply) => {
      cataloguePolicy.authorize(actorOf(request), "manage", null);
      const row = await inTransaction(request, async (tx) => {
        const [taken] = await tx
          .select({ id: hasilKerjaTypes.id })
          .from(hasilKerjaTypes)
          .where(eq(hasilKerjaTypes.code, request.body.code));
        if (taken) throw fieldError("code", "code_taken", {}, 409);
        const [created] = await tx
          .insert(hasilKerjaTypes)
          .values({ id: newId(), ...request.body })
          .returning();
        await recordAudit(tx, commandContext(request), {
          action: "hasil_kerja.create",
          entityType: "hasil_kerja_type",
          entityId: created.id,
          after: shape(created),
        });
        return created;
      });
      return reply.code(201).send(present(row));
    },
  );

  app.patch(
    "/hasil-kerja-types/:id",
    {
      config: { policy: "hasilKerjaCatalogue.manage" },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: updateHasilKerjaTypeBody,
        response: { 200: hasilKerjaTypeView, ...errors },
      },
    },
    async (request) => {
      cataloguePolicy.authorize(actorOf(request), "manage", null);
      const row = await inTransaction(request, async (tx) => {
        const [before] = await tx.select().from(hasilKerjaTypes).where(eq(hasilKerjaTypes.id, request.params.id));
        if (!before) throw new AppError(404, "not_found");
        const [after] = await tx
          .update(hasilKerjaTypes)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(hasilKerjaTypes.id, before.id))
          .returning();
        await recordAudit(tx, commandContext(request), {
          action: "hasil_kerja.update",
          entityType: "hasil_kerja_type",
          entityId: before.id,
          before: shape(before),
          after: shape(after),
        });
        return after;
      });
      return present(row);
    },
  );
}
