import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { regionQuery, regionView } from "../../../common/schemas/organizations";
import { typed } from "../../http/route-kit";
import { regionCatalog } from "./region-catalog";

export async function regionRoutes(fastify: FastifyInstance) {
  typed(fastify).get(
    "/regions",
    {
      config: { policy: "authenticated" },
      schema: {
        tags: ["regions"],
        summary: "Kode wilayah Kemendagri: provinsi, atau kabupaten/kota dalam satu provinsi",
        querystring: regionQuery,
        response: { 200: z.array(regionView) },
      },
    },
    async (request) => {
      const province = request.query.province;
      return [...regionCatalog().values()]
        .filter((r) => (province ? r.level === "regency" && r.provinceCode === province : r.level === "province"))
        .map((r) => ({ code: r.code, name: r.name, timeZone: r.timeZone }));
    },
  );
}
