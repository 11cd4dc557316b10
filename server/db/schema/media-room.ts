import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { journalists } from "./media-relations";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A journalist's own sign-in to the media room, apart from staff users: an application to one
 * organization (`pending`), decided by its staff (`approved` / `rejected`), later `deactivated`.
 * What an approved account sees is the approving organization's subtree. `journalist_id` links
 * the application to the organization's journalist record once staff have matched or created it.
 */
export const journalistAccounts = pgTable(
  "journalist_accounts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    journalistId: uuid("journalist_id").references(() => journalists.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    outlet: text("outlet").notNull(),
    role: text("role").notNull(),
    pressCardNumber: text("press_card_number").notNull(),
    phone: text("phone").notNull(),
    passwordHash: text("password_hash").notNull(),
    status: text("status").notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    failedLogins: integer("failed_logins").notNull().default(0),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One account per email address: the sign-in form has no organization field.
    uniqueIndex("journalist_accounts_email_idx").on(sql`lower(${t.email})`),
    index("journalist_accounts_org_status_idx").on(t.organizationId, t.status, t.createdAt),
  ],
);

/** Media-room sessions: their own table and cookie, so a staff session never opens the room and back. */
export const journalistSessions = pgTable(
  "journalist_sessions",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => journalistAccounts.id),
    tokenHash: text("token_hash").notNull().unique(),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("journalist_sessions_account_idx").on(t.accountId)],
);

/** One-time password-reset links for journalist accounts; only the hash is kept. */
export const journalistAccountTokens = pgTable("journalist_account_tokens", {
  id: uuid("id").primaryKey(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => journalistAccounts.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every view of embargoed material in the media room: who, what (page or press kit), when and
 * from where. `organization_id` is the content item's, so staff read it in their scope.
 */
export const embargoViews = pgTable(
  "embargo_views",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => journalistAccounts.id),
    what: text("what").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    embargoUntil: timestamp("embargo_until", { withTimezone: true }).notNull(),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("embargo_views_content_idx").on(t.contentId, t.viewedAt),
    index("embargo_views_org_idx").on(t.organizationId, t.viewedAt),
    index("embargo_views_account_idx").on(t.accountId, t.viewedAt),
  ],
);

/**
 * What a journalist wants by email: releases of an agency (`organization`, value = its id,
 * including its subtree) or of a content type (`type`, value = the type).
 */
export const journalistSubscriptions = pgTable(
  "journalist_subscriptions",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => journalistAccounts.id),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("journalist_subscriptions_uq").on(t.accountId, t.kind, t.value),
    index("journalist_subscriptions_value_idx").on(t.kind, t.value),
  ],
);
