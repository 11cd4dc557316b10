import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { addInvitationsBody, walkInBody } from "../../../../common/schemas/press-events";
import type { Executor } from "../../../db/client";
import { journalistMemberships, journalists, mediaOutlets, organizations, pressEventInvitations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../media-relations/outlet-queries";
import { type EventRow, findVisibleEvent } from "../press-event-queries";
import { pressEventPolicy } from "../press-events.policy";
import { markCheckedIn } from "./check-in";

/** The journalists the actor sees, with the outlet of their first membership (for the card). */
export async function visibleJournalists(tx: Executor, actor: Actor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: journalists.id, name: journalists.name, erasedAt: journalists.erasedAt })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(and(inArray(journalists.id, ids), inScope(actor)));
  const outlets = await tx
    .select({ journalistId: journalistMemberships.journalistId, name: mediaOutlets.name })
    .from(journalistMemberships)
    .innerJoin(mediaOutlets, eq(mediaOutlets.id, journalistMemberships.outletId))
    .where(inArray(journalistMemberships.journalistId, ids))
    .orderBy(mediaOutlets.name);
  return rows.map((r) => ({ ...r, outlet: outlets.find((o) => o.journalistId === r.id)?.name ?? null }));
}

/** Guests can be added while the event is being prepared or is under way, not once it is over. */
export function assertOpen(row: EventRow) {
  if (row.event.status === "cancelled" || row.event.status === "held") throw new AppError(409, "press_event_not_open");
}

/** Adds journalists to the list; ones already invited are skipped, unknown or erased ones named. */
export async function addInvitations(tx: Executor, ctx: CommandContext, eventId: string, input: z.infer<typeof addInvitationsBody>) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  assertOpen(row);
  const ids = [...new Set(input.journalistIds)];
  const found = await visibleJournalists(tx, actor, ids);
  const byId = new Map(found.map((j) => [j.id, j]));
  const index = input.journalistIds.findIndex((id) => !byId.get(id) || byId.get(id)?.erasedAt);
  if (index >= 0) {
    const j = byId.get(input.journalistIds[index]);
    throw fieldError(`journalistIds.${index}`, j ? "journalist_erased" : "not_found", {}, j ? 409 : 404);
  }
  const inserted = await tx
    .insert(pressEventInvitations)
    .values(
      found.map((j) => ({
        id: newId(),
        eventId,
        organizationId: row.event.organizationId,
        journalistId: j.id,
        guestName: j.name,
        guestOutlet: j.outlet,
        createdBy: actor.userId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: pressEventInvitations.id });
  await recordAudit(tx, ctx, {
    action: "press_event.invite",
    entityType: "press_event",
    entityId: eventId,
    organizationId: row.event.organizationId,
    after: { journalistIds: ids, added: inserted.length },
  });
  return { added: inserted.length, skipped: ids.length - inserted.length };
}

export async function removeInvitation(tx: Executor, ctx: CommandContext, eventId: string, invitationId: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  const [inv] = await tx
    .select()
    .from(pressEventInvitations)
    .where(and(eq(pressEventInvitations.id, invitationId), eq(pressEventInvitations.eventId, eventId)));
  if (!inv) throw new AppError(404, "not_found");
  if (inv.checkedInAt) throw new AppError(409, "press_event_invitation_checked_in");
  await tx.delete(pressEventInvitations).where(and(eq(pressEventInvitations.id, invitationId), isNull(pressEventInvitations.checkedInAt)));
  await recordAudit(tx, ctx, {
    action: "press_event.uninvite",
    entityType: "press_event",
    entityId: eventId,
    organizationId: row.event.organizationId,
    before: { invitationId, journalistId: inv.journalistId, name: inv.guestName },
  });
}

/**
 * A guest who came without an invitation: a known journalist (an existing invitation is simply
 * checked in) or a name and outlet typed at the door. Either way they are checked in now.
 */
export async function addWalkIn(tx: Executor, ctx: CommandContext, eventId: string, input: z.infer<typeof walkInBody>) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  if (row.event.status === "cancelled" || row.event.status === "draft") throw new AppError(409, "press_event_not_open");
  let guest: { journalistId: string | null; name: string; outlet: string | null };
  if (input.journalistId) {
    const [j] = await visibleJournalists(tx, actor, [input.journalistId]);
    if (!j) throw fieldError("journalistId", "not_found", {}, 404);
    if (j.erasedAt) throw fieldError("journalistId", "journalist_erased", {}, 409);
    const [existing] = await tx
      .select({ id: pressEventInvitations.id })
      .from(pressEventInvitations)
      .where(and(eq(pressEventInvitations.eventId, eventId), eq(pressEventInvitations.journalistId, j.id)));
    if (existing) return (await markCheckedIn(tx, ctx, row, existing.id)).id;
    guest = { journalistId: j.id, name: j.name, outlet: input.outlet ?? j.outlet };
  } else if (input.name) {
    guest = { journalistId: null, name: input.name, outlet: input.outlet ?? null };
  } else {
    throw fieldError("name", "press_event_walk_in_name");
  }
  const id = newId();
  await tx.insert(pressEventInvitations).values({
    id,
    eventId,
    organizationId: row.event.organizationId,
    journalistId: guest.journalistId,
    guestName: guest.name,
    guestOutlet: guest.outlet,
    walkIn: true,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "press_event.walk_in",
    entityType: "press_event",
    entityId: eventId,
    organizationId: row.event.organizationId,
    after: { invitationId: id, journalistId: guest.journalistId },
  });
  return (await markCheckedIn(tx, ctx, row, id)).id;
}
