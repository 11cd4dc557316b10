/** Press event value lists, zod-free so the staff app's router can check search params with them. */
export const PRESS_EVENT_KINDS = ["konferensi_pers", "media_gathering", "press_tour"] as const;
export type PressEventKind = (typeof PRESS_EVENT_KINDS)[number];

/** draft → invited → held; draft or invited → cancelled. */
export const PRESS_EVENT_STATUSES = ["draft", "invited", "held", "cancelled"] as const;
export type PressEventStatus = (typeof PRESS_EVENT_STATUSES)[number];

export const RSVP_ANSWERS = ["hadir", "tidak_hadir", "mungkin"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export const COVERAGE_SOURCES = ["manual", "monitoring"] as const;
