import { sql } from "drizzle-orm";
import { boolean, index, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { mediaOutlets } from "./media-relations";
import { articles } from "./monitoring-articles";
import { organizations } from "./organizations";

/**
 * A press release found in a monitored article: which outlet ran it, when, and how much of the
 * release's text it used (`containment`, the share of the release's word shingles present in the
 * article). `before_release` marks an article published before the release went public (an
 * embargo broken, or a leak). Evidence for contract deliverables and press-event coverage.
 */
export const releasePickups = pgTable(
  "release_pickups",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    outletId: uuid("outlet_id").references(() => mediaOutlets.id),
    outletName: text("outlet_name"),
    articleUrl: text("article_url").notNull(),
    articleTitle: text("article_title").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    containment: real("containment").notNull(),
    beforeRelease: boolean("before_release").notNull().default(false),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("release_pickups_pair_uq").on(t.contentId, t.articleId),
    index("release_pickups_org_idx").on(t.organizationId, t.publishedAt),
    index("release_pickups_outlet_idx").on(t.outletId, t.publishedAt).where(sql`${t.outletId} is not null`),
  ],
);

/** How far the pickup sweep has read the articles table (UUIDv7 ids grow with time). */
export const releasePickupScan = pgTable("release_pickup_scan", {
  id: text("id").primaryKey(),
  lastArticleId: uuid("last_article_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
