import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { mediaOutlets } from "./media-relations";
import { organizations } from "./organizations";

/** Per-kind settings of a source (e.g. a sitemap's max entries, a social account id). */
export type MonitoringSourceConfig = Record<string, unknown>;

/**
 * A place the monitoring module reads news from: a feed, a news sitemap, a single clipped
 * URL, or a connector. The fetch state (etag, last_modified) makes the next fetch conditional;
 * the failure counters feed the health badge and the back-off.
 */
export const monitoringSources = pgTable(
  "monitoring_sources",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    url: text("url"),
    outletId: uuid("outlet_id").references(() => mediaOutlets.id),
    scheduleMinutes: integer("schedule_minutes").notNull().default(30),
    enabled: boolean("enabled").notNull().default(true),
    config: jsonb("config").$type<MonitoringSourceConfig>().notNull().default({}),
    etag: text("etag"),
    lastModified: text("last_modified"),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    itemsTotal: integer("items_total").notNull().default(0),
    /** When the sweep may enqueue the next fetch (schedule, pushed back after failures). */
    nextFetchAt: timestamp("next_fetch_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("monitoring_sources_org_idx").on(t.organizationId, t.name),
    index("monitoring_sources_due_idx").on(t.enabled, t.nextFetchAt),
    index("monitoring_sources_outlet_idx").on(t.outletId),
  ],
);

/**
 * One fetch of a source: status is ok | not_modified | error | running. Health (items per
 * day over 7 days) and the source detail's log read from here.
 */
export const monitoringFetchLog = pgTable(
  "monitoring_fetch_log",
  {
    id: uuid("id").primaryKey(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => monitoringSources.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    status: text("status").notNull(),
    httpStatus: integer("http_status"),
    entries: integer("entries").notNull().default(0),
    items: integer("items").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    errorCode: text("error_code"),
    error: text("error"),
    /** Per-entry problems (url, code, message), capped, so one bad article is visible. */
    details: jsonb("details").$type<{ url: string; code: string; message: string }[]>().notNull().default([]),
    trigger: text("trigger").notNull().default("schedule"),
  },
  (t) => [index("monitoring_fetch_log_source_at_idx").on(t.sourceId, t.at)],
);

/**
 * When the next request to a host may start, shared by every worker process: each fetch reserves
 * the next slot in one statement (fetch/shared-host-slots.ts), so two workers polling the same
 * news site still keep the per-host interval between them.
 */
export const monitoringHostSlots = pgTable("monitoring_host_slots", {
  host: text("host").primaryKey(),
  nextStart: timestamp("next_start", { withTimezone: true }).notNull(),
});
