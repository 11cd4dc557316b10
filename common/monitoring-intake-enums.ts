/** Value lists of manual entry, CSV import and social sources; zod-free for the staff app's router. */
export const MANUAL_ITEM_KINDS = ["print", "tv", "radio"] as const;
export type ManualItemKind = (typeof MANUAL_ITEM_KINDS)[number];

export const SOCIAL_SOURCE_KINDS = ["x", "youtube", "facebook", "instagram"] as const;
export type SocialSourceKind = (typeof SOCIAL_SOURCE_KINDS)[number];

/** The setting each social kind needs besides the token (the UI labels it). */
export const SOCIAL_CONFIG_FIELD: Record<SocialSourceKind, "query" | "channelId" | "pageId" | "igUserId"> = {
  x: "query",
  youtube: "channelId",
  facebook: "pageId",
  instagram: "igUserId",
};

export const OCR_SCAN_STATUSES = ["queued", "running", "done", "failed"] as const;
export type OcrScanStatus = (typeof OCR_SCAN_STATUSES)[number];
/** Accepted scan uploads (checked by content on the server). */
export const OCR_SCAN_ACCEPT = "image/jpeg,image/png,image/tiff,application/pdf";

/**
 * Columns of a monitoring CSV (Meltwater/Talkwalker-like exports). Headers are matched
 * case-insensitively against the aliases; `key` names the field in per-row errors.
 */
export const MONITORING_CSV_COLUMNS = [
  { key: "url", required: true, aliases: ["url", "link", "tautan", "permalink", "article url", "source url", "url artikel", "alamat"] },
  { key: "title", required: false, aliases: ["title", "headline", "judul", "article title", "judul berita"] },
  {
    key: "date",
    required: false,
    aliases: [
      "date",
      "tanggal",
      "published",
      "published date",
      "publish date",
      "date published",
      "published at",
      "tanggal terbit",
      "time",
      "waktu",
    ],
  },
  {
    key: "outlet",
    required: false,
    aliases: ["outlet", "source", "source name", "media", "publication", "nama media", "sumber", "media name"],
  },
  {
    key: "text",
    required: false,
    aliases: ["text", "content", "body", "hit sentence", "opening text", "snippet", "isi", "isi berita", "summary", "excerpt", "teks"],
  },
  { key: "author", required: false, aliases: ["author", "byline", "penulis", "wartawan", "author name", "reporter"] },
  { key: "kind", required: false, aliases: ["media type", "type", "jenis", "jenis media", "source type", "kind"] },
] as const;
export type MonitoringCsvKey = (typeof MONITORING_CSV_COLUMNS)[number]["key"];
export const MONITORING_CSV_MAX_BYTES = 10 * 1024 * 1024;
export const MONITORING_CSV_MAX_ROWS = 5000;
