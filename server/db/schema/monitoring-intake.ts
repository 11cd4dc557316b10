import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { mediaOutlets } from "./media-relations";
import { monitoringSources } from "./monitoring-sources";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * An uploaded newspaper scan (JPEG/PNG/TIFF) or PDF being read by OCR for a manual print
 * item. status: queued → running → done | failed (error_code says why: unreadable, no text,
 * OCR unavailable); pages_done/pages_total is the progress the form polls. The text is
 * only a suggestion: the officer edits it before the item is saved.
 */
export const monitoringOcrScans = pgTable(
  "monitoring_ocr_scans",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid("created_by").references(() => users.id),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    status: text("status").notNull().default("queued"),
    pagesTotal: integer("pages_total").notNull().default(0),
    pagesDone: integer("pages_done").notNull().default(0),
    text: text("text"),
    /** Mean word confidence (0–100) tesseract reported, when it read any words. */
    confidence: integer("confidence"),
    errorCode: text("error_code"),
    /** The article the saved manual entry became (articles belong to the pipeline). */
    articleId: uuid("article_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("monitoring_ocr_scans_org_idx").on(t.organizationId, t.createdAt)],
);

/**
 * A CSV export of another monitoring tool, checked (preview) and kept under a one-time
 * token until it is committed, like the journalist import.
 */
export const monitoringCsvImports = pgTable(
  "monitoring_csv_imports",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").references(() => users.id),
    apiTokenId: uuid("api_token_id"),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    sourceId: uuid("source_id").references(() => monitoringSources.id, { onDelete: "cascade" }),
    outletId: uuid("outlet_id").references(() => mediaOutlets.id),
    fileName: text("file_name").notNull().default(""),
    rows: jsonb("rows").notNull(),
    validRows: jsonb("valid_rows").$type<number[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** The ingest outcome (inserted, duplicates, rejected rows), shown after the commit. */
    result: jsonb("result"),
  },
  (t) => [index("monitoring_csv_imports_expires_idx").on(t.expiresAt)],
);

/**
 * The sealed credentials and the paging state of a social-media source (X, YouTube,
 * Facebook, Instagram). Kept out of monitoring_sources.config so that a presenter returning
 * the config can never leak a token. `secret` is a SecretBox value bound to the source id.
 * `cursor` holds what the next fetch starts from (since_id, last comment time per post);
 * `backoff_until` is set from the platform's rate-limit headers.
 */
export const monitoringSourceSecrets = pgTable("monitoring_source_secrets", {
  sourceId: uuid("source_id")
    .primaryKey()
    .references(() => monitoringSources.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id),
  secret: text("secret").notNull(),
  cursor: jsonb("cursor").$type<Record<string, unknown>>().notNull().default({}),
  backoffUntil: timestamp("backoff_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
