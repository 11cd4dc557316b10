import type { ContractSummary, ContractView } from "../../../common/schemas/media-cooperation";
import type { Actor } from "../../policies/core";
import type { ContractRow, contractDetail } from "./contract-queries";
import { mediaContractPolicy } from "./media-cooperation.policy";

type Detail = Awaited<ReturnType<typeof contractDetail>>;

const overrideOf = (reason: string | null, by: string | null, at: Date | null, names: Map<string, string>) =>
  reason && at ? { reason, byName: by ? (names.get(by) ?? null) : null, at: at.toISOString() } : null;

export function presentContractSummary(row: ContractRow, actor: Actor): ContractSummary {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    outletId: row.outletId,
    outletName: row.outletName,
    fiscalYear: row.fiscalYear,
    number: row.number,
    title: row.title,
    formCode: row.formCode,
    formLabel: row.formLabel,
    formCategory: row.formCategory as ContractSummary["formCategory"],
    valueRupiah: row.valueRupiah,
    paidRupiah: row.paidRupiah,
    quota: row.quota,
    delivered: row.delivered,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status as ContractSummary["status"],
    eligible: row.eligibility.passed,
    overridden: Boolean(row.overrideReason),
    can: mediaContractPolicy.abilities(actor, row),
  };
}

export function presentContract(row: ContractRow, detail: Detail, names: Map<string, string>, actor: Actor): ContractView {
  return {
    ...presentContractSummary(row, actor),
    budgetLine: row.budgetLine,
    journalists: detail.journalists.map((j) => ({ id: j.id, name: j.name, ukwLevel: j.ukwLevel as "utama" | null })),
    eligibility: row.eligibility,
    override: overrideOf(row.overrideReason, row.overrideBy, row.overrideAt, names),
    terms: detail.terms.map((t) => ({
      id: t.id,
      position: t.position,
      amountRupiah: t.amountRupiah,
      dueOn: t.dueOn,
      status: t.status as "belum",
      paidOn: t.paidOn,
      eligibility: t.eligibility ?? null,
      override: overrideOf(t.overrideReason, t.overrideBy, t.overrideAt, names),
    })),
    deliverables: detail.deliverables.map((d) => ({
      id: d.id,
      title: d.title,
      publishedOn: d.publishedOn,
      link: d.link,
      clippingName: d.clippingName,
      hasClipping: Boolean(d.clippingKey),
      hasScreenshot: Boolean(d.screenshotKey),
      createdAt: d.createdAt.toISOString(),
    })),
    documents: detail.documents.map((d) => ({
      id: d.id,
      kind: d.kind as "other",
      fileName: d.fileName,
      mime: d.mime,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
