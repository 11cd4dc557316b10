import type { z } from "zod";
import type { spjReportQuery } from "../../../common/schemas/media-cooperation";
import type { Executor } from "../../db/client";
import type { Actor } from "../../policies/core";
import { findVisibleOutlet } from "../media-relations/outlet-queries";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { localDate } from "../reports/report-format";
import { contractDetail, listContracts, userNames } from "./contract-queries";

/**
 * What the SPJ report (PDF and XLSX) shows: each contract of the year (of one outlet, or all)
 * with its terms, deliverables and eligibility results, inside the actor's subtree.
 */
export async function loadSpjReport(db: Executor, actor: Actor, q: z.infer<typeof spjReportQuery>) {
  const org = q.organizationId ? await findVisibleOrganization(db, actor, q.organizationId) : null;
  const outlet = q.outletId ? await findVisibleOutlet(db, actor, q.outletId) : null;
  const { rows } = await listContracts(db, actor, { fiscalYear: q.fiscalYear, organizationId: q.organizationId, outletId: q.outletId });
  const contracts = rows
    .filter((r) => r.status !== "dibatalkan")
    .sort((a, b) => a.outletName.localeCompare(b.outletName, "id") || a.number.localeCompare(b.number));
  const detail = await contractDetail(
    db,
    contracts.map((c) => c.id),
  );
  const names = await userNames(db, [...contracts.map((c) => c.overrideBy), ...detail.terms.map((t) => t.overrideBy)]);
  const timeZone = (org?.timeZone ?? "WITA") as never;
  return {
    fiscalYear: q.fiscalYear,
    organizationName: org?.name ?? contracts[0]?.organizationName ?? null,
    outletName: outlet?.name ?? null,
    printedOn: localDate(new Date(), timeZone),
    contracts: contracts.map((c) => ({
      ...c,
      terms: detail.terms.filter((t) => t.contractId === c.id),
      deliverables: detail.deliverables.filter((d) => d.contractId === c.id),
      journalists: detail.journalists.filter((j) => j.contractId === c.id),
      overrideByName: c.overrideBy ? (names.get(c.overrideBy) ?? null) : null,
    })),
    names,
  };
}
export type SpjReport = Awaited<ReturnType<typeof loadSpjReport>>;

export const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;
export const TERM_STATUS_NAME: Record<string, string> = { belum: "Belum diajukan", diajukan: "Diajukan", dibayar: "Dibayar" };
export const RULE_NAME: Record<string, string> = {
  dewan_pers_status: "Status Dewan Pers",
  pemred_ukw_utama: "Pemimpin redaksi UKW Utama",
  journalists_ukw_min: "UKW wartawan yang dikontrak",
  certificate_valid: "Masa berlaku sertifikat Dewan Pers",
};
export const spjFileName = (r: SpjReport, ext: string) =>
  `spj-kerja-sama-media-${r.fiscalYear}${r.outletName ? `-${r.outletName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : ""}.${ext}`;
