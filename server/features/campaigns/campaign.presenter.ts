import type { CampaignSummary, CampaignView } from "../../../common/schemas/campaigns";
import { mediaFileUrl } from "../../../common/schemas/media";
import type { Actor } from "../../policies/core";
import { campaignPolicy } from "./campaign.policy";
import type { assetsOf, assignmentsOf, CampaignRow } from "./campaign-queries";

type Assignment = Awaited<ReturnType<typeof assignmentsOf>>[number];
type Asset = Awaited<ReturnType<typeof assetsOf>>[number];

/** `date` columns come back as 'YYYY-MM-DD' strings; keep exactly that. */
const day = (v: string | Date) => (typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));

export function presentCampaignSummary(row: CampaignRow, actor: Actor, assignedPaths: readonly string[] = []): CampaignSummary {
  return {
    id: row.id,
    organization: { id: row.organizationId, name: row.orgName, shortName: row.orgShortName },
    name: row.name,
    description: row.description,
    startsOn: day(row.startsOn),
    endsOn: day(row.endsOn),
    keyMessages: row.keyMessages,
    hashtags: row.hashtags,
    active: row.active,
    assignedCount: row.assignedCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: campaignPolicy.abilities(actor, { path: row.path, assignedPaths }),
  };
}

export function presentCampaign(row: CampaignRow, assignments: Assignment[], assets: Asset[], actor: Actor): CampaignView {
  return {
    ...presentCampaignSummary(
      row,
      actor,
      assignments.map((a) => a.path),
    ),
    assets: assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      fileName: a.fileName,
      mime: a.mime,
      caption: a.caption,
      thumbUrl: a.renditions.thumb ? mediaFileUrl(a.id, "thumb") : null,
      fileUrl: mediaFileUrl(a.id),
    })),
    assignments: assignments.map((a) => ({ id: a.id, name: a.name, shortName: a.shortName })),
  };
}
