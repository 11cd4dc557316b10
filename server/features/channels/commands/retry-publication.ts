import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { contentPublications, organizations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { channelPublicationPolicy } from "../channel.policy";
import { inScope } from "../channel-queries";

/**
 * A person's explicit "send again" for a failed post (including one whose outcome was
 * uncertain: they have checked the channel). The row goes back to pending; the route enqueues
 * the publish job after the commit.
 */
export async function retryPublication(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const [row] = await tx
    .select({ publication: contentPublications, path: organizations.path })
    .from(contentPublications)
    .innerJoin(organizations, eq(organizations.id, contentPublications.organizationId))
    .where(and(eq(contentPublications.id, id), inScope(actor)))
    .for("update", { of: contentPublications });
  if (!row) throw new AppError(404, "not_found");
  channelPublicationPolicy.authorize(actor, "retry", { path: row.path });
  if (row.publication.status !== "failed") throw new AppError(409, "publication_not_failed");
  const [after] = await tx
    .update(contentPublications)
    .set({ status: "pending", lastError: null })
    .where(eq(contentPublications.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: "channel.publication.retry",
    entityType: "content_publication",
    entityId: id,
    organizationId: row.publication.organizationId,
    before: { status: row.publication.status, error: row.publication.lastError },
    after: { status: "pending" },
  });
  return after;
}
