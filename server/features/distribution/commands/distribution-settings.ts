import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { DISTRIBUTION_DEFAULTS } from "../../../../common/distribution-enums";
import type { distributionSettingsBody } from "../../../../common/schemas/distribution";
import type { Executor } from "../../../db/client";
import { distributionSettings } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { distributionSettingsPolicy } from "../distribution.policy";

export interface EffectiveDistributionSettings {
  ratePerMinute: number;
  replyTo: string | null;
  openTracking: boolean;
  maxAttachmentMb: number;
  inheritedFrom: string | null;
}

/** The row of the organization at `path` or of its nearest ancestor that has one; else the defaults. */
export async function settingsForPath(db: Executor, path: string): Promise<EffectiveDistributionSettings> {
  const result = (await db.execute(sql`select s.* from distribution_settings s join organizations so on so.id = s.organization_id
    where ${path} like so.path || '%' order by so.depth desc limit 1`)) as unknown as {
    rows: {
      organization_id: string;
      rate_per_minute: number;
      reply_to: string | null;
      open_tracking: boolean;
      max_attachment_mb: number;
    }[];
  };
  const row = result.rows[0];
  if (!row) return { ...DISTRIBUTION_DEFAULTS, replyTo: null, inheritedFrom: null };
  return {
    ratePerMinute: Number(row.rate_per_minute),
    replyTo: row.reply_to,
    openTracking: Boolean(row.open_tracking),
    maxAttachmentMb: Number(row.max_attachment_mb),
    inheritedFrom: row.organization_id,
  };
}

export async function readDistributionSettings(db: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(db, actor, organizationId);
  distributionSettingsPolicy.authorize(actor, "read", org);
  return { organizationId, ...(await settingsForPath(db, org.path)), can: distributionSettingsPolicy.abilities(actor, org) };
}

/** Saves the organization's own row (its subtree inherits it); audited with before and after. */
export async function saveDistributionSettings(tx: Executor, ctx: CommandContext, input: z.infer<typeof distributionSettingsBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId);
  distributionSettingsPolicy.authorize(actor, "manage", org);
  const before = await settingsForPath(tx, org.path);
  const values = {
    ratePerMinute: input.ratePerMinute,
    replyTo: input.replyTo,
    openTracking: input.openTracking,
    maxAttachmentMb: input.maxAttachmentMb,
    updatedAt: new Date(),
  };
  await tx
    .insert(distributionSettings)
    .values({ organizationId: org.id, ...values })
    .onConflictDoUpdate({ target: distributionSettings.organizationId, set: values });
  await recordAudit(tx, ctx, {
    action: "distribution.settings_update",
    entityType: "distribution_settings",
    entityId: org.id,
    organizationId: org.id,
    before,
    after: input,
  });
  const [row] = await tx.select().from(distributionSettings).where(eq(distributionSettings.organizationId, org.id));
  return row;
}
