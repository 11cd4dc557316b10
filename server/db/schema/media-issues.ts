import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * An issue (isu) in the media climate. `organization_id` is the responsible organization: its
 * people manage it, and coordinators above it see it. `opened_by_organization_id` is where it was
 * opened (often the coordinator's office). `due_at` follows the SLA of the severity; the
 * escalation job sets `escalated_at` once when `due_at` passes while the issue is still open.
 */
export const mediaIssues = pgTable(
  "media_issues",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    openedByOrganizationId: uuid("opened_by_organization_id")
      .notNull()
      .references(() => organizations.id),
    suggestedOrganizationId: uuid("suggested_organization_id"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    severity: text("severity").notNull(),
    status: text("status").notNull().default("baru"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    sourceKind: text("source_kind").notNull(),
    sourceArticleId: uuid("source_article_id"),
    sourceClusterId: uuid("source_cluster_id"),
    sourceAlertId: uuid("source_alert_id"),
    sourceUrl: text("source_url"),
    articleIds: uuid("article_ids").array().notNull().default(sql`'{}'::uuid[]`),
    slaHours: integer("sla_hours").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("media_issues_org_status_idx").on(t.organizationId, t.status),
    index("media_issues_due_idx").on(t.dueAt),
    index("media_issues_assignee_idx").on(t.assigneeId),
  ],
);

/** The timeline: every change, note (tindak lanjut), link and escalation of an issue. */
export const mediaIssueEvents = pgTable(
  "media_issue_events",
  {
    id: uuid("id").primaryKey(),
    issueId: uuid("issue_id")
      .notNull()
      .references(() => mediaIssues.id),
    kind: text("kind").notNull(),
    actorId: uuid("actor_id"),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_issue_events_issue_idx").on(t.issueId, t.at)],
);

/** Response content (a clarification or a press release) from the content studio. */
export const mediaIssueContent = pgTable(
  "media_issue_content",
  {
    issueId: uuid("issue_id")
      .notNull()
      .references(() => mediaIssues.id),
    contentItemId: uuid("content_item_id")
      .notNull()
      .references(() => contentItems.id),
    role: text("role").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.contentItemId] })],
);

/**
 * SLA hours per severity for a subtree; the nearest ancestor's row applies. Seeded on the root
 * (krisis 2, tinggi 6, sedang 24, rendah 72 — *verify*, an admin adjusts them).
 */
export const issueSlaSettings = pgTable(
  "issue_sla_settings",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    severity: text("severity").notNull(),
    hours: integer("hours").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("issue_sla_settings_org_sev_idx").on(t.organizationId, t.severity)],
);
