import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { ISSUE_SEVERITIES, type IssueSeverity } from "../../../../common/monitoring-alert-enums";
import type { slaBody } from "../../../../common/schemas/media-issues";
import type { Executor } from "../../../db/client";
import { issueSlaSettings } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { issueSlaPolicy } from "../media-issues.policy";

/**
 * Seeded on each tree's root the first time it is needed: krisis 2 h, tinggi 6 h, sedang 24 h,
 * rendah 72 h. These are a starting point (*verify* with the region's SOP); admins and
 * coordinators change them per subtree.
 */
export const DEFAULT_SLA_HOURS: Record<IssueSeverity, number> = { krisis: 2, tinggi: 6, sedang: 24, rendah: 72 };

const rootIdOf = (path: string) => path.split("/").filter(Boolean)[0];

export async function ensureSlaDefaults(tx: Executor, path: string) {
  const rootId = rootIdOf(path);
  await tx
    .insert(issueSlaSettings)
    .values(ISSUE_SEVERITIES.map((severity) => ({ organizationId: rootId, severity, hours: DEFAULT_SLA_HOURS[severity] })))
    .onConflictDoNothing();
}

/** The SLA hours that apply at `path`: the nearest ancestor (or itself) that has its own rows. */
export async function effectiveSla(
  tx: Executor,
  path: string,
): Promise<{ sourceOrganizationId: string; hours: Record<IssueSeverity, number> }> {
  await ensureSlaDefaults(tx, path);
  const result =
    (await tx.execute(sql`select s.organization_id as id from issue_sla_settings s join organizations so on so.id = s.organization_id
      where ${path} like so.path || '%' order by so.depth desc limit 1`)) as unknown as { rows: { id: string }[] };
  const sourceOrganizationId = result.rows[0].id;
  const rows = await tx.select().from(issueSlaSettings).where(eq(issueSlaSettings.organizationId, sourceOrganizationId));
  const hours = { ...DEFAULT_SLA_HOURS };
  for (const r of rows) hours[r.severity as IssueSeverity] = r.hours;
  return { sourceOrganizationId, hours };
}

export async function slaSettingsOf(tx: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(tx, actor, organizationId);
  const sla = await effectiveSla(tx, org.path);
  return { organizationId: org.id, ...sla, can: issueSlaPolicy.abilities(actor, org) };
}

/** Sets the organization's own SLA hours; its subtree inherits them. Open issues keep their deadline. */
export async function saveSla(tx: Executor, ctx: CommandContext, organizationId: string, input: z.infer<typeof slaBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, organizationId);
  issueSlaPolicy.authorize(actor, "manage", org);
  const before = await effectiveSla(tx, org.path);
  for (const severity of ISSUE_SEVERITIES) {
    await tx
      .insert(issueSlaSettings)
      .values({ organizationId: org.id, severity, hours: input.hours[severity] })
      .onConflictDoUpdate({
        target: [issueSlaSettings.organizationId, issueSlaSettings.severity],
        set: { hours: input.hours[severity], updatedAt: new Date() },
      });
  }
  await recordAudit(tx, ctx, {
    action: "issue_sla.update",
    entityType: "organization",
    entityId: org.id,
    organizationId: org.id,
    before: before.hours,
    after: input.hours,
  });
}
