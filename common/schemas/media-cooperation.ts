import { z } from "zod";
import { LIMITS } from "../limits";
import {
  CONTRACT_DOCUMENT_KINDS,
  CONTRACT_STATUSES,
  COOPERATION_CATEGORIES,
  ELIGIBILITY_RULE_KINDS,
  OVERRIDE_REASON_MIN,
  TERM_STATUSES,
} from "../media-cooperation-enums";
import { DEWAN_PERS_STATUSES, UKW_LEVELS } from "../media-relations-enums";
import { can, id, paged, pageQuery } from "./shared";

export { CONTRACT_DOCUMENT_KINDS, CONTRACT_STATUSES, COOPERATION_CATEGORIES, ELIGIBILITY_RULE_KINDS, TERM_STATUSES };

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();
const rupiah = z.number().int().min(1).max(1_000_000_000_000);
const year = z.coerce.number().int().min(2000).max(2100);
const overrideReason = text(2000).min(OVERRIDE_REASON_MIN);

// Settings: forms and eligibility rules (per organization subtree; the nearest ancestor's apply)

export const cooperationForm = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/),
  label: text(120).min(2),
  category: z.enum(COOPERATION_CATEGORIES),
  active: z.boolean().default(true),
});
export const eligibilityRule = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("dewan_pers_status"),
    params: z.strictObject({ statuses: z.array(z.enum(DEWAN_PERS_STATUSES)).min(1).max(3) }),
  }),
  z.strictObject({ kind: z.literal("pemred_ukw_utama"), params: z.strictObject({}).default({}) }),
  z.strictObject({ kind: z.literal("journalists_ukw_min"), params: z.strictObject({ level: z.enum(UKW_LEVELS) }) }),
  z.strictObject({ kind: z.literal("certificate_valid"), params: z.strictObject({}).default({}) }),
]);
export type EligibilityRuleInput = z.infer<typeof eligibilityRule>;
export const cooperationSettingsBody = z.strictObject({
  forms: z.array(cooperationForm).min(1).max(40),
  rules: z.array(eligibilityRule).max(ELIGIBILITY_RULE_KINDS.length),
});
export const cooperationSettingsView = z.object({
  formsSourceOrganizationId: id,
  rulesSourceOrganizationId: id,
  forms: z.array(z.object({ code: z.string(), label: z.string(), category: z.enum(COOPERATION_CATEGORIES), active: z.boolean() })),
  rules: z.array(z.object({ kind: z.enum(ELIGIBILITY_RULE_KINDS), params: z.record(z.string(), z.unknown()) })),
  can,
});
export type CooperationSettingsView = z.infer<typeof cooperationSettingsView>;

// Eligibility -------------------------------------------------------------------------------

export const eligibilityView = z.object({
  checkedAt: z.string(),
  passed: z.boolean(),
  rules: z.array(z.object({ kind: z.string(), passed: z.boolean(), reason: z.string() })),
});
export type EligibilityView = z.infer<typeof eligibilityView>;
export const eligibilityCheckBody = z.strictObject({
  organizationId: id,
  outletId: id,
  journalistIds: z.array(id).max(50).default([]),
});

// Contracts -------------------------------------------------------------------------------

export const termInput = z.strictObject({ amountRupiah: rupiah, dueOn: isoDate });
export const createContractBody = z.strictObject({
  organizationId: id,
  outletId: id,
  fiscalYear: z.number().int().min(2000).max(2100),
  number: text(100).min(1),
  formCode: text(40).min(1),
  title: text(300).min(3),
  valueRupiah: rupiah,
  quota: z.number().int().min(1).max(10_000),
  periodStart: isoDate,
  periodEnd: isoDate,
  /** Kode rekening and sub kegiatan, as the DPA writes them. */
  budgetLine: text(500).min(3),
  journalistIds: z.array(id).max(50).default([]),
  terms: z.array(termInput).max(24).default([]),
  /** Only read when the eligibility check fails; needs the override ability. */
  overrideReason: overrideReason.optional(),
});
/**
 * A contract's correctable fields (same rules as at creation) and its status. Outlet, form,
 * fiscal year, journalists and terms are fixed: they carry the eligibility check and payments.
 */
export const updateContractBody = createContractBody
  .pick({ number: true, title: true, budgetLine: true, valueRupiah: true, quota: true, periodStart: true, periodEnd: true })
  .partial()
  .extend({ status: z.enum(CONTRACT_STATUSES).optional() })
  // The message is an error code: the server's error handler shows its localized text.
  .refine((body) => Object.keys(body).length > 0, { message: "media_contract_update_empty" });
export type UpdateContractInput = z.infer<typeof updateContractBody>;
export const payTermBody = z.strictObject({ paidOn: isoDate, overrideReason: overrideReason.optional() });

export const contractListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: id.optional(),
  outletId: id.optional(),
  fiscalYear: year.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
});
export const contractExportQuery = contractListQuery.omit({ page: true, pageSize: true });

const override = z.object({ reason: z.string(), byName: z.string().nullable(), at: z.string() }).nullable();

export const contractSummary = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  outletId: id,
  outletName: z.string(),
  fiscalYear: z.number().int(),
  number: z.string(),
  title: z.string(),
  formCode: z.string(),
  formLabel: z.string(),
  formCategory: z.enum(COOPERATION_CATEGORIES),
  valueRupiah: z.number().int(),
  paidRupiah: z.number().int(),
  quota: z.number().int(),
  delivered: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  eligible: z.boolean(),
  overridden: z.boolean(),
  can,
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const termView = z.object({
  id,
  position: z.number().int(),
  amountRupiah: z.number().int(),
  dueOn: z.string(),
  status: z.enum(TERM_STATUSES),
  paidOn: z.string().nullable(),
  eligibility: eligibilityView.nullable(),
  override,
});
export const deliverableView = z.object({
  id,
  title: z.string(),
  publishedOn: z.string(),
  link: z.string().nullable(),
  clippingName: z.string().nullable(),
  hasClipping: z.boolean(),
  hasScreenshot: z.boolean(),
  createdAt: z.string(),
});
export const contractDocumentView = z.object({
  id,
  kind: z.enum(CONTRACT_DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export const contractView = contractSummary.extend({
  budgetLine: z.string(),
  journalists: z.array(z.object({ id, name: z.string(), ukwLevel: z.enum(UKW_LEVELS).nullable() })),
  eligibility: eligibilityView,
  override,
  terms: z.array(termView),
  deliverables: z.array(deliverableView),
  documents: z.array(contractDocumentView),
  createdAt: z.string(),
});
export type ContractView = z.infer<typeof contractView>;
export const contractList = paged(contractSummary);

// Reports and dashboard ---------------------------------------------------------------------

export const spjReportQuery = z.object({
  fiscalYear: year,
  organizationId: id.optional(),
  outletId: id.optional(),
});
export const dashboardQuery = z.object({ fiscalYear: year, organizationId: id.optional() });
export const dashboardView = z.object({
  fiscalYear: z.number().int(),
  rows: z.array(
    z.object({
      outletId: id,
      outletName: z.string(),
      contracts: z.number().int(),
      valueRupiah: z.number().int(),
      paidRupiah: z.number().int(),
      quota: z.number().int(),
      delivered: z.number().int(),
    }),
  ),
  totals: z.object({ valueRupiah: z.number().int(), paidRupiah: z.number().int(), quota: z.number().int(), delivered: z.number().int() }),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const deliverableLink = z.url({ protocol: /^https?$/ }).max(LIMITS.url);
