/** Media relations value lists, zod-free so the staff app's router can use them without zod. */
export const OUTLET_TYPES = ["cetak", "siber", "tv", "radio"] as const;
export const DEWAN_PERS_STATUSES = ["tidak_terdaftar", "terverifikasi_administratif", "terverifikasi_faktual"] as const;
export const OUTLET_DOCUMENT_KINDS = ["akta", "sk_kemenkumham", "npwp", "kbli", "boks_redaksi", "pedoman_media_siber", "other"] as const;
export const JOURNALIST_ROLES = ["pemimpin_redaksi", "redaktur", "reporter", "kontributor"] as const;
export const UKW_LEVELS = ["muda", "madya", "utama"] as const;
export const INTERACTION_KINDS = ["note", "release", "event", "coverage"] as const;

/**
 * The journalist spreadsheet (XLSX sheet "Wartawan" or CSV). Import and export share it, so an
 * export re-imports. `key` names the field in per-row errors.
 */
export const JOURNALIST_SHEET_COLUMNS = [
  { key: "name", header: "Nama", required: true },
  { key: "outlet", header: "Media", required: false },
  { key: "role", header: "Jabatan", required: false },
  { key: "beats", header: "Liputan", required: false },
  { key: "regionCode", header: "Kode wilayah", required: false },
  { key: "ukwLevel", header: "Jenjang UKW", required: false },
  { key: "ukwCertificateNumber", header: "Nomor sertifikat UKW", required: false },
  { key: "ukwCertificateDate", header: "Tanggal sertifikat UKW", required: false },
  { key: "email", header: "Email", required: false },
  { key: "phone", header: "Telepon", required: false },
  { key: "whatsapp", header: "WhatsApp", required: false },
  { key: "consentPurpose", header: "Tujuan persetujuan", required: false },
  { key: "consentBasis", header: "Dasar persetujuan", required: false },
  { key: "consentedAt", header: "Tanggal persetujuan", required: false },
  { key: "consentSource", header: "Sumber persetujuan", required: false },
  { key: "notes", header: "Catatan", required: false },
] as const;
export type JournalistSheetKey = (typeof JOURNALIST_SHEET_COLUMNS)[number]["key"];
export const JOURNALIST_SHEET_NAME = "Wartawan";
export const JOURNALIST_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const JOURNALIST_IMPORT_MAX_ROWS = 5000;
