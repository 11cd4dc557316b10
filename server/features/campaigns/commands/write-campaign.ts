import { eq } from "drizzle-orm";
import type { CreateCampaignBody, UpdateCampaignBody } from "../../../../common/schemas/campaigns";
import type { Executor } from "../../../db/client";
import { campaigns } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { campaignCreatePolicy, campaignPolicy } from "../campaign.policy";
import { assignmentsOf, findVisibleCampaign, findVisibleOrganization } from "../campaign-queries";
import { notifyAssigned, syncAssignments, syncCampaignAssets } from "./campaign-links";

const actorRequired = (ctx: CommandContext): Actor => {
  if (!ctx.actor) throw new AppError(401, "unauthenticated");
  return ctx.actor;
};

/** A real calendar date (2026-02-30 is not). */
function checkDate(field: string, value: string) {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw fieldError(field, "field_format");
}

function checkPeriod(startsOn: string, endsOn: string) {
  checkDate("startsOn", startsOn);
  checkDate("endsOn", endsOn);
  if (endsOn < startsOn) throw fieldError("endsOn", "campaign_period_order");
}

/** Loads a campaign for a change, with its assigned paths, and checks the actor manages it. */
async function manageable(tx: Executor, actor: Actor, id: string) {
  const row = await findVisibleCampaign(tx, actor, id);
  const assigned = await assignmentsOf(tx, id);
  campaignPolicy.authorize(actor, "manage", { path: row.path, assignedPaths: assigned.map((a) => a.path) });
  return { row, assigned };
}

export async function createCampaign(tx: Executor, ctx: CommandContext, input: CreateCampaignBody): Promise<string> {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId, "organizationId");
  campaignCreatePolicy.authorize(actor, "create", org);
  if (!org.active) throw fieldError("organizationId", "organization_inactive");
  checkPeriod(input.startsOn, input.endsOn);
  const id = newId();
  await tx.insert(campaigns).values({
    id,
    organizationId: org.id,
    name: input.name,
    description: input.description,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    keyMessages: input.keyMessages,
    hashtags: input.hashtags,
    createdBy: actor.userId,
  });
  await syncCampaignAssets(tx, actor, id, input.assetIds);
  const { added } = await syncAssignments(tx, actor, id, input.organizationIds);
  await notifyAssigned(tx, ctx, { id, name: input.name }, added);
  await recordAudit(tx, ctx, {
    action: "campaign.create",
    entityType: "campaign",
    entityId: id,
    organizationId: org.id,
    after: { ...input },
  });
  return id;
}

export async function updateCampaign(tx: Executor, ctx: CommandContext, id: string, input: UpdateCampaignBody) {
  const actor = actorRequired(ctx);
  const { row } = await manageable(tx, actor, id);
  const startsOn = input.startsOn ?? String(row.startsOn);
  const endsOn = input.endsOn ?? String(row.endsOn);
  checkPeriod(startsOn, endsOn);
  const { assetIds, ...fields } = input;
  await tx
    .update(campaigns)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(campaigns.id, id));
  if (assetIds) await syncCampaignAssets(tx, actor, id, assetIds);
  await recordAudit(tx, ctx, {
    action: "campaign.update",
    entityType: "campaign",
    entityId: id,
    organizationId: row.organizationId,
    before: {
      name: row.name,
      description: row.description,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      keyMessages: row.keyMessages,
      hashtags: row.hashtags,
      active: row.active,
    },
    after: input,
  });
}

export async function deactivateCampaign(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const { row } = await manageable(tx, actor, id);
  if (!row.active) return;
  await tx.update(campaigns).set({ active: false, updatedAt: new Date() }).where(eq(campaigns.id, id));
  await recordAudit(tx, ctx, {
    action: "campaign.deactivate",
    entityType: "campaign",
    entityId: id,
    organizationId: row.organizationId,
    before: { active: true },
    after: { active: false },
  });
}

export async function setAssignments(tx: Executor, ctx: CommandContext, id: string, organizationIds: readonly string[]) {
  const actor = actorRequired(ctx);
  const { row } = await manageable(tx, actor, id);
  const { added, removed } = await syncAssignments(tx, actor, id, organizationIds);
  if (added.length === 0 && removed.length === 0) return;
  await tx.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, id));
  await notifyAssigned(tx, ctx, { id, name: row.name }, added);
  await recordAudit(tx, ctx, {
    action: "campaign.assign",
    entityType: "campaign",
    entityId: id,
    organizationId: row.organizationId,
    after: { added, removed },
  });
}
