import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A piece of content of one type (siaran pers, foto jurnalistik, …). Type-specific fields live
 * in `fields` (validated by common/schemas/content.ts); `body_html` is sanitized on the server
 * and `body_text` is its plain text, which feeds the `indonesian` full-text index.
 */
export const contentItems = pgTable(
  "content_items",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    type: text("type").notNull(),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    summary: text("summary").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").notNull().default("draft"),
    sensitive: boolean("sensitive").notNull().default(false),
    /** Private until this time even when published; the public URL stays the same. */
    embargoUntil: timestamp("embargo_until", { withTimezone: true }),
    /** When an approved item is scheduled, the time it publishes. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The public moment: max(published_at, embargo_until); the newsroom filters on it alone. */
    publicFrom: timestamp("public_from", { withTimezone: true }),
    /** Set once the public-moment side effects (channel posts, work-log evidence) have run. */
    releasedAt: timestamp("released_at", { withTimezone: true }),
    campaignId: uuid("campaign_id"),
    coverAssetId: uuid("cover_asset_id"),
    /** 1-based index of the approval step under way while in review; round counts submissions. */
    reviewStep: integer("review_step").notNull().default(0),
    reviewRound: integer("review_round").notNull().default(0),
    /** The chain in force when the item was submitted (a later edit of the chain does not move it). */
    reviewChain: jsonb("review_chain").$type<{ mode: "any" | "all"; roles: string[]; userIds: string[]; leader?: boolean }[]>(),
    /** Who may still decide at the current step: the "waiting for me" queue reads only this. */
    pendingApproverIds: uuid("pending_approver_ids").array().notNull().default(sql`'{}'::uuid[]`),
    version: integer("version").notNull().default(1),
    views: bigint("views", { mode: "number" }).notNull().default(0),
    authorId: uuid("author_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(summary, '')), 'B') || to_tsvector('indonesian', coalesce(body_text, ''))`,
    ),
  },
  (t) => [
    uniqueIndex("content_items_slug_idx").on(t.organizationId, t.slug),
    index("content_items_org_idx").on(t.organizationId, t.updatedAt),
    // The newsroom reads only public items, newest first: a partial index keeps it small.
    index("content_items_public_idx").on(t.publicFrom).where(sql`${t.status} = 'published'`),
    index("content_items_public_org_idx").on(t.organizationId, t.publicFrom).where(sql`${t.status} = 'published'`),
    index("content_items_due_idx").on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    index("content_items_unreleased_idx").on(t.publicFrom).where(sql`${t.status} = 'published' and ${t.releasedAt} is null`),
    index("content_items_pending_idx").using("gin", t.pendingApproverIds).where(sql`${t.status} = 'in_review'`),
    index("content_items_search_idx").using("gin", t.search),
    index("content_items_campaign_idx").on(t.campaignId),
    // The newsroom serves an image only while a public item uses it (here: as its cover).
    index("content_items_cover_idx").on(t.coverAssetId).where(sql`${t.status} = 'published'`),
  ],
);

/** Every saved state of an item, for history and diffs; written on each change of content. */
export const contentVersions = pgTable(
  "content_versions",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    authorId: uuid("author_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("content_versions_idx").on(t.contentId, t.version)],
);

/** Discussion on an item; `mentions` are the user ids notified. */
export const contentComments = pgTable(
  "content_comments",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    mentions: uuid("mentions").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_comments_idx").on(t.contentId, t.createdAt)],
);

/** The workflow trail: submitted, approved (per step), returned, scheduled, published, archived. */
export const contentEvents = pgTable(
  "content_events",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    action: text("action").notNull(),
    step: integer("step"),
    round: integer("round"),
    note: text("note"),
    actorId: uuid("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_events_idx").on(t.contentId, t.createdAt)],
);

