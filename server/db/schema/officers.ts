import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * Pranata Humas officers (DOMAIN.md §2). The NIP's parts (birth date, TMT CPNS, sex) are stored
 * as checked at write time so reports can filter on them.
 */
export const officers = pgTable(
  "officers",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    userId: uuid("user_id").references(() => users.id),
    nip: text("nip").notNull().unique(),
    name: text("name").notNull(),
    birthDate: date("birth_date").notNull(),
    tmtCpns: text("tmt_cpns").notNull(),
    sex: text("sex").notNull(),
    kategori: text("kategori").notNull(),
    jenjang: text("jenjang").notNull(),
    golongan: text("golongan").notNull(),
    tmtJabatan: date("tmt_jabatan").notNull(),
    tmtPangkat: date("tmt_pangkat").notNull(),
    supervisorId: uuid("supervisor_id").references((): AnyPgColumn => officers.id),
    education: text("education"),
    email: text("email"),
    phone: text("phone"),
    /** AK carried into the current jenjang (AK integrasi / konversi), before Sinergi's ratings. */
    /** A JPEG re-encoded from the upload (no metadata), in the file store. */
    photoKey: text("photo_key"),
    akAwal: numeric("ak_awal", { precision: 9, scale: 3, mode: "number" }).notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("officers_org_idx").on(t.organizationId),
    index("officers_supervisor_idx").on(t.supervisorId),
    uniqueIndex("officers_user_uq").on(t.userId).where(sql`${t.userId} is not null`),
    index("officers_search_trgm_idx").using("gin", sql`lower(${t.name} || ' ' || ${t.nip}) gin_trgm_ops`),
  ],
);

/** Jenjang, pangkat and placement changes, with their TMT, as the officer's career history. */
export const officerCareerEvents = pgTable(
  "officer_career_events",
  {
    id: uuid("id").primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id),
    kind: text("kind").notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value").notNull(),
    effectiveDate: date("effective_date").notNull(),
    recordedBy: uuid("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("career_officer_idx").on(t.officerId, t.effectiveDate)],
);

/** Predikat kinerja set by the supervisor for a period of whole months within one year. */
export const officerRatings = pgTable(
  "officer_ratings",
  {
    id: uuid("id").primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id),
    year: integer("year").notNull(),
    startMonth: text("start_month").notNull(),
    endMonth: text("end_month").notNull(),
    jenjang: text("jenjang").notNull(),
    predikat: text("predikat").notNull(),
    note: text("note"),
    ratedBy: uuid("rated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ratings_officer_idx").on(t.officerId, t.startMonth)],
);

/** Work-result types (hasil kerja, Permenkomdigi 9/2025) as data an admin edits. */
export const hasilKerjaTypes = pgTable("hasil_kerja_types", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  kategori: text("kategori").notNull(),
  jenjang: text("jenjang").array().notNull().default(sql`'{}'::text[]`),
  name: text("name").notNull(),
  definition: text("definition").notNull(),
  examples: text("examples").notNull().default(""),
  evidence: text("evidence").notNull().default(""),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** AK coefficients and thresholds per jenjang, effective-dated: a change never rewrites history. */
export const akJenjangRules = pgTable(
  "ak_jenjang_rules",
  {
    id: uuid("id").primaryKey(),
    jenjang: text("jenjang").notNull(),
    koefisien: numeric("koefisien", { precision: 7, scale: 3, mode: "number" }).notNull(),
    akNextPangkat: numeric("ak_next_pangkat", { precision: 8, scale: 3, mode: "number" }).notNull(),
    akNextJenjang: numeric("ak_next_jenjang", { precision: 8, scale: 3, mode: "number" }),
    effectiveFrom: date("effective_from").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ak_jenjang_rules_uq").on(t.jenjang, t.effectiveFrom)],
);

/** Predikat → percentage, effective-dated like the jenjang rules. */
export const akPredikatRules = pgTable(
  "ak_predikat_rules",
  {
    id: uuid("id").primaryKey(),
    predikat: text("predikat").notNull(),
    percent: numeric("percent", { precision: 6, scale: 2, mode: "number" }).notNull(),
    effectiveFrom: date("effective_from").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ak_predikat_rules_uq").on(t.predikat, t.effectiveFrom)],
);

/**
 * An uploaded officer import between its preview and its commit: the parsed cells (not the
 * file), for 30 minutes, usable once, by whoever uploaded it. Every row is checked again at
 * commit, so what is stored here is never trusted as valid.
 */
export const officerImports = pgTable(
  "officer_imports",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").references(() => users.id),
    apiTokenId: uuid("api_token_id"),
    /** The parsed rows: `{ row, cells }` with the cells as text keyed by column. */
    rows: jsonb("rows").notNull(),
    /** Spreadsheet row numbers that the preview showed as valid: the ones the operator confirmed. */
    validRows: jsonb("valid_rows").$type<number[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("officer_imports_expires_idx").on(t.expiresAt)],
);

/** Rencana hasil kerja: per officer and year, the planned count of each work-result type. */
export const officerPlans = pgTable(
  "officer_plans",
  {
    id: uuid("id").primaryKey(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id),
    year: integer("year").notNull(),
    hasilKerjaTypeId: uuid("hasil_kerja_type_id")
      .notNull()
      .references(() => hasilKerjaTypes.id),
    target: integer("target").notNull(),
    note: text("note"),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("officer_plans_uq").on(t.officerId, t.year, t.hasilKerjaTypeId)],
);
