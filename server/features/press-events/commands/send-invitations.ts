import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalists, pressEventInvitations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { queueEmail } from "../../email/queue-email";
import { invitationToken, rsvpUrl } from "../invitation-tokens";
import { findVisibleEvent, ianaZone } from "../press-event-queries";
import { pressEventPolicy } from "../press-events.policy";

const KIND: Record<string, string> = { konferensi_pers: "konferensi pers", media_gathering: "media gathering", press_tour: "press tour" };

/**
 * Emails the invitation (with its personal RSVP link) to every invited journalist who has an
 * email address and has not been emailed yet. Rows are queued in this transaction; the route
 * hands them to the send job after commit. Returns the queued email ids.
 */
export async function sendInvitations(tx: Executor, ctx: CommandContext, eventId: string): Promise<string[]> {
  const actor = actorRequired(ctx);
  const row = await findVisibleEvent(tx, actor, eventId, { lock: true });
  pressEventPolicy.authorize(actor, "manage", row);
  const e = row.event;
  if (e.status !== "invited") throw new AppError(409, "press_event_not_open");
  const pending = await tx
    .select({ id: pressEventInvitations.id, name: pressEventInvitations.guestName, email: journalists.email })
    .from(pressEventInvitations)
    .innerJoin(journalists, eq(journalists.id, pressEventInvitations.journalistId))
    .where(
      and(
        eq(pressEventInvitations.eventId, eventId),
        eq(pressEventInvitations.walkIn, false),
        isNull(pressEventInvitations.emailedAt),
        isNotNull(journalists.email),
        isNull(journalists.erasedAt),
      ),
    );
  const zone = ianaZone(row.timeZone);
  const day = new Intl.DateTimeFormat("id-ID", { timeZone: zone, dateStyle: "full" }).format(e.startsAt);
  const time = (d: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: zone, timeStyle: "short" }).format(d);
  const speakers = e.speakers.map((s) => `- ${s.name}, ${s.position}`).join("\n");
  const ids: string[] = [];
  for (const p of pending) {
    const link = rsvpUrl(ctx.services.publicUrl, invitationToken(ctx.services.env, "rsvp", p.id));
    const text = [
      `Yth. ${p.name},`,
      "",
      `${row.organizationName} mengundang Anda menghadiri ${KIND[e.kind] ?? "acara pers"}:`,
      "",
      e.title,
      `Waktu: ${day}, ${time(e.startsAt)}–${time(e.endsAt)} ${row.timeZone}`,
      `Tempat: ${e.placeAddress}${e.placeMapUrl ? ` (${e.placeMapUrl})` : ""}`,
      ...(speakers ? ["Narasumber:", speakers] : []),
      ...(e.description ? ["", e.description] : []),
      "",
      `Mohon konfirmasi kehadiran Anda melalui tautan berikut: ${link}`,
      "",
      "Terima kasih.",
      row.organizationName,
    ].join("\n");
    ids.push(
      await queueEmail(tx, {
        organizationId: e.organizationId,
        to: p.email as string,
        subject: `Undangan ${KIND[e.kind] ?? "acara pers"}: ${e.title}`,
        text,
      }),
    );
    await tx.update(pressEventInvitations).set({ emailedAt: new Date() }).where(eq(pressEventInvitations.id, p.id));
  }
  await recordAudit(tx, ctx, {
    action: "press_event.send_invitations",
    entityType: "press_event",
    entityId: eventId,
    organizationId: e.organizationId,
    after: { emailed: ids.length },
  });
  return ids;
}
