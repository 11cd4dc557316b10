import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { amplificationRequests, organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { type Actor, scopeRoots } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleContent } from "../../content/content-queries";
import { notify } from "../../notifications/notify";
import { amplificationInboxPolicy, amplificationRequestPolicy } from "../amplification.policy";
import { findInboxRequest } from "../amplification-queries";
import { pathInRoots } from "../campaign-queries";
import { prDeskOf } from "./campaign-links";

const actorRequired = (ctx: CommandContext): Actor => {
  if (!ctx.actor) throw new AppError(401, "unauthenticated");
  return ctx.actor;
};

/**
 * Agency A asks agencies B…N to share a published item. Targets must be organizations the actor
 * can see; asking an agency twice for the same item changes nothing (the first request stands).
 * Returns how many new requests were made.
 */
export async function requestAmplification(
  tx: Executor,
  ctx: CommandContext,
  contentId: string,
  input: { organizationIds: string[]; message: string },
): Promise<number> {
  const actor = actorRequired(ctx);
  const item = await findVisibleContent(tx, actor, contentId);
  if (item.status !== "published") {
    amplificationRequestPolicy.authorize(actor, "read", item);
    throw new AppError(409, "content_not_published");
  }
  amplificationRequestPolicy.authorize(actor, "request", item);
  const ids = [...new Set(input.organizationIds)];
  const targets = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), pathInRoots(organizations.path, scopeRoots(actor)), eq(organizations.active, true)));
  const found = new Set(targets.map((t) => t.id));
  const missing = input.organizationIds.findIndex((o) => !found.has(o));
  if (missing >= 0) throw fieldError(`organizationIds.${missing}`, "not_found", {}, 404);
  const self = input.organizationIds.indexOf(item.organizationId);
  if (self >= 0) throw fieldError(`organizationIds.${self}`, "amplification_self");

  const inserted = await tx
    .insert(amplificationRequests)
    .values(
      ids.map((organizationId) => ({
        id: newId(),
        contentId,
        requesterOrganizationId: item.organizationId,
        organizationId,
        message: input.message,
        createdBy: actor.userId,
      })),
    )
    .onConflictDoNothing({ target: [amplificationRequests.contentId, amplificationRequests.organizationId] })
    .returning({ id: amplificationRequests.id, organizationId: amplificationRequests.organizationId });
  if (inserted.length === 0) return 0;

  const desk = await prDeskOf(
    tx,
    inserted.map((r) => r.organizationId),
  );
  for (const r of inserted) {
    await notify(tx, ctx.services.publicUrl, {
      userIds: desk.filter((d) => d.organizationId === r.organizationId).map((d) => d.userId),
      organizationId: r.organizationId,
      kind: "amplification_request",
      link: "/app/amplifications",
      except: actor.userId,
      message: (locale) =>
        locale === "en"
          ? { title: `Please share: ${item.title}`, body: `${item.orgName} asks your agency to amplify this item. ${input.message}`.trim() }
          : {
              title: `Mohon dibagikan: ${item.title}`,
              body: `${item.orgName} meminta instansi Anda mengamplifikasi konten ini. ${input.message}`.trim(),
            },
    });
  }
  await recordAudit(tx, ctx, {
    action: "amplification.request",
    entityType: "content",
    entityId: contentId,
    organizationId: item.organizationId,
    after: { organizationIds: inserted.map((r) => r.organizationId), message: input.message },
  });
  return inserted.length;
}

/** A writer of the addressed agency records where it shared the item (or corrects the link). */
export async function markShared(tx: Executor, ctx: CommandContext, id: string, url: string) {
  const actor = actorRequired(ctx);
  const row = await findInboxRequest(tx, actor, id);
  amplificationInboxPolicy.authorize(actor, "share", { targetPath: row.targetPath });
  const sharedAt = row.sharedAt ?? new Date();
  await tx
    .update(amplificationRequests)
    .set({ status: "shared", sharedUrl: url, sharedAt, sharedBy: actor.userId })
    .where(eq(amplificationRequests.id, id));
  await recordAudit(tx, ctx, {
    action: "amplification.shared",
    entityType: "amplification_request",
    entityId: id,
    organizationId: row.targetId,
    before: { status: row.status, sharedUrl: row.sharedUrl },
    after: { status: "shared", sharedUrl: url },
  });
  if (row.status !== "shared" && row.createdBy) {
    await notify(tx, ctx.services.publicUrl, {
      userIds: [row.createdBy],
      organizationId: row.requesterId,
      kind: "amplification_shared",
      link: `/app/content/${row.contentId}`,
      except: actor.userId,
      message: (locale) =>
        locale === "en"
          ? { title: `${row.targetName} shared: ${row.contentTitle}`, body: url }
          : { title: `${row.targetName} telah membagikan: ${row.contentTitle}`, body: url },
    });
  }
}
