import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type { changeStatusBody, createPressEventBody, updatePressEventBody } from "../../../../common/schemas/press-events";
import type { Executor } from "../../../db/client";
import { contentItems, officers, organizations, pressEventInvitations, pressEvents } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../media-relations/outlet-queries";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findVisibleEvent, ianaZone } from "../press-event-queries";
import { pressEventPolicy } from "../press-events.policy";

type EventInput = z.infer<typeof updatePressEventBody>;

/** Every id in `ids` must be a row of `table` the actor sees; the first unknown one is named (404). */
async function checkVisible(tx: Executor, actor: Actor, field: string, ids: string[] | undefined, kind: "content" | "officer") {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const table = kind === "content" ? contentItems : officers;
  const found = await tx
    .select({ id: table.id })
    .from(table)
    .innerJoin(organizations, eq(organizations.id, table.organizationId))
    .where(and(inArray(table.id, unique), inScope(actor)));
  const known = new Set(found.map((f) => f.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) throw fieldError(`${field}.${index}`, "not_found", {}, 404);
}

function checkTimes(startsAt: Date, endsAt: Date, field: "startsAt" | "endsAt" = "endsAt") {
  if (endsAt <= startsAt) throw fieldError(field, "press_event_time_order");
}

const dedupe = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined);

export async function createEvent(tx: Executor, ctx: CommandContext, input: z.infer<typeof createPressEventBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  pressEventPolicy.authorize(actor, "manage", { path: org.path });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkTimes(startsAt, endsAt);
  await checkVisible(tx, actor, "contentItemIds", input.contentItemIds, "content");
  await checkVisible(tx, actor, "organizerOfficerIds", input.organizerOfficerIds, "officer");
  const id = newId();
  await tx.insert(pressEvents).values({
    id,
    organizationId: org.id,
    kind: input.kind,
    title: input.title,
    startsAt,
    endsAt,
    placeAddress: input.placeAddress,
    placeMapUrl: input.placeMapUrl ?? null,
    speakers: input.speakers ?? [],
    description: input.description ?? "",
    contentItemIds: dedupe(input.contentItemIds) ?? [],
    organizerOfficerIds: dedupe(input.organizerOfficerIds) ?? [],
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "press_event.create",
    entityType: "press_event",
    entityId: id,
    organizationId: org.id,
    after: input,
  });
  return id;
}

export async function updateEvent(tx: Executor, ctx: CommandContext, id: string, input: EventInput) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, id, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  const e = row.event;
  const startsAt = input.startsAt ? new Date(input.startsAt) : e.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : e.endsAt;
  checkTimes(startsAt, endsAt, input.endsAt ? "endsAt" : "startsAt");
  await checkVisible(tx, actor, "contentItemIds", input.contentItemIds, "content");
  await checkVisible(tx, actor, "organizerOfficerIds", input.organizerOfficerIds, "officer");
  const { startsAt: _s, endsAt: _e, contentItemIds, organizerOfficerIds, ...rest } = input;
  await tx
    .update(pressEvents)
    .set({
      ...rest,
      startsAt,
      endsAt,
      contentItemIds: dedupe(contentItemIds),
      organizerOfficerIds: dedupe(organizerOfficerIds),
      updatedAt: new Date(),
    })
    .where(eq(pressEvents.id, id));
  await recordAudit(tx, ctx, {
    action: "press_event.update",
    entityType: "press_event",
    entityId: id,
    organizationId: e.organizationId,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, e[k as keyof typeof e]])),
    after: input,
  });
}

const TRANSITIONS: Record<string, string[]> = {
  draft: ["invited", "cancelled"],
  invited: ["held", "cancelled"],
  held: [],
  cancelled: [],
};

/**
 * Moves the event along draft → invited → held (or cancelled). Marking it held announces
 * `pressEvent.held` in this transaction: the organizers' work-log drafts and the attendees'
 * interaction history land with the status change or not at all.
 */
export async function changeStatus(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof changeStatusBody>) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, id, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  const e = row.event;
  if (!TRANSITIONS[e.status]?.includes(input.status)) {
    throw new AppError(409, "press_event_status_change", { from: e.status, to: input.status });
  }
  const now = new Date();
  await tx
    .update(pressEvents)
    .set({ status: input.status, heldAt: input.status === "held" ? now : e.heldAt, updatedAt: now })
    .where(eq(pressEvents.id, id));
  await recordAudit(tx, ctx, {
    action: `press_event.${input.status}`,
    entityType: "press_event",
    entityId: id,
    organizationId: e.organizationId,
    before: { status: e.status },
    after: { status: input.status },
  });
  if (input.status !== "held") return;
  const attended = await tx
    .select({ journalistId: pressEventInvitations.journalistId })
    .from(pressEventInvitations)
    .where(
      and(
        eq(pressEventInvitations.eventId, id),
        isNotNull(pressEventInvitations.checkedInAt),
        isNotNull(pressEventInvitations.journalistId),
      ),
    );
  await emit(tx, "pressEvent.held", {
    eventId: id,
    organizationId: e.organizationId,
    kind: e.kind,
    title: e.title,
    placeAddress: e.placeAddress,
    startsAt: e.startsAt,
    timeZone: ianaZone(row.timeZone),
    organizerOfficerIds: e.organizerOfficerIds,
    attendeeJournalistIds: attended.map((a) => a.journalistId as string),
    staffUrl: `${ctx.services.publicUrl}/app/press-events/${id}`,
    actorUserId: actor.userId,
  });
}
