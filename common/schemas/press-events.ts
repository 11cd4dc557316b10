import { z } from "zod";
import { LIMITS } from "../limits";
import { COVERAGE_SOURCES, PRESS_EVENT_KINDS, PRESS_EVENT_STATUSES, RSVP_ANSWERS } from "../press-events-enums";
import { can, id, paged, pageQuery } from "./shared";

export { COVERAGE_SOURCES, PRESS_EVENT_KINDS, PRESS_EVENT_STATUSES, RSVP_ANSWERS };

const text = (max: number) => z.string().trim().max(max);
const dateTime = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.url);

export const speaker = z.strictObject({ name: text(200).min(2), position: text(200).min(1) });

const eventFields = {
  kind: z.enum(PRESS_EVENT_KINDS),
  title: text(300).min(3),
  startsAt: dateTime,
  endsAt: dateTime,
  placeAddress: text(500).min(3),
  placeMapUrl: httpUrl.nullable().optional(),
  speakers: z.array(speaker).max(30).optional(),
  description: text(10_000).optional(),
  contentItemIds: z.array(id).max(20).optional(),
  organizerOfficerIds: z.array(id).max(30).optional(),
};

export const createPressEventBody = z.strictObject({ ...eventFields, organizationId: id });
export const updatePressEventBody = z.strictObject({
  kind: eventFields.kind.optional(),
  title: eventFields.title.optional(),
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  placeAddress: eventFields.placeAddress.optional(),
  placeMapUrl: eventFields.placeMapUrl,
  speakers: eventFields.speakers,
  description: eventFields.description,
  contentItemIds: eventFields.contentItemIds,
  organizerOfficerIds: eventFields.organizerOfficerIds,
});
export const changeStatusBody = z.strictObject({ status: z.enum(["invited", "held", "cancelled"]) });

export const pressEventListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: id.optional(),
  kind: z.enum(PRESS_EVENT_KINDS).optional(),
  status: z.enum(PRESS_EVENT_STATUSES).optional(),
  /** Inclusive day range (YYYY-MM-DD) on the start time, in the event organization's zone. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(["starts", "-starts"]).default("-starts"),
});

export const rsvpCounts = z.object({
  invited: z.number().int(),
  hadir: z.number().int(),
  tidakHadir: z.number().int(),
  mungkin: z.number().int(),
  noAnswer: z.number().int(),
  crew: z.number().int(),
  checkedIn: z.number().int(),
  walkIns: z.number().int(),
});

export const pressEventSummary = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  timeZone: z.string(),
  kind: z.enum(PRESS_EVENT_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeAddress: z.string(),
  status: z.enum(PRESS_EVENT_STATUSES),
  counts: rsvpCounts,
  can,
});
export const pressEventList = paged(pressEventSummary);

export const pressEventView = pressEventSummary.extend({
  placeMapUrl: z.string().nullable(),
  speakers: z.array(speaker),
  description: z.string(),
  contentItems: z.array(z.object({ id, title: z.string(), type: z.string(), status: z.string() })),
  organizers: z.array(z.object({ id, name: z.string() })),
  heldAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PressEventView = z.infer<typeof pressEventView>;
export type PressEventSummary = z.infer<typeof pressEventSummary>;

export const invitationView = z.object({
  id,
  journalistId: id.nullable(),
  name: z.string(),
  outlet: z.string().nullable(),
  email: z.string().nullable(),
  walkIn: z.boolean(),
  rsvp: z.enum(RSVP_ANSWERS).nullable(),
  rsvpCrew: z.number().int().nullable(),
  rsvpAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  emailedAt: z.string().nullable(),
  /** Present for those who may manage the event: the links printed on the card. */
  rsvpUrl: z.string().nullable(),
  checkInUrl: z.string().nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;
export const invitationList = z.object({ items: z.array(invitationView), counts: rsvpCounts });

export const addInvitationsBody = z.strictObject({ journalistIds: z.array(id).min(1).max(2000) });
export const addInvitationsResult = z.object({ added: z.number().int(), skipped: z.number().int() });
export const walkInBody = z.strictObject({
  journalistId: id.optional(),
  name: text(200).min(2).optional(),
  outlet: text(200).nullable().optional(),
});
/** What the USB scanner typed: the whole check-in URL, or just its code. */
export const checkInBody = z.strictObject({ code: z.string().trim().min(10).max(LIMITS.url) });
export const checkInResult = z.object({ invitation: invitationView, alreadyCheckedIn: z.boolean() });

export const coverageBody = z.strictObject({
  url: httpUrl,
  title: text(500).min(3),
  outletId: id.nullable().optional(),
  outletName: text(200).nullable().optional(),
  publishedAt: dateTime,
});
export const coverageView = z.object({
  id,
  url: z.string(),
  title: z.string(),
  outletId: id.nullable(),
  outletName: z.string().nullable(),
  publishedAt: z.string(),
  source: z.enum(COVERAGE_SOURCES),
  createdAt: z.string(),
});
export const coverageList = z.object({ items: z.array(coverageView) });
