import { z } from "zod";
import { MANUAL_ITEM_KINDS, OCR_SCAN_STATUSES, SOCIAL_SOURCE_KINDS } from "../monitoring-intake-enums";
import { id } from "./shared";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

// Manual entry with OCR --------------------------------------------------------------------

export const ocrScan = z.object({
  id: z.string(),
  organizationId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  status: z.enum(OCR_SCAN_STATUSES),
  pagesTotal: z.number().int(),
  pagesDone: z.number().int(),
  /** The OCR text (a suggestion the officer edits), when done. */
  text: z.string().nullable(),
  confidence: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  articleId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type OcrScan = z.infer<typeof ocrScan>;

export const manualEntryBody = z.strictObject({
  organizationId: id,
  kind: z.enum(MANUAL_ITEM_KINDS),
  /** A media-relations outlet record, when the outlet has one. */
  outletId: id.nullish(),
  outletName: z.string().trim().min(1).max(200),
  publishedOn: z.iso.date(),
  /** Broadcast or edition time (HH:MM, the organization's time zone). */
  publishedTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullish(),
  /** Page (print) or programme (TV, radio). */
  page: optionalText(120),
  title: z.string().trim().min(1).max(500),
  text: z.string().trim().min(1).max(200_000),
  author: optionalText(200),
  scanId: id.nullish(),
  /** A manual source to count the item under (its health and items per day). */
  sourceId: id.nullish(),
});

export const ingestSummary = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  nearDuplicates: z.number().int(),
});

export const manualEntryResult = z.object({
  articleId: z.string().nullable(),
  duplicate: z.boolean(),
  result: ingestSummary,
});

// CSV import ---------------------------------------------------------------------------------

export const csvImportPreview = z.object({
  rows: z.array(
    z.object({
      /** The line of the file the row starts on (the header is line 1). */
      row: z.number().int(),
      title: z.string(),
      url: z.string(),
      outlet: z.string().nullable(),
      publishedAt: z.string().nullable(),
      ok: z.boolean(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Header text → field, for the columns that were recognised. */
  columns: z.record(z.string(), z.string()),
  /** Header cells that match no field (ignored). */
  ignoredColumns: z.array(z.string()),
  /** Confirms this upload at POST /monitoring/csv-import/commit; valid 30 minutes, once. */
  token: z.string(),
  expiresAt: z.string(),
});
export type CsvImportPreview = z.infer<typeof csvImportPreview>;
export const csvImportCommitBody = z.strictObject({ token: z.string().trim().min(20).max(100) });
export const csvImportResult = ingestSummary.extend({
  /** Rows the pipeline refused at commit time (the preview showed them as valid). */
  rejected: z.array(z.object({ row: z.number().int(), message: z.string() })),
});

// Social sources ------------------------------------------------------------------------------

export const socialSourceBody = z.strictObject({
  organizationId: id,
  kind: z.enum(SOCIAL_SOURCE_KINDS),
  name: z.string().trim().min(1).max(200),
  /** X: search query; YouTube: channel id; Facebook: page id; Instagram: IG user id. */
  target: z.string().trim().min(1).max(512),
  accessToken: z.string().trim().min(8).max(4000),
  scheduleMinutes: z.number().int().min(5).max(1440).default(30),
  outletId: id.nullish(),
});
export const socialSourceUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  target: z.string().trim().min(1).max(512).optional(),
  /** A new token; omitted = keep the stored one (it is never sent back). */
  accessToken: z.string().trim().min(8).max(4000).optional(),
  scheduleMinutes: z.number().int().min(5).max(1440).optional(),
  enabled: z.boolean().optional(),
});
export const socialSource = z.object({
  id: z.string(),
  organizationId: z.string(),
  kind: z.enum(SOCIAL_SOURCE_KINDS),
  name: z.string(),
  target: z.string(),
  enabled: z.boolean(),
  scheduleMinutes: z.number().int(),
  /** The token is stored sealed; only whether there is one is shown. */
  tokenSet: z.boolean(),
  backoffUntil: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  itemsTotal: z.number().int(),
  /** The owning organization's zone (WIB, WITA, WIT), for showing times. */
  timeZone: z.string(),
  can: z.record(z.string(), z.boolean()),
});
export const socialFetchResult = z.object({
  fetched: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  backoffUntil: z.string().nullable(),
  error: z.string().nullable(),
});
