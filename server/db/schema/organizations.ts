import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The organization tree. `path` is a materialized path of ids ("/root/child/") so that a
 * subtree is one indexed prefix scan; every scoped query in Sinergi builds on it.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey(),
    parentId: uuid("parent_id"),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    slug: text("slug").notNull().unique(),
    kind: text("kind").notNull(),
    regionCode: text("region_code"),
    timeZone: text("time_zone").notNull(),
    timeZoneOverridden: boolean("time_zone_overridden").notNull().default(false),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    website: text("website"),
    logoKey: text("logo_key"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organizations_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("organizations_parent_idx").on(t.parentId),
  ],
);
