import { z } from "zod";
import { LIMITS } from "../limits";
import {
  DEWAN_PERS_STATUSES,
  INTERACTION_KINDS,
  JOURNALIST_ROLES,
  OUTLET_DOCUMENT_KINDS,
  OUTLET_TYPES,
  UKW_LEVELS,
} from "../media-relations-enums";
import { can, id, paged, pageQuery } from "./shared";

export { DEWAN_PERS_STATUSES, INTERACTION_KINDS, JOURNALIST_ROLES, OUTLET_DOCUMENT_KINDS, OUTLET_TYPES, UKW_LEVELS };

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const isoDate = z.iso.date();
const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/)
  .nullable()
  .optional();

export const socialAccount = z.strictObject({ platform: text(40).min(1), handle: text(300).min(1) });
export const reachFigure = z.strictObject({
  metric: text(80).min(1),
  value: z.number().int().min(0).max(10_000_000_000),
  source: text(200).min(1),
  asOf: isoDate,
});

const outletFields = {
  name: text(200).min(2),
  company: optionalText(200),
  type: z.enum(OUTLET_TYPES),
  regionCode,
  address: optionalText(500),
  website: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.url)
    .nullable()
    .optional(),
  socialAccounts: z.array(socialAccount).max(20).optional(),
  dewanPersStatus: z.enum(DEWAN_PERS_STATUSES).optional(),
  certificateNumber: optionalText(100),
  certificateDate: isoDate.nullable().optional(),
  certificateExpiresOn: isoDate.nullable().optional(),
  reach: z.array(reachFigure).max(30).optional(),
};

export const createOutletBody = z.strictObject({
  ...outletFields,
  organizationId: id,
  /** Set after the user has seen the 409 and decided the outlet is not a duplicate. */
  confirmDuplicate: z.boolean().optional(),
});
export const updateOutletBody = z.strictObject({
  name: outletFields.name.optional(),
  company: outletFields.company,
  type: outletFields.type.optional(),
  regionCode: outletFields.regionCode,
  address: outletFields.address,
  website: outletFields.website,
  socialAccounts: outletFields.socialAccounts,
  dewanPersStatus: outletFields.dewanPersStatus,
  certificateNumber: outletFields.certificateNumber,
  certificateDate: outletFields.certificateDate,
  certificateExpiresOn: outletFields.certificateExpiresOn,
  reach: outletFields.reach,
});
export const mergeOutletBody = z.strictObject({ intoId: id });

const boolFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const outletListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: id.optional(),
  type: z.enum(OUTLET_TYPES).optional(),
  dewanPersStatus: z.enum(DEWAN_PERS_STATUSES).optional(),
  regionCode: z.string().max(10).optional(),
  grade: z.string().trim().max(10).optional(),
  expiringSoon: boolFlag.optional(),
  sort: z.enum(["name", "-name", "created", "-created", "expiry"]).default("name"),
});

