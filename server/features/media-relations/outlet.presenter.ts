import type { OutletSummary, OutletView } from "../../../common/schemas/media-relations";
import type { Actor } from "../../policies/core";
import { findRegion } from "../regions/region-catalog";
import { mediaOutletPolicy } from "./media-relations.policy";
import type { OutletRow, outletDetail } from "./outlet-queries";

export function presentOutletSummary(row: OutletRow, actor: Actor): OutletSummary {
  const expiring = row.daysLeft !== null && row.daysLeft <= row.warningDays;
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    company: row.company,
    type: row.type as OutletSummary["type"],
    regionCode: row.regionCode,
    regionName: row.regionCode ? (findRegion(row.regionCode)?.name ?? null) : null,
    website: row.website,
    dewanPersStatus: row.dewanPersStatus as OutletSummary["dewanPersStatus"],
    certificateNumber: row.certificateNumber,
    certificateDate: row.certificateDate,
    certificateExpiresOn: row.certificateExpiresOn,
    certificateExpiresInDays: expiring ? row.daysLeft : null,
    certificateExpiringSoon: expiring,
    grade: row.grade,
    mergedIntoId: row.mergedIntoId,
    journalistCount: row.journalistCount,
    can: mediaOutletPolicy.abilities(actor, row),
  };
}

export function presentOutlet(row: OutletRow, detail: Awaited<ReturnType<typeof outletDetail>>, actor: Actor): OutletView {
  const { outlet, documents } = detail;
  return {
    ...presentOutletSummary(row, actor),
    address: outlet.address,
    socialAccounts: outlet.socialAccounts,
    reach: outlet.reach,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as OutletView["documents"][number]["kind"],
      fileName: d.fileName,
      mime: d.mime,
      sizeBytes: d.sizeBytes,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      createdAt: d.createdAt.toISOString(),
    })),
    createdAt: outlet.createdAt.toISOString(),
    updatedAt: outlet.updatedAt.toISOString(),
  };
}
