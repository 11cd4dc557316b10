import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { OrganizationKind, TimeZoneCode } from "../../../../common/roles";
import type { updateOrganizationBody } from "../../../../common/schemas/organizations";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { auditShape } from "../organization.presenter";
import { findVisibleOrganization } from "../organization-queries";
import { resolveRegionAndZone } from "./resolve-region";

export async function updateOrganization(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateOrganizationBody>) {
  const actor = actorRequired(ctx);
  const before = await findVisibleOrganization(tx, actor, id);
  organizationPolicy.authorize(actor, "update", before);
  const kind = (input.kind ?? before.kind) as OrganizationKind;
  const regionCode = input.regionCode === undefined ? before.regionCode : input.regionCode;
  let parentZone: TimeZoneCode | null = null;
  if (before.parentId) {
    const [parent] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, before.parentId));
    parentZone = (parent?.timeZone as TimeZoneCode) ?? null;
  }
  // Keep an earlier override unless the caller sends a zone (or null to clear it).
  const requestedZone =
    input.timeZone === undefined ? (before.timeZoneOverridden ? (before.timeZone as TimeZoneCode) : null) : input.timeZone;
  const region = resolveRegionAndZone(kind, regionCode, requestedZone, parentZone);
  const [after] = await tx
    .update(organizations)
    .set({
      name: input.name ?? before.name,
      shortName: input.shortName ?? before.shortName,
      kind,
      regionCode: region.regionCode,
      timeZone: region.timeZone,
      timeZoneOverridden: region.overridden,
      email: input.email === undefined ? before.email : input.email,
      phone: input.phone === undefined ? before.phone : input.phone,
      address: input.address === undefined ? before.address : input.address,
      website: input.website === undefined ? before.website : input.website,
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: "organization.update",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    before: auditShape(before),
    after: auditShape(after),
  });
  return after;
}