export const outletDocumentView = z.object({
  id,
  kind: z.enum(OUTLET_DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const outletSummary = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  type: z.enum(OUTLET_TYPES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  website: z.string().nullable(),
  dewanPersStatus: z.enum(DEWAN_PERS_STATUSES),
  certificateNumber: z.string().nullable(),
  certificateDate: z.string().nullable(),
  certificateExpiresOn: z.string().nullable(),
  /** Days until the Dewan Pers certificate expires, when it is within the warning window (negative: expired). */
  certificateExpiresInDays: z.number().int().nullable(),
  certificateExpiringSoon: z.boolean(),
  grade: z.string().nullable(),
  mergedIntoId: id.nullable(),
  journalistCount: z.number().int(),
  can,
});
export const outletView = outletSummary.extend({
  address: z.string().nullable(),
  socialAccounts: z.array(z.object({ platform: z.string(), handle: z.string() })),
  reach: z.array(z.object({ metric: z.string(), value: z.number(), source: z.string(), asOf: z.string() })),
  documents: z.array(outletDocumentView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const outletList = paged(outletSummary);
export type OutletSummary = z.infer<typeof outletSummary>;
export type OutletView = z.infer<typeof outletView>;

export const duplicatePair = z.object({
  reason: z.enum(["name", "website"]),
  a: z.object({ id, name: z.string(), website: z.string().nullable(), organizationName: z.string() }),
  b: z.object({ id, name: z.string(), website: z.string().nullable(), organizationName: z.string() }),
});
export const duplicatePairList = z.object({ items: z.array(duplicatePair) });

// Journalists ------------------------------------------------------------------------------

export const membershipInput = z.strictObject({ outletId: id, role: z.enum(JOURNALIST_ROLES) });
export const consentInput = z.strictObject({
  purpose: text(500).min(3),
  basis: text(200).min(2),
  consentedAt: z.iso.datetime({ offset: true }).or(isoDate),
  source: text(200).min(2),
});

const journalistFields = {
  name: text(LIMITS.name).min(2),
  memberships: z.array(membershipInput).max(20).optional(),
  beats: z.array(text(60).min(1)).max(20).optional(),
  regionCode,
  ukwLevel: z.enum(UKW_LEVELS).nullable().optional(),
  ukwCertificateNumber: optionalText(100),
  ukwCertificateDate: isoDate.nullable().optional(),
  email: z
    .email()
    .max(LIMITS.email)
    .transform((v) => v.trim().toLowerCase())
    .nullable()
    .optional(),
  /** Normalized by the server to +62…; a precise 400 names a number it cannot read. */
  phone: text(30).nullable().optional(),
  whatsapp: text(30).nullable().optional(),
  consent: consentInput.nullable().optional(),
  notes: optionalText(5000),
};
export const createJournalistBody = z.strictObject({ ...journalistFields, organizationId: id });
export const updateJournalistBody = z.strictObject({ ...journalistFields, name: journalistFields.name.optional() });
export const addNoteBody = z.strictObject({
  text: text(5000).min(1),
  occurredOn: isoDate.optional(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.url)
    .nullable()
    .optional(),
});
export const eraseBody = z.strictObject({ reason: text(500).min(3) });

export const journalistListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: id.optional(),
  outletId: id.optional(),
  role: z.enum(JOURNALIST_ROLES).optional(),
  beat: z.string().trim().max(60).optional(),
  ukwLevel: z.enum(UKW_LEVELS).optional(),
  regionCode: z.string().max(10).optional(),
  sort: z.enum(["name", "-name", "created", "-created"]).default("name"),
});

export const membershipView = z.object({ outletId: id, outletName: z.string(), role: z.enum(JOURNALIST_ROLES) });
export const interactionView = z.object({
  id,
  kind: z.enum(INTERACTION_KINDS),
  occurredOn: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
});
export const journalistSummary = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  name: z.string(),
  memberships: z.array(membershipView),
  beats: z.array(z.string()),
  regionCode: z.string().nullable(),
  ukwLevel: z.enum(UKW_LEVELS).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  erased: z.boolean(),
  can,
});
export const journalistView = journalistSummary.extend({
  ukwCertificateNumber: z.string().nullable(),
  ukwCertificateDate: z.string().nullable(),
  whatsapp: z.string().nullable(),
  consent: z.object({ purpose: z.string(), basis: z.string(), consentedAt: z.string(), source: z.string() }).nullable(),
  notes: z.string().nullable(),
  interactions: z.array(interactionView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** `total` stops at 10,000; `totalCapped` then says there are more (the list shows "10.000+"). */
export const journalistList = paged(journalistSummary).extend({ totalCapped: z.boolean() });
export type JournalistSummary = z.infer<typeof journalistSummary>;
export type JournalistView = z.infer<typeof journalistView>;

export const personalDataExport = z.object({
  exportedAt: z.string(),
  journalist: z.record(z.string(), z.unknown()),
  memberships: z.array(membershipView),
  interactions: z.array(interactionView),
});

// Import / export --------------------------------------------------------------------------

export const journalistImportPreview = z.object({
  rows: z.array(
    z.object({
      /** The spreadsheet row number (the header is row 1). */
      row: z.number().int(),
      name: z.string(),
      outletName: z.string().nullable(),
      ok: z.boolean(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Confirms this upload at POST /journalists/import/commit; valid for 30 minutes, once. */
  token: z.string(),
  expiresAt: z.string(),
});
export type JournalistImportPreview = z.infer<typeof journalistImportPreview>;
export const journalistImportCommitBody = z.strictObject({ token: z.string().trim().min(20).max(100) });
export const journalistImportResult = z.object({ created: z.number().int() });
export const journalistImportConflict = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  preview: journalistImportPreview,
});
export const journalistExportQuery = journalistListQuery.omit({ page: true, pageSize: true });

// Settings and grading rules (per organization subtree; the nearest ancestor's apply) ------

export const gradeRule = z.strictObject({
  grade: z
    .string()
    .trim()
    .regex(/^[A-Z0-9+-]{1,5}$/),
  dewanPersStatuses: z.array(z.enum(DEWAN_PERS_STATUSES)).max(3),
  description: text(300).default(""),
});
export const mediaSettingsBody = z.strictObject({
  certificateWarningDays: z.number().int().min(1).max(3650),
  grades: z.array(gradeRule).min(1).max(10),
});
export const mediaSettingsView = z.object({
  /** The organization whose rows apply (the nearest ancestor that has settings). */
  sourceOrganizationId: id,
  certificateWarningDays: z.number().int(),
  grades: z.array(z.object({ grade: z.string(), dewanPersStatuses: z.array(z.enum(DEWAN_PERS_STATUSES)), description: z.string() })),
  can,
});
