import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/** A speaker as the invitation names them. */
export interface PressEventSpeaker {
  name: string;
  position: string;
}

/**
 * A press event (konferensi pers, media gathering, press tour) of an organization. Linked
 * content items (press release, press kit) and organizing officers are id arrays checked by
 * the commands against the actor's scope; `held_at` is set once, when the event is marked held,
 * and that moment announces `pressEvent.held` (work-log evidence, journalist interactions).
 */
export const pressEvents = pgTable(
  "press_events",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    placeAddress: text("place_address").notNull(),
    placeMapUrl: text("place_map_url"),
    speakers: jsonb("speakers").$type<PressEventSpeaker[]>().notNull().default([]),
    description: text("description").notNull().default(""),
    contentItemIds: uuid("content_item_ids").array().notNull().default(sql`'{}'::uuid[]`),
    organizerOfficerIds: uuid("organizer_officer_ids").array().notNull().default(sql`'{}'::uuid[]`),
    status: text("status").notNull().default("draft"),
    heldAt: timestamp("held_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("press_events_org_start_idx").on(t.organizationId, t.startsAt),
    index("press_events_organizers_idx").using("gin", t.organizerOfficerIds),
  ],
);

/**
 * One guest of an event: an invited journalist, or a walk-in added at the door (journalist or
 * a name and outlet typed in). The RSVP link and the check-in QR carry HMAC-signed tokens over
 * the invitation id (server/features/press-events/invitation-tokens.ts), so no secret is stored.
 */
export const pressEventInvitations = pgTable(
  "press_event_invitations",
  {
    id: uuid("id").primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => pressEvents.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    journalistId: uuid("journalist_id"),
    guestName: text("guest_name").notNull(),
    guestOutlet: text("guest_outlet"),
    walkIn: boolean("walk_in").notNull().default(false),
    rsvp: text("rsvp"),
    rsvpCrew: integer("rsvp_crew"),
    rsvpAt: timestamp("rsvp_at", { withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedInBy: uuid("checked_in_by"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("press_event_invitations_journalist_uq").on(t.eventId, t.journalistId).where(sql`${t.journalistId} is not null`),
    index("press_event_invitations_event_idx").on(t.eventId, t.guestName),
    index("press_event_invitations_journalist_idx").on(t.journalistId),
  ],
);

/** Coverage an event earned: added by hand, or by media monitoring later (same url once per event). */
export const pressEventCoverage = pgTable(
  "press_event_coverage",
  {
    id: uuid("id").primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => pressEvents.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    url: text("url").notNull(),
    title: text("title").notNull(),
    outletId: uuid("outlet_id"),
    outletName: text("outlet_name"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("press_event_coverage_url_uq").on(t.eventId, t.url)],
);
