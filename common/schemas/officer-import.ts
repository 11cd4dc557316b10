import { z } from "zod";
import { officerListQuery } from "./officers";

/**
 * The officer spreadsheet (XLSX sheet "Pranata Humas" or CSV), one officer a row. Import and
 * export share it, so an export re-imports. `key` names the field in per-row errors.
 */
export const OFFICER_SHEET_COLUMNS = [
  { key: "nip", header: "NIP", required: true },
  { key: "name", header: "Nama", required: true },
  /** The organization's `slug` (unique, shown on the organization's page and in the template). */
  { key: "organization", header: "Kode organisasi", required: true },
  { key: "jenjang", header: "Jenjang", required: true },
  { key: "golongan", header: "Golongan", required: true },
  { key: "tmtJabatan", header: "TMT Jabatan", required: true },
  { key: "tmtPangkat", header: "TMT Pangkat", required: true },
  { key: "supervisorNip", header: "NIP Atasan", required: false },
  { key: "userEmail", header: "Email akun", required: false },
  { key: "education", header: "Pendidikan", required: false },
  { key: "email", header: "Email", required: false },
  { key: "phone", header: "Telepon", required: false },
  { key: "akAwal", header: "AK awal", required: false },
] as const;
export type OfficerSheetKey = (typeof OFFICER_SHEET_COLUMNS)[number]["key"];
export const OFFICER_SHEET_NAME = "Pranata Humas";
export const OFFICER_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const OFFICER_IMPORT_MAX_ROWS = 5000;

export const importRowView = z.object({
  /** The spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  nip: z.string(),
  name: z.string(),
  organizationName: z.string().nullable(),
  ok: z.boolean(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const officerImportPreview = z.object({
  rows: z.array(importRowView),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Confirms this upload at POST /officers/import/commit; valid for 30 minutes, once. */
  token: z.string(),
  expiresAt: z.string(),
});
export type OfficerImportPreview = z.infer<typeof officerImportPreview>;

export const officerImportCommitBody = z.strictObject({ token: z.string().trim().min(20).max(100) });
export const officerImportResult = z.object({ created: z.number().int() });
/** A 409 from commit: the error and the fresh preview (same token) to confirm again. */
export const officerImportConflict = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  preview: officerImportPreview,
});

export const officerExportQuery = officerListQuery.omit({ page: true, pageSize: true });
