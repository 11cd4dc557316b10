import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

/** One social account of an outlet, as the outlet lists it. */
export interface SocialAccount {
  platform: string;
  handle: string;
}

/** A reach figure and where it came from (so nobody mistakes a claim for a measurement). */
export interface ReachFigure {
  metric: string;
  value: number;
  source: string;
  asOf: string;
}

/** How the contact data of a journalist may be held under UU 27/2022 (PDP). */
export interface ContactConsent {
  purpose: string;
  basis: string;
  consentedAt: string;
  source: string;
}

/**
 * A media outlet (perusahaan pers) in an organization's own list. Coordinators read the
 * subtree. `name_key` and `website_domain` are normalized for duplicate detection; a merged
 * outlet keeps its row with `merged_into_id` so old references still resolve.
 */
export const mediaOutlets = pgTable(
  "media_outlets",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    company: text("company"),
    type: text("type").notNull(),
    regionCode: text("region_code"),
    address: text("address"),
    website: text("website"),
    websiteDomain: text("website_domain"),
    socialAccounts: jsonb("social_accounts").$type<SocialAccount[]>().notNull().default([]),
    dewanPersStatus: text("dewan_pers_status").notNull().default("tidak_terdaftar"),
    certificateNumber: text("certificate_number"),
    certificateDate: date("certificate_date"),
    certificateExpiresOn: date("certificate_expires_on"),
    reach: jsonb("reach").$type<ReachFigure[]>().notNull().default([]),
    mergedIntoId: uuid("merged_into_id"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("media_outlets_org_name_idx").on(t.organizationId, t.nameKey),
    index("media_outlets_org_domain_idx").on(t.organizationId, t.websiteDomain),
    index("media_outlets_expiry_idx").on(t.certificateExpiresOn),
  ],
);

/** Company documents (akta, SK Kemenkumham, NPWP, …) as stored files with validity dates. */
export const mediaOutletDocuments = pgTable(
  "media_outlet_documents",
  {
    id: uuid("id").primaryKey(),
    outletId: uuid("outlet_id")
      .notNull()
      .references(() => mediaOutlets.id),
    kind: text("kind").notNull(),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    validFrom: date("valid_from"),
    validUntil: date("valid_until"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_outlet_documents_outlet_idx").on(t.outletId)],
);

/**
 * A journalist known to an organization. Erasure (PDP) blanks the personal fields and sets
 * `erased_at`, keeping the row so interaction counts stay true.
 */
export const journalists = pgTable(
  "journalists",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    beats: text("beats").array().notNull().default(sql`'{}'::text[]`),
    regionCode: text("region_code"),
    ukwLevel: text("ukw_level"),
    ukwCertificateNumber: text("ukw_certificate_number"),
    ukwCertificateDate: date("ukw_certificate_date"),
    email: text("email"),
    phone: text("phone"),
    whatsapp: text("whatsapp"),
    consent: jsonb("consent").$type<ContactConsent | null>(),
    notes: text("notes"),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lists sort by name inside an organization; filters on UKW and region are narrow.
    index("journalists_org_name_idx").on(t.organizationId, sql`lower(${t.name})`),
    index("journalists_org_email_idx").on(t.organizationId, t.email),
    index("journalists_org_phone_idx").on(t.organizationId, t.phone),
    index("journalists_ukw_idx").on(t.organizationId, t.ukwLevel),
    index("journalists_region_idx").on(t.organizationId, t.regionCode),
    index("journalists_beats_idx").using("gin", t.beats),
    // Contact search is a substring match on the name (lower(name) like '%q%'): trigrams serve it
    // at 100,000 journalists (bench/contact-search.bench.ts shows before and after).
    index("journalists_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    // A broad list (a province admin, no filter or a short one) reads its page in index order and
    // stops after 50 rows instead of sorting 100,000 (journalist-queries.ts, listJournalists).
    index("journalists_name_order_idx").on(sql`lower(${t.name})`, t.id),
    index("journalists_created_order_idx").on(t.createdAt, t.id),
    // Filters without a name over a whole province: the capped count reads the matches through
    // these (with the beats GIN, a bitmap AND) instead of every journalist.
    index("journalists_ukw_level_idx").on(t.ukwLevel),
    index("journalists_region_prefix_idx").on(t.regionCode.op("text_pattern_ops")),
  ],
);

/** Which outlets a journalist works for, and as what. */
export const journalistMemberships = pgTable(
  "journalist_memberships",
  {
    journalistId: uuid("journalist_id")
      .notNull()
      .references(() => journalists.id),
    outletId: uuid("outlet_id")
      .notNull()
      .references(() => mediaOutlets.id),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.journalistId, t.outletId, t.role] }), index("journalist_memberships_outlet_idx").on(t.outletId, t.role)],
);

/** Interaction history: notes now; releases, events and coverage are written by later features. */
export const journalistInteractions = pgTable(
  "journalist_interactions",
  {
    id: uuid("id").primaryKey(),
    journalistId: uuid("journalist_id")
      .notNull()
      .references(() => journalists.id),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on").notNull(),
    text: text("text").notNull(),
    link: text("link"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("journalist_interactions_journalist_idx").on(t.journalistId, t.occurredOn)],
);

/** Settings of media relations for an organization subtree; the nearest ancestor's row applies. */
export const mediaRelationsSettings = pgTable("media_relations_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  certificateWarningDays: integer("certificate_warning_days").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outlet grading a region uses (e.g. Kaltim Pergub 49/2024: A/B/C by Dewan Pers status).
 * The rule set of the nearest ancestor organization that has one applies; the first grade
 * (lowest position) whose statuses contain the outlet's status wins.
 */
export const outletGradingRules = pgTable(
  "outlet_grading_rules",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    grade: text("grade").notNull(),
    position: integer("position").notNull(),
    dewanPersStatuses: text("dewan_pers_statuses").array().notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [index("outlet_grading_rules_org_idx").on(t.organizationId, t.position)],
);

/**
 * An uploaded journalist sheet between preview and commit (one-time token, 30 minutes), like
 * officer_imports: the parsed rows and the row numbers the operator saw as valid.
 */
export const journalistImports = pgTable(
  "journalist_imports",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").references(() => users.id),
    apiTokenId: uuid("api_token_id"),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    rows: jsonb("rows").notNull(),
    validRows: jsonb("valid_rows").$type<number[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("journalist_imports_expires_idx").on(t.expiresAt)],
);
