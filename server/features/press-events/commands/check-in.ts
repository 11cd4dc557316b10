import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { pressEventInvitations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { emit } from "../../../lib/domain-events";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { checkInCodeFrom, readInvitationToken } from "../invitation-tokens";
import { type EventRow, findVisibleEvent, ianaZone } from "../press-event-queries";
import { pressEventPolicy } from "../press-events.policy";

/**
 * Marks one guest present. Idempotent: a second scan of the same card answers `already` and
 * keeps the first time. A journalist checked in after the event was marked held still joins
 * their interaction history (`pressEvent.attended`).
 */
export async function markCheckedIn(tx: Executor, ctx: CommandContext, row: EventRow, invitationId: string) {
  const actor = actorRequired(ctx);
  if (row.event.status !== "invited" && row.event.status !== "held") throw new AppError(409, "press_event_not_open");
  const [updated] = await tx
    .update(pressEventInvitations)
    .set({ checkedInAt: new Date(), checkedInBy: actor.userId })
    .where(
      and(
        eq(pressEventInvitations.id, invitationId),
        eq(pressEventInvitations.eventId, row.event.id),
        isNull(pressEventInvitations.checkedInAt),
      ),
    )
    .returning({ id: pressEventInvitations.id, journalistId: pressEventInvitations.journalistId });
  if (!updated) {
    const [existing] = await tx
      .select({ id: pressEventInvitations.id })
      .from(pressEventInvitations)
      .where(and(eq(pressEventInvitations.id, invitationId), eq(pressEventInvitations.eventId, row.event.id)));
    if (!existing) throw new AppError(404, "press_event_code_invalid");
    return { id: existing.id, already: true };
  }
  await recordAudit(tx, ctx, {
    action: "press_event.check_in",
    entityType: "press_event",
    entityId: row.event.id,
    organizationId: row.event.organizationId,
    after: { invitationId, journalistId: updated.journalistId },
  });
  if (row.event.status === "held" && updated.journalistId) {
    await emit(tx, "pressEvent.attended", {
      eventId: row.event.id,
      title: row.event.title,
      startsAt: row.event.startsAt,
      timeZone: ianaZone(row.timeZone),
      journalistId: updated.journalistId,
      actorUserId: actor.userId,
    });
  }
  return { id: invitationId, already: false };
}

/** The door: whatever the QR scanner typed (the card's URL or its code) checks the guest in. */
export async function checkInByCode(tx: Executor, ctx: CommandContext, eventId: string, scanned: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  const invitationId = readInvitationToken(ctx.services.env, "checkin", checkInCodeFrom(scanned));
  if (!invitationId) throw new AppError(404, "press_event_code_invalid");
  return markCheckedIn(tx, ctx, row, invitationId);
}

/** The manual fallback: the usher found the guest by name. */
export async function checkInById(tx: Executor, ctx: CommandContext, eventId: string, invitationId: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  return markCheckedIn(tx, ctx, row, invitationId);
}
