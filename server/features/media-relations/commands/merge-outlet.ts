import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistMemberships, mediaOutletDocuments, mediaOutlets } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { mediaOutletPolicy } from "../media-relations.policy";
import { findVisibleOutlet } from "../outlet-queries";

/**
 * Merges a duplicate into the outlet that is kept: memberships, documents and reach figures
 * move; the merged row stays, marked `merged_into`, so links to it still resolve.
 */
export async function mergeOutlet(tx: Executor, ctx: CommandContext, id: string, intoId: string) {
  const actor = actorRequired(ctx);
  if (id === intoId) throw fieldError("intoId", "outlet_merge_self");
  const from = await findVisibleOutlet(tx, actor, id);
  const into = await findVisibleOutlet(tx, actor, intoId).catch(() => {
    throw fieldError("intoId", "not_found", {}, 404);
  });
  mediaOutletPolicy.authorize(actor, "manage", from);
  mediaOutletPolicy.authorize(actor, "manage", into);
  if (from.mergedIntoId || into.mergedIntoId) throw new AppError(409, "outlet_merged");

  // A journalist may already hold the same role at the kept outlet: drop the duplicate link.
  await tx.execute(sql`insert into journalist_memberships (journalist_id, outlet_id, role)
    select journalist_id, ${intoId}, role from journalist_memberships where outlet_id = ${id}
    on conflict do nothing`);
  const moved = await tx.delete(journalistMemberships).where(eq(journalistMemberships.outletId, id)).returning();
  const docs = await tx
    .update(mediaOutletDocuments)
    .set({ outletId: intoId })
    .where(eq(mediaOutletDocuments.outletId, id))
    .returning({ id: mediaOutletDocuments.id });
  const [source] = await tx.select({ reach: mediaOutlets.reach }).from(mediaOutlets).where(eq(mediaOutlets.id, id));
  const [target] = await tx.select({ reach: mediaOutlets.reach }).from(mediaOutlets).where(eq(mediaOutlets.id, intoId));
  await tx
    .update(mediaOutlets)
    .set({ reach: [...target.reach, ...source.reach], updatedAt: new Date() })
    .where(eq(mediaOutlets.id, intoId));
  await tx
    .update(mediaOutlets)
    .set({ mergedIntoId: intoId, reach: [], updatedAt: new Date() })
    .where(and(eq(mediaOutlets.id, id)));
  await recordAudit(tx, ctx, {
    action: "media_outlet.merge",
    entityType: "media_outlet",
    entityId: id,
    organizationId: from.organizationId,
    before: { name: from.name, reach: source.reach },
    after: {
      mergedIntoId: intoId,
      journalistIds: [...new Set(moved.map((m) => m.journalistId))],
      documentIds: docs.map((d) => d.id),
      reachMoved: source.reach.length,
    },
  });
}
