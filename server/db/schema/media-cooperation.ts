import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { journalists, mediaOutlets } from "./media-relations";
import { organizations } from "./organizations";

/** One rule's verdict in an eligibility check, kept as it was when the check ran. */
export interface EligibilityRuleResult {
  kind: string;
  passed: boolean;
  /** Indonesian, for the contract page and the SPJ report. */
  reason: string;
}

/** A whole check: when, the verdicts, and whether all passed. */
export interface EligibilityCheck {
  checkedAt: string;
  passed: boolean;
  rules: EligibilityRuleResult[];
}

/**
 * Cooperation forms (pemberitaan, advertorial, banner, …) of an organization subtree. The list
 * of the nearest ancestor that has rows applies; the taxonomy varies by regulation (DOMAIN §4).
 */
export const mediaCooperationForms = pgTable(
  "media_cooperation_forms",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    category: text("category").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("media_cooperation_forms_org_idx").on(t.organizationId, t.position)],
);

/**
 * Eligibility rules of a subtree (nearest ancestor's set applies), each a kind with parameters:
 * dewan_pers_status {statuses}, pemred_ukw_utama {}, journalists_ukw_min {level},
 * certificate_valid {}.
 */
export const mediaEligibilityRules = pgTable(
  "media_eligibility_rules",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    position: integer("position").notNull(),
  },
  (t) => [index("media_eligibility_rules_org_idx").on(t.organizationId, t.position)],
);

/** A paid cooperation contract of an agency with an outlet for one fiscal year. */
export const mediaContracts = pgTable(
  "media_contracts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    outletId: uuid("outlet_id")
      .notNull()
      .references(() => mediaOutlets.id),
    fiscalYear: integer("fiscal_year").notNull(),
    number: text("number").notNull(),
    formCode: text("form_code").notNull(),
    /** Snapshot of the form's label and category: the list may change after signing. */
    formLabel: text("form_label").notNull(),
    formCategory: text("form_category").notNull(),
    title: text("title").notNull(),
    valueRupiah: bigint("value_rupiah", { mode: "number" }).notNull(),
    quota: integer("quota").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    budgetLine: text("budget_line").notNull(),
    status: text("status").notNull().default("aktif"),
    eligibility: jsonb("eligibility").$type<EligibilityCheck>().notNull(),
    overrideReason: text("override_reason"),
    overrideBy: uuid("override_by"),
    overrideAt: timestamp("override_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("media_contracts_org_number_uq").on(t.organizationId, t.fiscalYear, t.number),
    index("media_contracts_org_year_idx").on(t.organizationId, t.fiscalYear),
    index("media_contracts_outlet_idx").on(t.outletId, t.fiscalYear),
  ],
);

/** The journalists a contract names (their UKW is part of the eligibility check). */
export const mediaContractJournalists = pgTable(
  "media_contract_journalists",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => mediaContracts.id),
    journalistId: uuid("journalist_id")
      .notNull()
      .references(() => journalists.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.journalistId] })],
);

/** Payment terms (termin): belum → diajukan → dibayar; each payment re-runs the eligibility check. */
export const mediaContractTerms = pgTable(
  "media_contract_terms",
  {
    id: uuid("id").primaryKey(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => mediaContracts.id),
    position: integer("position").notNull(),
    amountRupiah: bigint("amount_rupiah", { mode: "number" }).notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("belum"),
    paidOn: date("paid_on"),
    eligibility: jsonb("eligibility").$type<EligibilityCheck>(),
    overrideReason: text("override_reason"),
    overrideBy: uuid("override_by"),
    overrideAt: timestamp("override_at", { withTimezone: true }),
  },
  (t) => [index("media_contract_terms_contract_idx").on(t.contractId, t.position)],
);

/** Contract documents (SPK, perjanjian, BAST, …) as stored files. */
export const mediaContractDocuments = pgTable(
  "media_contract_documents",
  {
    id: uuid("id").primaryKey(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => mediaContracts.id),
    kind: text("kind").notNull(),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_contract_documents_contract_idx").on(t.contractId)],
);

/** A contracted publication that appeared: proof for the SPJ (link and/or clipping, screenshot). */
export const mediaDeliverables = pgTable(
  "media_deliverables",
  {
    id: uuid("id").primaryKey(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => mediaContracts.id),
    title: text("title").notNull(),
    publishedOn: date("published_on").notNull(),
    link: text("link"),
    clippingKey: text("clipping_key"),
    clippingName: text("clipping_name"),
    clippingMime: text("clipping_mime"),
    screenshotKey: text("screenshot_key"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_deliverables_contract_idx").on(t.contractId, t.publishedOn)],
);
