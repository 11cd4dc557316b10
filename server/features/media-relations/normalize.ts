/**
 * Normalizers for duplicate detection and contact data. Pure functions, tested directly.
 */

// Legal-form words say nothing about which outlet it is ("PT Kaltim Pos" = "Kaltim Pos").
const NOISE = new Set(["pt", "cv", "tbk", "persero", "media", "com", "co", "id", "net", "www"]);

/** "PT. Kaltim Pós  (Online)" → "kaltim pos online": accents, punctuation and legal forms dropped. */
export function outletNameKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !NOISE.has(w));
  return words.join(" ") || name.trim().toLowerCase();
}

/** "https://WWW.Kaltimpos.co.id/berita" → "kaltimpos.co.id"; null when there is no website. */
export function websiteDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * Indonesian phone numbers in the +62 / 62 / 08 forms, with spaces, dots, dashes or brackets,
 * normalized to E.164 "+62…". Returns null when the number cannot be an Indonesian one.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, "");
  const m = /^(?:\+62|62|0)([1-9]\d{7,11})$/.exec(compact);
  return m ? `+62${m[1]}` : null;
}
