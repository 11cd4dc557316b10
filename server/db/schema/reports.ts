import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * Reports built in the background (the agency recap): the request, its progress for the
 * staff app's progress bar, and the finished file's key in the file store.
 */
export const reportExports = pgTable(
  "report_exports",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The user (or API token) that asked for it; only they read it back. */
    requestedBy: uuid("requested_by").notNull(),
    kind: text("kind").notNull(),
    params: jsonb("params").notNull().default({}),
    /** queued → running → done | failed */
    status: text("status").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    fileKey: text("file_key"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("report_exports_requester_idx").on(t.requestedBy, t.createdAt)],
);
