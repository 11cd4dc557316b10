import { sql } from "drizzle-orm";
import { bigint, index, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { hasilKerjaTypes, officers } from "./officers";
import { organizations } from "./organizations";

/**
 * What an officer produced (a hasil kerja), with evidence, moving draft → submitted →
 * approved (locked) or returned (with the supervisor's note) → submitted again.
 */
export const workLogs = pgTable(
  "work_logs",
  {
    id: uuid("id").primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    hasilKerjaTypeId: uuid("hasil_kerja_type_id")
      .notNull()
      .references(() => hasilKerjaTypes.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    place: text("place"),
    latitude: numeric("latitude", { precision: 9, scale: 6, mode: "number" }),
    longitude: numeric("longitude", { precision: 9, scale: 6, mode: "number" }),
    status: text("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
    decisionNote: text("decision_note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("work_logs_officer_idx").on(t.officerId, t.occurredAt),
    // The verification queue reads only submitted entries: small partial indexes, in queue
    // order and per officer (for a supervisor's or an agency's few officers).
    index("work_logs_queue_idx").on(t.submittedAt).where(sql`${t.status} = 'submitted'`),
    index("work_logs_queue_officer_idx").on(t.officerId).where(sql`${t.status} = 'submitted'`),
    index("work_logs_org_idx").on(t.organizationId, t.occurredAt),
  ],
);

/** Evidence (bukti fisik): an uploaded file, a link, or a reference to another Sinergi record. */
export const workLogEvidence = pgTable(
  "work_log_evidence",
  {
    id: uuid("id").primaryKey(),
    workLogId: uuid("work_log_id")
      .notNull()
      .references(() => workLogs.id),
    kind: text("kind").notNull(),
    fileKey: text("file_key"),
    fileName: text("file_name"),
    mime: text("mime"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    url: text("url"),
    refType: text("ref_type"),
    refId: text("ref_id"),
    label: text("label"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_log_idx").on(t.workLogId)],
);

/** The verification trail the officer reads: submitted, returned (with note), approved, reopened. */
export const workLogEvents = pgTable(
  "work_log_events",
  {
    id: uuid("id").primaryKey(),
    workLogId: uuid("work_log_id")
      .notNull()
      .references(() => workLogs.id),
    action: text("action").notNull(),
    note: text("note"),
    actorId: uuid("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("work_log_events_idx").on(t.workLogId, t.createdAt)],
);
