import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    phone: text("phone"),
    passwordHash: text("password_hash"),
    status: text("status").notNull().default("invited"),
    locale: text("locale").notNull().default("id"),
    /** In-app notifications are always kept; this mirrors them by email (review requests, returns, mentions). */
    emailNotifications: boolean("email_notifications").notNull().default(true),
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One trigram index over name and email serves the user search (`like '%made%'` on the
  // lowercased expression) without scanning every user.
  (t) => [index("users_search_trgm_idx").using("gin", sql`lower(${t.name} || ' ' || ${t.email}) gin_trgm_ops`)],
);

/** A role on an organization; it applies to the organization's whole subtree. */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("grants_user_org_role_uq").on(t.userId, t.organizationId, t.role), index("grants_org_idx").on(t.organizationId)],
);

/** One-time links: invitations and password resets. Only the hash of the token is kept. */
export const userTokens = pgTable("user_tokens", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  purpose: text("purpose").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
