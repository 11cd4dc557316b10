import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { campaignAssets, campaignAssignments, grants, mediaAssets, organizations } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { type Actor, scopeRoots } from "../../../policies/core";
import { notify } from "../../notifications/notify";
import { CAMPAIGN_MANAGERS } from "../campaign.policy";
import { pathInRoots } from "../campaign-queries";

/**
 * Replaces the asset pack. Each asset must be one the actor can see (their subtrees' libraries);
 * anything else answers 404 on the field that names it, as content items do.
 */
export async function syncCampaignAssets(tx: Executor, actor: Actor, campaignId: string, assetIds: readonly string[]) {
  const ids = [...new Set(assetIds)];
  if (ids.length > 0) {
    const visible = await tx
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .innerJoin(organizations, eq(organizations.id, mediaAssets.organizationId))
      .where(and(inArray(mediaAssets.id, ids), pathInRoots(organizations.path, scopeRoots(actor))));
    const found = new Set(visible.map((v) => v.id));
    const missing = assetIds.findIndex((a) => !found.has(a));
    if (missing >= 0) throw fieldError(`assetIds.${missing}`, "not_found", {}, 404);
  }
  await tx.delete(campaignAssets).where(eq(campaignAssets.campaignId, campaignId));
  if (ids.length) await tx.insert(campaignAssets).values(ids.map((assetId) => ({ campaignId, assetId })));
}

/**
 * Replaces the assigned agencies with `organizationIds`. Each must sit in a subtree the actor
 * coordinates (or administers); others answer 404 on their field. Returns the newly added ones.
 */
export async function syncAssignments(tx: Executor, actor: Actor, campaignId: string, organizationIds: readonly string[]) {
  const ids = [...new Set(organizationIds)];
  let orgs: { id: string; name: string; active: boolean }[] = [];
  if (ids.length > 0) {
    orgs = await tx
      .select({ id: organizations.id, name: organizations.name, active: organizations.active })
      .from(organizations)
      .where(and(inArray(organizations.id, ids), pathInRoots(organizations.path, scopeRoots(actor, CAMPAIGN_MANAGERS))));
    const found = new Map(orgs.map((o) => [o.id, o]));
    const missing = organizationIds.findIndex((o) => !found.has(o));
    if (missing >= 0) throw fieldError(`organizationIds.${missing}`, "not_found", {}, 404);
  }
  const current = await tx
    .select({ id: campaignAssignments.organizationId })
    .from(campaignAssignments)
    .where(eq(campaignAssignments.campaignId, campaignId));
  const before = new Set(current.map((c) => c.id));
  const added = ids.filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !ids.includes(id));
  // A newly assigned agency must be active; one already assigned may stay after deactivation.
  const inactive = organizationIds.findIndex((o) => added.includes(o) && !orgs.find((x) => x.id === o)?.active);
  if (inactive >= 0) throw fieldError(`organizationIds.${inactive}`, "organization_inactive");
  if (removed.length) {
    await tx
      .delete(campaignAssignments)
      .where(and(eq(campaignAssignments.campaignId, campaignId), inArray(campaignAssignments.organizationId, removed)));
  }
  if (added.length) await tx.insert(campaignAssignments).values(added.map((organizationId) => ({ campaignId, organizationId })));
  return { added, removed, organizationIds: ids };
}

/** The PR desk of an agency: its editors and officers (granted on the agency itself). */
export async function prDeskOf(tx: Executor, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  return tx
    .selectDistinct({ userId: grants.userId, organizationId: grants.organizationId })
    .from(grants)
    .where(and(inArray(grants.organizationId, [...organizationIds]), inArray(grants.role, ["editor", "officer"])));
}

/** Tells each newly assigned agency's PR desk that a campaign now expects its content. */
export async function notifyAssigned(
  tx: Executor,
  ctx: CommandContext,
  campaign: { id: string; name: string },
  organizationIds: readonly string[],
) {
  const desk = await prDeskOf(tx, organizationIds);
  for (const organizationId of organizationIds) {
    await notify(tx, ctx.services.publicUrl, {
      userIds: desk.filter((d) => d.organizationId === organizationId).map((d) => d.userId),
      organizationId,
      kind: "campaign_assigned",
      link: `/app/campaigns/${campaign.id}`,
      except: ctx.actor?.userId,
      message: (locale) =>
        locale === "en"
          ? { title: `New campaign: ${campaign.name}`, body: "Your agency is asked to carry this narrative." }
          : { title: `Kampanye baru: ${campaign.name}`, body: "Instansi Anda diminta menyuarakan narasi ini." },
    });
  }
}
