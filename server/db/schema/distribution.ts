import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { journalists } from "./media-relations";
import { organizations } from "./organizations";

/** The saved filters of a dynamic contact list (same meaning as the journalist search). */
export interface ContactListFilters {
  beat?: string;
  regionCode?: string;
  outletType?: string;
  dewanPersStatus?: string;
  ukwLevel?: string;
  role?: string;
  outletId?: string;
}

/**
 * A contact list of an organization: static (chosen journalists in contact_list_members) or
 * dynamic (filters resolved at send time, so a new journalist matching them is included).
 */
export const contactLists = pgTable(
  "contact_lists",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull(),
    filters: jsonb("filters").$type<ContactListFilters>().notNull().default({}),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_lists_org_idx").on(t.organizationId, t.name)],
);

export const contactListMembers = pgTable(
  "contact_list_members",
  {
    listId: uuid("list_id")
      .notNull()
      .references(() => contactLists.id, { onDelete: "cascade" }),
    journalistId: uuid("journalist_id")
      .notNull()
      .references(() => journalists.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.journalistId] }), index("contact_list_members_journalist_idx").on(t.journalistId)],
);

/** Distribution settings of a subtree; the nearest ancestor's row applies. */
export const distributionSettings = pgTable("distribution_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  /** Messages per minute; 0 = no limit. */
  ratePerMinute: integer("rate_per_minute").notNull(),
  /** Default Reply-To (the contact person); a send may override it. */
  replyTo: text("reply_to"),
  /** Off by default (PDP): a 1×1 pixel records opens only when an administrator turns it on. */
  openTracking: boolean("open_tracking").notNull().default(false),
  maxAttachmentMb: integer("max_attachment_mb").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One send of a press release to one or more lists; the settings in force are copied in. */
export const distributions = pgTable(
  "distributions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    listIds: uuid("list_ids").array().notNull(),
    listNames: text("list_names").array().notNull(),
    subject: text("subject").notNull(),
    replyTo: text("reply_to"),
    attachPhotos: boolean("attach_photos").notNull(),
    ratePerMinute: integer("rate_per_minute").notNull(),
    openTracking: boolean("open_tracking").notNull(),
    /** The rendered message parts shared by every recipient (the greeting is added per recipient). */
    message: jsonb("message").$type<{ html: string; text: string; embargoUntil: string | null }>().notNull(),
    attachmentIds: uuid("attachment_ids").array().notNull(),
    total: integer("total").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("distributions_content_idx").on(t.contentId, t.createdAt),
    index("distributions_org_idx").on(t.organizationId, t.createdAt),
  ],
);

/**
 * One recipient of a send. `status` is queued | sending | accepted | deferred | bounced | skipped;
 * `next_attempt_at` is when the batch (or a deferred retry) is due, which the sweep uses to
 * re-queue lost jobs and to honour the rate limit.
 */
export const distributionRecipients = pgTable(
  "distribution_recipients",
  {
    id: uuid("id").primaryKey(),
    distributionId: uuid("distribution_id")
      .notNull()
      .references(() => distributions.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    journalistId: uuid("journalist_id")
      .notNull()
      .references(() => journalists.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    smtpResponse: text("smtp_response"),
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("distribution_recipients_email_idx").on(t.distributionId, t.emailKey),
    index("distribution_recipients_status_idx").on(t.distributionId, t.status),
    index("distribution_recipients_due_idx").on(t.nextAttemptAt),
    index("distribution_recipients_message_idx").on(t.messageId),
  ],
);

/** Addresses that asked an organization to stop sending (RFC 8058 one-click, page or mailto). */
export const distributionUnsubscribes = pgTable(
  "distribution_unsubscribes",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    emailKey: text("email_key").notNull(),
    source: text("source").notNull(),
    recipientId: uuid("recipient_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.emailKey] })],
);
