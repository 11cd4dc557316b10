import { and, eq } from "drizzle-orm";
import type { RsvpAnswer } from "../../../../common/press-events-enums";
import type { Executor } from "../../../db/client";
import { journalists, organizations, pressEventInvitations, pressEvents } from "../../../db/schema";
import type { Env } from "../../../env";
import { AppError } from "../../../http/errors";
import { newId } from "../../../lib/ids";
import { recordAudit } from "../../audit/record-audit";
import { readInvitationToken } from "../invitation-tokens";

export const MAX_CREW = 20;

type Event = typeof pressEvents.$inferSelect;

/** An answer is possible while the event is announced and not over: otherwise 410 Gone. */
function assertAnswerable(event: Event, now = new Date()) {
  if (event.status === "draft") throw new AppError(404, "not_found");
  if (event.status !== "invited" || event.endsAt <= now) throw new AppError(410, "press_event_closed");
}

async function applyAnswer(
  tx: Executor,
  event: Event,
  invitation: typeof pressEventInvitations.$inferSelect,
  answer: RsvpAnswer,
  crew: number | null | undefined,
  via: "link" | "media_room",
) {
  const rsvpCrew = answer === "hadir" ? Math.max(0, Math.min(MAX_CREW, crew ?? 0)) : null;
  await tx
    .update(pressEventInvitations)
    .set({ rsvp: answer, rsvpCrew, rsvpAt: new Date() })
    .where(eq(pressEventInvitations.id, invitation.id));
  await recordAudit(
    tx,
    { actor: null, ip: null },
    {
      action: "press_event.rsvp",
      entityType: "press_event",
      entityId: event.id,
      organizationId: event.organizationId,
      before: { rsvp: invitation.rsvp },
      after: { invitationId: invitation.id, rsvp: answer, crew: rsvpCrew, via },
    },
  );
}

/**
 * A journalist's answer from the media room (another feature calls this after it has checked
 * that the journalist may see the event). A journalist who was not on the list yet is added to
 * it, since the media room lists open events to every approved journalist. 404 for an unknown
 * event or journalist, 410 once the event is over or cancelled.
 */
export async function recordRsvp(
  tx: Executor,
  input: { eventId: string; journalistId: string; answer: RsvpAnswer; crew?: number | null },
): Promise<{ invitationId: string }> {
  const [event] = await tx.select().from(pressEvents).where(eq(pressEvents.id, input.eventId)).for("update");
  if (!event) throw new AppError(404, "not_found");
  assertAnswerable(event);
  let [invitation] = await tx
    .select()
    .from(pressEventInvitations)
    .where(and(eq(pressEventInvitations.eventId, event.id), eq(pressEventInvitations.journalistId, input.journalistId)));
  if (!invitation) {
    const [j] = await tx
      .select({ name: journalists.name, erasedAt: journalists.erasedAt })
      .from(journalists)
      .where(eq(journalists.id, input.journalistId));
    if (!j || j.erasedAt) throw new AppError(404, "not_found");
    [invitation] = await tx
      .insert(pressEventInvitations)
      .values({ id: newId(), eventId: event.id, organizationId: event.organizationId, journalistId: input.journalistId, guestName: j.name })
      .returning();
  }
  await applyAnswer(tx, event, invitation, input.answer, input.crew, "media_room");
  return { invitationId: invitation.id };
}

/** The invitation a public RSVP link stands for, with its event and organization; 404 when the link is not one of ours. */
export async function invitationByRsvpToken(tx: Executor, env: Pick<Env, "SECRETS_KEY" | "dataDir">, token: string) {
  const invitationId = readInvitationToken(env, "rsvp", token);
  if (!invitationId) throw new AppError(404, "token_invalid");
  const [row] = await tx
    .select({
      invitation: pressEventInvitations,
      event: pressEvents,
      organizationName: organizations.name,
      timeZone: organizations.timeZone,
    })
    .from(pressEventInvitations)
    .innerJoin(pressEvents, eq(pressEvents.id, pressEventInvitations.eventId))
    .innerJoin(organizations, eq(organizations.id, pressEvents.organizationId))
    .where(eq(pressEventInvitations.id, invitationId));
  if (!row || row.event.status === "draft") throw new AppError(404, "token_invalid");
  return row;
}

export type RsvpPageData = Awaited<ReturnType<typeof invitationByRsvpToken>>;

/** The answer given through the public link in an invitation. */
export async function rsvpByToken(
  tx: Executor,
  env: Pick<Env, "SECRETS_KEY" | "dataDir">,
  token: string,
  answer: RsvpAnswer,
  crew: number | null,
): Promise<RsvpPageData> {
  const row = await invitationByRsvpToken(tx, env, token);
  const [event] = await tx.select().from(pressEvents).where(eq(pressEvents.id, row.event.id)).for("update");
  assertAnswerable(event);
  await applyAnswer(tx, event, row.invitation, answer, crew, "link");
  return invitationByRsvpToken(tx, env, token);
}

/** Whether the link still takes answers (for the page: a closed event shows, with 410). */
export function rsvpClosed(row: RsvpPageData, now = new Date()) {
  return row.event.status !== "invited" || row.event.endsAt <= now;
}
