import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  contractExportQuery,
  contractList,
  contractListQuery,
  contractView,
  createContractBody,
  eligibilityCheckBody,
  eligibilityView,
  payTermBody,
  updateContractBody,
} from "../../../common/schemas/media-cooperation";
import { errorBody } from "../../../common/schemas/shared";
import { actorOf, commandContext, inTransaction, typed } from "../../http/route-kit";
import { createContract, previewEligibility } from "./commands/create-contract";
import { payTerm, submitTerm } from "./commands/pay-term";
import { updateContract } from "./commands/update-contract";
import { presentContract, presentContractSummary } from "./contract.presenter";
import { contractListCsv, contractListXlsx } from "./contract-list-export";
import { contractDetail, findVisibleContract, listContracts, userNames } from "./contract-queries";

const tags = ["media-cooperation"];
const params = z.object({ id: z.uuid() });
const termParams = params.extend({ termId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Paid media cooperation contracts (kerja sama media): list, create with eligibility, terms. */
export async function contractRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const { db } = fastify.services;

  const present = async (request: FastifyRequest, id: string) => {
    const actor = actorOf(request);
    const row = await findVisibleContract(db, actor, id);
    const detail = await contractDetail(db, [row.id]);
    const names = await userNames(db, [row.overrideBy, ...detail.terms.map((t) => t.overrideBy)]);
    return presentContract(row, detail, names, actor);
  };

  app.get(
    "/media-contracts",
    {
      config: { policy: "mediaContract.read" },
      schema: {
        tags,
        summary: "Daftar kontrak kerja sama media",
        querystring: contractListQuery,
        response: { 200: contractList, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, ...q } = request.query;
      const { rows, total } = await listContracts(db, actor, q, { page, pageSize });
      return { items: rows.map((r) => presentContractSummary(r, actor)), total, page, pageSize };
    },
  );

  for (const format of ["csv", "xlsx"] as const) {
    app.get(
      `/media-contracts/export.${format}`,
      {
        config: { policy: "mediaContract.read" },
        schema: {
          tags,
          summary: `Ekspor daftar kontrak (${format.toUpperCase()}, filter yang sama)`,
          querystring: contractExportQuery,
        },
      },
      async (request, reply) => {
        const { rows } = await listContracts(db, actorOf(request), request.query);
        reply
          .header("content-disposition", `attachment; filename="kontrak-kerja-sama-media.${format}"`)
          .header("cache-control", "private, no-store");
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(contractListCsv(rows));
        return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(await contractListXlsx(rows));
      },
    );
  }

  app.post(
    "/media-contracts/eligibility-check",
    {
      config: { policy: "mediaContract.manage" },
      schema: {
        tags,
        summary: "Periksa kelayakan media sebelum membuat kontrak (tidak menyimpan apa pun)",
        body: eligibilityCheckBody,
        response: { 200: eligibilityView.extend({ canOverride: z.boolean() }), ...errors },
      },
    },
    // The check may seed the tree's default rules once: a write, so it runs in a transaction.
    async (request) => inTransaction(request, (tx) => previewEligibility(tx, commandContext(request), request.body)),
  );

  app.get(
    "/media-contracts/:id",
    { config: { policy: "mediaContract.read" }, schema: { tags, params, response: { 200: contractView, ...errors } } },
    async (request) => present(request, request.params.id),
  );

  app.post(
    "/media-contracts",
    {
      config: { policy: "mediaContract.manage" },
      schema: {
        tags,
        summary: "Buat kontrak; 409 dengan aturan yang gagal bila media tidak memenuhi syarat (kecuali overrideReason)",
        body: createContractBody,
        response: { 201: contractView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(request, (tx) => createContract(tx, commandContext(request), request.body));
      return reply.code(201).send(await present(request, id));
    },
  );

  app.patch(
    "/media-contracts/:id",
    {
      config: { policy: "mediaContract.manage" },
      schema: {
        tags,
        summary: "Ubah data atau status kontrak; data hanya selama kontrak aktif (409 bila bertentangan dengan termin, publikasi, nomor)",
        params,
        body: updateContractBody,
        response: { 200: contractView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        await updateContract(tx, commandContext(request), contract, request.body);
      });
      return present(request, request.params.id);
    },
  );

  app.post(
    "/media-contracts/:id/terms/:termId/submit",
    {
      config: { policy: "mediaContract.manage" },
      schema: { tags, summary: "Ajukan pembayaran termin", params: termParams, response: { 200: contractView, ...errors } },
    },
    async (request) => {
      await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        await submitTerm(tx, commandContext(request), contract, request.params.termId);
      });
      return present(request, request.params.id);
    },
  );

  app.post(
    "/media-contracts/:id/terms/:termId/pay",
    {
      config: { policy: "mediaContract.manage" },
      schema: {
        tags,
        summary: "Catat pembayaran termin; kelayakan diperiksa ulang (409 bila gagal, kecuali overrideReason)",
        params: termParams,
        body: payTermBody,
        response: { 200: contractView, ...errors },
      },
    },
    async (request) => {
      await inTransaction(request, async (tx) => {
        const contract = await findVisibleContract(tx, actorOf(request), request.params.id);
        await payTerm(tx, commandContext(request), contract, request.params.termId, request.body);
      });
      return present(request, request.params.id);
    },
  );
}
