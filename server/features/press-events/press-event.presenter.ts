import { inArray } from "drizzle-orm";
import type { InvitationView, PressEventSummary, PressEventView } from "../../../common/schemas/press-events";
import type { Executor } from "../../db/client";
import { contentItems, officers, type pressEventCoverage } from "../../db/schema";
import type { Env } from "../../env";
import type { Actor } from "../../policies/core";
import { checkInUrl, invitationToken, rsvpUrl } from "./invitation-tokens";
import type { Counts, EventRow, InvitationRow } from "./press-event-queries";
import { pressEventPolicy } from "./press-events.policy";

export function presentEventSummary(row: EventRow, counts: Counts, actor: Actor): PressEventSummary {
  const e = row.event;
  return {
    id: e.id,
    organizationId: e.organizationId,
    organizationName: row.organizationName,
    timeZone: row.timeZone,
    kind: e.kind as PressEventSummary["kind"],
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    placeAddress: e.placeAddress,
    status: e.status as PressEventSummary["status"],
    counts,
    can: pressEventPolicy.abilities(actor, row),
  };
}

/** The full event: linked content items and organizers by name, in the order they were chosen. */
export async function presentEvent(db: Executor, row: EventRow, counts: Counts, actor: Actor): Promise<PressEventView> {
  const e = row.event;
  const items = e.contentItemIds.length
    ? await db
        .select({ id: contentItems.id, title: contentItems.title, type: contentItems.type, status: contentItems.status })
        .from(contentItems)
        .where(inArray(contentItems.id, e.contentItemIds))
    : [];
  const people = e.organizerOfficerIds.length
    ? await db.select({ id: officers.id, name: officers.name }).from(officers).where(inArray(officers.id, e.organizerOfficerIds))
    : [];
  const inOrder = <T extends { id: string }>(ids: string[], list: T[]) =>
    ids.map((id) => list.find((x) => x.id === id)).filter((x): x is T => Boolean(x));
  return {
    ...presentEventSummary(row, counts, actor),
    placeMapUrl: e.placeMapUrl,
    speakers: e.speakers,
    description: e.description,
    contentItems: inOrder(e.contentItemIds, items),
    organizers: inOrder(e.organizerOfficerIds, people),
    heldAt: e.heldAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** A guest; the RSVP and check-in links only for those who may manage the event. */
export function presentInvitation(r: InvitationRow, links: { env: Env; publicUrl: string } | null): InvitationView {
  const i = r.invitation;
  return {
    id: i.id,
    journalistId: i.journalistId,
    name: i.guestName,
    outlet: i.guestOutlet,
    email: r.email ?? null,
    walkIn: i.walkIn,
    rsvp: i.rsvp as InvitationView["rsvp"],
    rsvpCrew: i.rsvpCrew,
    rsvpAt: i.rsvpAt?.toISOString() ?? null,
    checkedInAt: i.checkedInAt?.toISOString() ?? null,
    emailedAt: i.emailedAt?.toISOString() ?? null,
    rsvpUrl: links ? rsvpUrl(links.publicUrl, invitationToken(links.env, "rsvp", i.id)) : null,
    checkInUrl: links ? checkInUrl(links.publicUrl, i.eventId, invitationToken(links.env, "checkin", i.id)) : null,
  };
}

export function presentCoverage(c: typeof pressEventCoverage.$inferSelect) {
  return {
    id: c.id,
    url: c.url,
    title: c.title,
    outletId: c.outletId,
    outletName: c.outletName,
    publishedAt: c.publishedAt.toISOString(),
    source: c.source as "manual" | "monitoring",
    createdAt: c.createdAt.toISOString(),
  };
}
