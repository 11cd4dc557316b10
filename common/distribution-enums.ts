/** Distribution value lists, zod-free so the staff app's router and pages can use them cheaply. */
export const CONTACT_LIST_KINDS = ["static", "dynamic"] as const;
export type ContactListKind = (typeof CONTACT_LIST_KINDS)[number];

/**
 * Per-recipient delivery states. `sending` is internal (claimed by a worker) and shown as queued;
 * `skipped` means the address unsubscribed before the message went out.
 */
export const RECIPIENT_STATUSES = ["queued", "accepted", "deferred", "bounced", "skipped"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** Defaults of an organization tree with no distribution settings of its own (verify: seeded, changeable). */
export const DISTRIBUTION_DEFAULTS = { ratePerMinute: 120, maxAttachmentMb: 10, openTracking: false } as const;

/**
 * The consent purposes (UU PDP) that cover receiving press releases. The consent record is free
 * text, so a purpose that names release distribution in any of these words counts.
 */
export const RELEASE_CONSENT_PATTERN = "(distribusi rilis|rilis|siaran pers|press release)";

/** A deferred (4xx) message is retried this many times, then counted as bounced. */
export const MAX_DELIVERY_ATTEMPTS = 5;
