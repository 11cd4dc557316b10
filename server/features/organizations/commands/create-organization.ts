import type { z } from "zod";
import type { createOrganizationBody } from "../../../../common/schemas/organizations";
import type { Executor } from "../../../db/client";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { auditShape } from "../organization.presenter";
import { findVisibleOrganization } from "../organization-queries";
import { insertOrganization } from "./insert-organization";
import { lockTree } from "./tree-lock";

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
  const row = await insertOrganization(tx, parent, input);
  const id = row.id;
  await recordAudit(tx, ctx, {
    action: "organization.create",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    after: auditShape(row),
  });
  return row;
}
