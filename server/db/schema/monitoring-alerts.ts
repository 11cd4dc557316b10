import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

/** What a rule reacts to; the numbers live in `config` so an admin can tune them. */
export interface AlertRuleConfig {
  /** negative_mention: minimum negative probability (0..1). */
  negativeThreshold?: number;
  /** volume_spike / negative_share_spike: robust z above the hour-of-week baseline. */
  zThreshold?: number;
  /** spikes: the hour needs at least this many mentions to count. */
  minCount?: number;
  /** keyword: a Boolean query (monitoring/query syntax). */
  query?: string;
}

/** Delivery settings; secrets (Telegram token, webhook key) are sealed in their own columns. */
export interface AlertRuleChannels {
  inApp: boolean;
  email: boolean;
  telegram: { chatId: string } | null;
  webhook: { url: string } | null;
}

/**
 * An alert rule of an organization. Quiet hours are local times of the organization ("22:00"
 * to "06:00"); during them non-critical alerts are held and delivered later as one digest.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    critical: boolean("critical").notNull().default(false),
    config: jsonb("config").$type<AlertRuleConfig>().notNull().default({}),
    channels: jsonb("channels").$type<AlertRuleChannels>().notNull(),
    telegramTokenSealed: text("telegram_token_sealed"),
    webhookSecretSealed: text("webhook_secret_sealed"),
    dedupMinutes: integer("dedup_minutes").notNull().default(360),
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    lastSpikeHour: timestamp("last_spike_hour", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_rules_org_idx").on(t.organizationId, t.kind)],
);

/** Why a spike alert fired: the stories, outlets and terms behind it. */
export interface AlertExplanation {
  hour?: string;
  count?: number;
  expected?: number;
  z?: number;
  negativeShare?: number;
  stories?: { clusterId: string | null; title: string; count: number; articleId: string; url: string }[];
  outlets?: { name: string; count: number }[];
  terms?: { term: string; logOdds: number; count: number }[];
}

/**
 * One alert. `dedup_key` names what it is about (article, cluster or spike hour); the same rule
 * and key within the rule's window is the same alert. `held_until` is set when quiet hours hold
 * it; the digest job delivers it then.
 */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id),
    kind: text("kind").notNull(),
    critical: boolean("critical").notNull().default(false),
    dedupKey: text("dedup_key").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    url: text("url"),
    articleId: uuid("article_id"),
    clusterId: uuid("cluster_id"),
    mentionedOrganizationId: uuid("mentioned_organization_id"),
    explanation: jsonb("explanation").$type<AlertExplanation | null>(),
    heldUntil: timestamp("held_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("alert_events_org_idx").on(t.organizationId, t.createdAt),
    index("alert_events_dedup_idx").on(t.ruleId, t.dedupKey, t.createdAt),
    index("alert_events_held_idx").on(t.heldUntil),
  ],
);

/** One delivery attempt record per alert and channel (idempotent sends, visible failures). */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => alertEvents.id),
    channel: text("channel").notNull(),
    organizationId: uuid("organization_id").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.channel] }), index("alert_deliveries_org_idx").on(t.organizationId)],
);

/** The daily briefing of an organization, sent at `local_time` in the organization's zone. */
export const briefingSettings = pgTable("briefing_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  enabled: boolean("enabled").notNull().default(true),
  localTime: text("local_time").notNull().default("07:00"),
  recipientUserIds: uuid("recipient_user_ids").array().notNull(),
  extraEmails: text("extra_emails").array().notNull(),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per organization and local day: the cron sends each briefing once. */
export const briefingSends = pgTable(
  "briefing_sends",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    localDate: date("local_date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    recipients: integer("recipients").notNull().default(0),
  },
  (t) => [uniqueIndex("briefing_sends_org_day_idx").on(t.organizationId, t.localDate)],
);

/** The mentions of one `monitoring.mentions` event, written in the ingest transaction and
 *  evaluated by the `alerts.evaluate` job after commit (a lost enqueue is caught by the cron). */
export interface InboxMention {
  articleId: string;
  mentionedOrganizationId: string;
  watchlistId: string;
  tone: string;
  negativeProbability: number;
  hoaxClarificationId: string | null;
  title: string;
  url: string;
  outletName: string | null;
  publishedAt: string;
}

export const alertInbox = pgTable(
  "alert_inbox",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    mentions: jsonb("mentions").$type<InboxMention[]>().notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_inbox_pending_idx").on(t.createdAt).where(sql`processed_at is null`)],
);
