import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { mediaSettingsBody } from "../../../../common/schemas/media-relations";
import type { Executor } from "../../../db/client";
import { mediaRelationsSettings, outletGradingRules } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { mediaSettingsPolicy } from "../media-relations.policy";
import { ensureMediaDefaults } from "./media-defaults";

/** The settings that apply to an organization: its own rows or the nearest ancestor's. */
export async function effectiveSettings(tx: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(tx, actor, organizationId);
  await ensureMediaDefaults(tx, org.path);
  const nearest = async (table: "media_relations_settings" | "outlet_grading_rules") => {
    const result = (await tx.execute(sql`select so.id from ${sql.raw(table)} s join organizations so on so.id = s.organization_id
      where ${org.path} like so.path || '%' order by so.depth desc limit 1`)) as unknown as { rows: { id: string }[] };
    return result.rows[0]?.id as string;
  };
  const settingsOrg = await nearest("media_relations_settings");
  const rulesOrg = await nearest("outlet_grading_rules");
  const [settings] = await tx.select().from(mediaRelationsSettings).where(eq(mediaRelationsSettings.organizationId, settingsOrg));
  const grades = await tx
    .select()
    .from(outletGradingRules)
    .where(eq(outletGradingRules.organizationId, rulesOrg))
    .orderBy(asc(outletGradingRules.position));
  return {
    sourceOrganizationId: rulesOrg,
    certificateWarningDays: settings.certificateWarningDays,
    grades: grades.map((g) => ({ grade: g.grade, dewanPersStatuses: g.dewanPersStatuses as never[], description: g.description })),
    can: mediaSettingsPolicy.abilities(actor, org),
  };
}

/** Replaces the organization's own settings and grade list; its subtree inherits them. */
export async function saveMediaSettings(
  tx: Executor,
  ctx: CommandContext,
  organizationId: string,
  input: z.infer<typeof mediaSettingsBody>,
) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, organizationId);
  mediaSettingsPolicy.authorize(actor, "manage", org);
  const seen = new Set<string>();
  input.grades.forEach((g, i) => {
    if (seen.has(g.grade)) throw fieldError(`grades.${i}.grade`, "grade_duplicate", { grade: g.grade });
    seen.add(g.grade);
  });
  const before = await effectiveSettings(tx, actor, organizationId);
  await tx
    .insert(mediaRelationsSettings)
    .values({ organizationId: org.id, certificateWarningDays: input.certificateWarningDays })
    .onConflictDoUpdate({
      target: mediaRelationsSettings.organizationId,
      set: { certificateWarningDays: input.certificateWarningDays, updatedAt: new Date() },
    });
  await tx.delete(outletGradingRules).where(eq(outletGradingRules.organizationId, org.id));
  await tx.insert(outletGradingRules).values(input.grades.map((g, i) => ({ id: newId(), organizationId: org.id, position: i + 1, ...g })));
  await recordAudit(tx, ctx, {
    action: "media_relations.settings_update",
    entityType: "organization",
    entityId: org.id,
    organizationId: org.id,
    before: { certificateWarningDays: before.certificateWarningDays, grades: before.grades },
    after: input,
  });
}
