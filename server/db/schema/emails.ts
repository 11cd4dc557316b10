import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every email Sinergi sends. Without SMTP_URL the row itself is the delivery (status
 * "outbox"), which an admin reads in the app; with SMTP the row records the attempt.
 */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id"),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text_body").notNull(),
    html: text("html_body"),
    status: text("status").notNull().default("queued"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("emails_created_idx").on(t.createdAt)],
);
