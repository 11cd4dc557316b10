import type { z } from "zod";
import type { TimeZoneCode } from "../../../../common/roles";
import type { createOrganizationBody } from "../../../../common/schemas/organizations";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { auditShape } from "../organization.presenter";
import { findVisibleOrganization } from "../organization-queries";
import { resolveRegionAndZone } from "./resolve-region";
import { lockTree } from "./tree-lock";
import { uniqueSlug } from "./unique-slug";

export async function createOrganization(tx: Executor, ctx: CommandContext, input: z.infer<typeof createOrganizationBody>) {
  const actor = actorRequired(ctx);
  await lockTree(tx);
  // New roots come only from setup (create-admin); through the API every organization has a parent.
  if (!input.parentId) throw fieldError("parentId", "parent_required");
  const parent = await findVisibleOrganization(tx, actor, input.parentId).catch(() => {
    throw fieldError("parentId", "not_found", {}, 404);
  });
  if (!parent.active) throw fieldError("parentId", "parent_inactive");
  organizationPolicy.authorize(actor, "createChild", parent);
  const region = resolveRegionAndZone(input.kind, input.regionCode, input.timeZone, parent.timeZone as TimeZoneCode);
  const id = newId();
  const [row] = await tx
    .insert(organizations)
    .values({
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      name: input.name,
      shortName: input.shortName,
      slug: await uniqueSlug(tx, input.shortName),
      kind: input.kind,
      regionCode: region.regionCode,
      timeZone: region.timeZone,
      timeZoneOverridden: region.overridden,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      website: input.website ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "organization.create",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    after: auditShape(row),
  });
  return row;
}