/** An organization's approval chain: 1–3 steps, each "any of" or "all of" its approvers. */
export const approvalChains = pgTable("approval_chains", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  steps: jsonb("steps").$type<{ mode: "any" | "all"; roles: string[]; userIds: string[] }[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** In-app notifications ("waiting for me", mentions, returns); read state per user. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    organizationId: uuid("organization_id"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Uploaded media with renditions; public renditions never carry EXIF (GPS included). */
export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    width: integer("width"),
    height: integer("height"),
    durationSeconds: integer("duration_seconds"),
    renditions: jsonb("renditions")
      .$type<Record<string, { key: string; mime: string; width?: number; height?: number }>>()
      .notNull()
      .default({}),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    takenAt: timestamp("taken_at", { withTimezone: true }),
    location: text("location").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    altText: text("alt_text").notNull().default(""),
    /** free | attribution | limited: limited warns before publishing. */
    rights: text("rights").notNull().default("free"),
    rightsNote: text("rights_note").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_assets_org_idx").on(t.organizationId, t.createdAt), index("media_assets_tags_idx").using("gin", t.tags)],
);

/** Where an asset is used: the "used in" list, and the rights check before publishing. */
export const contentAssets = pgTable(
  "content_assets",
  {
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => mediaAssets.id),
    role: text("role").notNull().default("media"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.assetId] }), index("content_assets_asset_idx").on(t.assetId)],
);

/** A connected channel account (Telegram channel, Facebook Page, …); the secret is encrypted. */
export const channelAccounts = pgTable(
  "channel_accounts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    platform: text("platform").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, string>>().notNull().default({}),
    secretEnc: text("secret_enc"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    status: text("status").notNull().default("active"),
    lastError: text("last_error"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    /** Last expiry/error alert sent for the account: at most one a day. */
    alertedAt: timestamp("alerted_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("channel_accounts_org_idx").on(t.organizationId)],
);

/**
 * One post of an item to one channel. The row is the idempotency record: the connector claims it
 * (status publishing, attempt++) before calling out and records the external id after; a retry
 * that finds an external id, or that the platform reports as already posted, never posts again.
 */
export const contentPublications = pgTable(
  "content_publications",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    organizationId: uuid("organization_id").notNull(),
    text: text("text").notNull().default(""),
    /** What was validated when scheduling (title, public link, media), so the job posts exactly that. */
    post: jsonb("post")
      .$type<{ title: string; link: string; mediaAssetIds: string[] }>()
      .notNull()
      .default({ title: "", link: "", mediaAssetIds: [] }),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    externalId: text("external_id"),
    url: text("url"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    lastError: text("last_error"),
    engagement: jsonb("engagement").$type<Record<string, number>>(),
    engagementAt: timestamp("engagement_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("content_publications_idx").on(t.contentId, t.channelAccountId),
    index("content_publications_status_idx").on(t.status),
  ],
);

/** A shared narrative (narasi tunggal) the coordinator assigns to many agencies. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    keyMessages: text("key_messages").array().notNull().default(sql`'{}'::text[]`),
    hashtags: text("hashtags").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_org_idx").on(t.organizationId, t.startsOn)],
);

export const campaignAssignments = pgTable(
  "campaign_assignments",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organizationId] }), index("campaign_assignments_org_idx").on(t.organizationId)],
);

/** The campaign's shared asset pack. */
export const campaignAssets = pgTable(
  "campaign_assets",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => mediaAssets.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.assetId] })],
);

/** Agency A asks agency B to share an item; B marks it shared with the link. */
export const amplificationRequests = pgTable(
  "amplification_requests",
  {
    id: uuid("id").primaryKey(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id),
    requesterOrganizationId: uuid("requester_organization_id").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    message: text("message").notNull().default(""),
    status: text("status").notNull().default("pending"),
    sharedUrl: text("shared_url"),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    sharedBy: uuid("shared_by"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("amplification_requests_idx").on(t.contentId, t.organizationId),
    index("amplification_requests_org_idx").on(t.organizationId, t.status),
  ],
);
