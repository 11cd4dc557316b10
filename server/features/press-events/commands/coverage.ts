import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { coverageBody } from "../../../../common/schemas/press-events";
import type { Executor } from "../../../db/client";
import { mediaOutlets, organizations, pressEventCoverage, pressEvents } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../media-relations/outlet-queries";
import { findVisibleEvent } from "../press-event-queries";
import { pressEventPolicy } from "../press-events.policy";

export interface CoverageInput {
  eventId: string;
  url: string;
  title: string;
  outletId?: string | null;
  outletName?: string | null;
  publishedAt: Date;
  source: "manual" | "monitoring";
  createdBy?: string | null;
}

/**
 * Records one article the event earned. Idempotent per (event, url): media monitoring may call
 * it for every matching article it ingests, and a link added by hand is not duplicated. Returns
 * the coverage id and whether it was new. The caller has checked the event and outlet are
 * visible to whoever acts (monitoring acts as the system).
 */
export async function addCoverage(tx: Executor, input: CoverageInput): Promise<{ id: string; created: boolean }> {
  const [event] = await tx
    .select({ organizationId: pressEvents.organizationId })
    .from(pressEvents)
    .where(eq(pressEvents.id, input.eventId));
  if (!event) throw new AppError(404, "not_found");
  let outletName = input.outletName ?? null;
  if (input.outletId) {
    const [outlet] = await tx.select({ name: mediaOutlets.name }).from(mediaOutlets).where(eq(mediaOutlets.id, input.outletId));
    if (!outlet) throw fieldError("outletId", "not_found", {}, 404);
    outletName = outlet.name;
  }
  const id = newId();
  const [inserted] = await tx
    .insert(pressEventCoverage)
    .values({
      id,
      eventId: input.eventId,
      organizationId: event.organizationId,
      url: input.url,
      title: input.title,
      outletId: input.outletId ?? null,
      outletName,
      publishedAt: input.publishedAt,
      source: input.source,
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: pressEventCoverage.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await tx
    .select({ id: pressEventCoverage.id })
    .from(pressEventCoverage)
    .where(and(eq(pressEventCoverage.eventId, input.eventId), eq(pressEventCoverage.url, input.url)));
  return { id: existing.id, created: false };
}

export async function addManualCoverage(tx: Executor, ctx: CommandContext, eventId: string, input: z.infer<typeof coverageBody>) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId);
  pressEventPolicy.authorize(actor, "manage", row);
  if (input.outletId) {
    const [outlet] = await tx
      .select({ id: mediaOutlets.id })
      .from(mediaOutlets)
      .innerJoin(organizations, eq(organizations.id, mediaOutlets.organizationId))
      .where(and(eq(mediaOutlets.id, input.outletId), inScope(actor)));
    if (!outlet) throw fieldError("outletId", "not_found", {}, 404);
  }
  const result = await addCoverage(tx, {
    ...input,
    eventId,
    publishedAt: new Date(input.publishedAt),
    source: "manual",
    createdBy: actor.userId,
  });
  if (result.created) {
    await recordAudit(tx, ctx, {
      action: "press_event.coverage_add",
      entityType: "press_event",
      entityId: eventId,
      organizationId: row.event.organizationId,
      after: { coverageId: result.id, url: input.url },
    });
  }
  return result;
}

export async function removeCoverage(tx: Executor, ctx: CommandContext, eventId: string, coverageId: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId);
  pressEventPolicy.authorize(actor, "manage", row);
  const [deleted] = await tx
    .delete(pressEventCoverage)
    .where(and(eq(pressEventCoverage.id, coverageId), eq(pressEventCoverage.eventId, eventId)))
    .returning();
  if (!deleted) throw new AppError(404, "not_found");
  await recordAudit(tx, ctx, {
    action: "press_event.coverage_remove",
    entityType: "press_event",
    entityId: eventId,
    organizationId: row.event.organizationId,
    before: { coverageId, url: deleted.url, title: deleted.title },
  });
}
