import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { mediaOutlets } from "./media-relations";
import { monitoringSources } from "./monitoring-sources";
import { organizations } from "./organizations";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** One watchlist entry: a name, alias, official, programme, place or hashtag, or a Boolean query. */
export interface WatchlistEntry {
  kind: "name" | "alias" | "official" | "program" | "place" | "hashtag" | "query";
  value: string;
}

/**
 * What an organization watches for in the news. The entries are compiled into one Boolean
 * query (`compiled_query`, the canonical `formatQuery` text) that the pipeline matches;
 * `tone_terms` are the plain words/phrases `toneAround` looks for around a mention.
 * Deleting a watchlist sets `deleted_at`: past mentions and alert rules keep their reference.
 */
export const watchlists = pgTable(
  "watchlists",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    entries: jsonb("entries").$type<WatchlistEntry[]>().notNull().default([]),
    compiledQuery: text("compiled_query").notNull(),
    toneTerms: jsonb("tone_terms").$type<string[]>().notNull().default([]),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("watchlists_org_idx").on(t.organizationId, t.name)],
);

/** A story: the same event reported by several outlets within a time window. */
export const storyClusters = pgTable(
  "story_clusters",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title").notNull(),
    /** Top weighted terms of title + lead (term → weight), the centroid new articles are compared with. */
    terms: jsonb("terms").$type<Record<string, number>>().notNull().default({}),
    articleCount: integer("article_count").notNull().default(0),
    outletCount: integer("outlet_count").notNull().default(0),
    outlets: jsonb("outlets").$type<string[]>().notNull().default([]),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("story_clusters_org_recent_idx").on(t.organizationId, t.lastSeenAt)],
);

/**
 * An article (news item, social post, print/TV/radio clipping) as ingested for the owner of its
 * source. `canonical_url` and `content_hash` are unique per owner (exact dedup); near-duplicates
 * share `near_dup_group_id` (the id of the group's first article), stories share `cluster_id`.
 */
export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    sourceId: uuid("source_id").references(() => monitoringSources.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    canonicalUrl: text("canonical_url").notNull(),
    contentHash: text("content_hash").notNull(),
    title: text("title").notNull(),
    lead: text("lead").notNull().default(""),
    body: text("body").notNull().default(""),
    author: text("author"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    language: text("language"),
    outletId: uuid("outlet_id").references(() => mediaOutlets.id),
    outletName: text("outlet_name"),
    kind: text("kind").notNull(),
    externalId: text("external_id"),
    parentUrl: text("parent_url"),
    /** Print page or broadcast programme of a manual entry, as the officer wrote it ("Hal. 3", "Bali Terkini"). */
    section: text("section"),
    images: jsonb("images").$type<string[]>().notNull().default([]),
    nearDupGroupId: uuid("near_dup_group_id"),
    clusterId: uuid("cluster_id").references(() => storyClusters.id, { onDelete: "set null" }),
    hoaxScore: real("hoax_score"),
    hoaxClarificationId: uuid("hoax_clarification_id").references(() => contentItems.id, { onDelete: "set null" }),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(lead, '')), 'B') || to_tsvector('indonesian', coalesce(body, ''))`,
    ),
  },
  (t) => [
    uniqueIndex("articles_org_canonical_url_uq").on(t.organizationId, t.canonicalUrl),
    uniqueIndex("articles_org_content_hash_uq").on(t.organizationId, t.contentHash),
    index("articles_org_published_idx").on(t.organizationId, t.publishedAt, t.id),
    index("articles_published_idx").on(t.publishedAt, t.id),
    index("articles_near_dup_group_idx").on(t.nearDupGroupId),
    index("articles_cluster_idx").on(t.clusterId),
    index("articles_source_idx").on(t.sourceId),
    // Full text, led by the UTC day of published_at: a search bounded in time names its days, and
    // GIN then skips the posting lists of other days instead of intersecting the whole archive
    // (slice-scan.ts, DAY_KEY). Without a day condition it serves `search @@` alone as before.
    index("articles_day_search_idx").using(
      "gin",
      sql`(array[((${t.publishedAt} at time zone 'UTC')::date - date '2000-01-01')])`,
      t.search,
    ),
  ],
);

/**
 * The MinHash signature (128 × uint32, little-endian) of an article, kept in the database so a
 * near-duplicate check needs no rows in memory and works across processes and restarts. Its 64
 * LSH band keys live in `article_band_keys`, one row each.
 */
export const articleFingerprints = pgTable("article_fingerprints", {
  articleId: uuid("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  signature: bytea("signature").notNull(),
});

/**
 * One LSH band key of an article's fingerprint (64 per article). Why a narrow table with a btree
 * rather than an int4[] with GIN: the candidate lookup is an equality join of a batch's keys,
 * grouped per (item, stored article) to count shared bands; the btree on (owner, key,
 * published_at, article_id) answers each key with a short index range scan bounded to the recent
 * window. No foreign keys: 64 row-level checks per article would cost more than the lookup; the
 * lookup joins `article_fingerprints` (which cascades from `articles`), so the keys of a removed
 * article are never returned.
 */
export const articleBandKeys = pgTable(
  "article_band_keys",
  {
    articleId: uuid("article_id").notNull(),
    band: smallint("band").notNull(),
    organizationId: uuid("organization_id").notNull(),
    bandKey: integer("band_key").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.band] }),
    index("article_band_keys_lookup_idx").on(t.organizationId, t.bandKey, t.publishedAt, t.articleId),
  ],
);

/**
 * An article matched by a watchlist: the tone toward the watchlist's organization (from the
 * sentences around the mention), its scores, and an officer's correction if any.
 */
export const articleMentions = pgTable(
  "article_mentions",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    watchlistId: uuid("watchlist_id")
      .notNull()
      .references(() => watchlists.id, { onDelete: "cascade" }),
    mentionedOrganizationId: uuid("mentioned_organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Copied from the article so per-organization timelines need no join. */
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    tone: text("tone").notNull(),
    positive: real("positive").notNull(),
    neutral: real("neutral").notNull(),
    negative: real("negative").notNull(),
    mentionCount: integer("mention_count").notNull().default(0),
    snippet: text("snippet").notNull().default(""),
    correctedTone: text("corrected_tone"),
    correctedBy: uuid("corrected_by").references(() => users.id),
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.watchlistId] }),
    index("article_mentions_org_published_idx").on(t.mentionedOrganizationId, t.publishedAt),
    index("article_mentions_watchlist_idx").on(t.watchlistId, t.publishedAt),
  ],
);

/**
 * An officer's tone correction with the sentence window it applies to: training data for
 * `train-tone` (text<TAB>label), kept even if the article is later removed.
 */
export const toneCorrections = pgTable(
  "tone_corrections",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    articleId: uuid("article_id").references(() => articles.id, { onDelete: "set null" }),
    watchlistId: uuid("watchlist_id").references(() => watchlists.id, { onDelete: "set null" }),
    previousTone: text("previous_tone").notNull(),
    tone: text("tone").notNull(),
    text: text("text").notNull(),
    correctedBy: uuid("corrected_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tone_corrections_org_idx").on(t.organizationId, t.createdAt)],
);
