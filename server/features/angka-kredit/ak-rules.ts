/**
 * Angka kredit (AK) reference data for Jabatan Fungsional Pranata Humas, per PermenPANRB 1/2023
 * and Peraturan BKN 3/2023 (DOMAIN.md §2).
 *
 * The structural facts (jenjang, kategori, golongan ranges) are constants. The numbers that
 * regulations change (predikat percentages, koefisien, AK thresholds) are effective-dated rules:
 * the defaults below are only seed data; the application stores them as admin-editable rows and
 * passes them to the calculator, so a correction takes effect from its date without rewriting
 * the AK of earlier periods.
 */

import {
  GOLONGAN,
  type Golongan,
  JENJANG as JENJANG_CODES,
  JENJANG_INFO,
  type Jenjang as JenjangCode,
  type Kategori,
  PREDIKAT as PREDIKAT_CODES,
  PREDIKAT_NAME as PREDIKAT_LABEL,
  type Predikat,
} from "../../../common/pranata-humas";

export type { Golongan, JenjangCode, Kategori, Predikat };
// The structural facts live in common/ (shared with the staff app); re-exported for the calculator.
export { GOLONGAN, JENJANG_CODES, PREDIKAT_CODES, PREDIKAT_LABEL };

export interface JenjangInfo {
  code: JenjangCode;
  kategori: Kategori;
  name: string;
  golonganMin: Golongan;
  golonganMax: Golongan;
  /** The next jenjang in the same kategori; null at the top (moving kategori is a perpindahan, not a kenaikan). */
  next: JenjangCode | null;
}

export const JENJANG: readonly JenjangInfo[] = JENJANG_CODES.map((code) => {
  const info = JENJANG_INFO[code];
  return { code, kategori: info.kategori, name: info.name, golonganMin: info.golongan[0], golonganMax: info.golongan[1], next: info.next };
});

export const isJenjang = (value: string): value is JenjangCode => (JENJANG_CODES as readonly string[]).includes(value);
export const isGolongan = (value: string): value is Golongan => (GOLONGAN as readonly string[]).includes(value);

/** Looks up a jenjang; unknown codes (e.g. a bad database row) are a RangeError, not a silent undefined. */
export function jenjangInfo(code: string): JenjangInfo {
  const info = JENJANG.find((j) => j.code === code);
  if (!info) throw new RangeError(`Jenjang tidak dikenal: "${code}"`);
  return info;
}

export function golonganRank(golongan: string): number {
  const rank = (GOLONGAN as readonly string[]).indexOf(golongan);
  if (rank < 0) throw new RangeError(`Golongan tidak dikenal: "${golongan}" (contoh: "III/a")`);
  return rank;
}

/** The golongan one step up, or null above IV/e. */
export function nextGolongan(golongan: Golongan): Golongan | null {
  return GOLONGAN[golonganRank(golongan) + 1] ?? null;
}

export function isGolonganInJenjang(golongan: Golongan, jenjang: JenjangCode): boolean {
  const info = jenjangInfo(jenjang);
  const rank = golonganRank(golongan);
  return rank >= golonganRank(info.golonganMin) && rank <= golonganRank(info.golonganMax);
}

export const isPredikat = (value: string): value is Predikat => (PREDIKAT_CODES as readonly string[]).includes(value);

/** Kenaikan pangkat and jenjang both require a predikat of at least Baik. */
export const isAtLeastBaik = (predikat: Predikat): boolean => predikat === "sangat_baik" || predikat === "baik";

/** Conversion percentage of a predikat kinerja, in force from `effectiveFrom` (YYYY-MM-DD). */
export interface PredikatRule {
  predikat: Predikat;
  percent: number;
  effectiveFrom: string;
}

/** Per-jenjang AK numbers, in force from `effectiveFrom` (YYYY-MM-DD). */
export interface JenjangRule {
  jenjang: JenjangCode;
  /** AK per year at predikat Baik (100%). */
  koefisien: number;
  /** AK per golongan step inside the jenjang (see akSummary for how steps accumulate). */
  akNextPangkat: number;
  /** Cumulative AK in the jenjang needed to move up; null at the top of a kategori. */
  akNextJenjang: number | null;
  effectiveFrom: string;
}

/** The regime starts with PermenPANRB 1/2023; ratings before it were scored per activity. */
export const AK_REGIME_START = "2023-01-01";

export const DEFAULT_PREDIKAT_RULES: readonly PredikatRule[] = [
  { predikat: "sangat_baik", percent: 150, effectiveFrom: AK_REGIME_START },
  { predikat: "baik", percent: 100, effectiveFrom: AK_REGIME_START },
  { predikat: "butuh_perbaikan", percent: 75, effectiveFrom: AK_REGIME_START },
  { predikat: "kurang", percent: 50, effectiveFrom: AK_REGIME_START },
  { predikat: "sangat_kurang", percent: 25, effectiveFrom: AK_REGIME_START },
];

// Values marked "verify" in DOMAIN.md are flagged below; they are seed data an admin can correct
// with a new effective-dated row once confirmed against the regulation's lampiran.
export const DEFAULT_JENJANG_RULES: readonly JenjangRule[] = [
  // verify: koefisien 5; AK for next jenjang 60 (one source says 40).
  { jenjang: "terampil", koefisien: 5, akNextPangkat: 20, akNextJenjang: 60, effectiveFrom: AK_REGIME_START },
  // verify: koefisien 12.5.
  { jenjang: "mahir", koefisien: 12.5, akNextPangkat: 50, akNextJenjang: 100, effectiveFrom: AK_REGIME_START },
  // verify: koefisien 25. Top of keterampilan: no kenaikan jenjang.
  { jenjang: "penyelia", koefisien: 25, akNextPangkat: 100, akNextJenjang: null, effectiveFrom: AK_REGIME_START },
  // Confirmed by the BKN worked examples (150% × 12.5 = 18.75).
  { jenjang: "ahli_pertama", koefisien: 12.5, akNextPangkat: 50, akNextJenjang: 100, effectiveFrom: AK_REGIME_START },
  // verify: koefisien 25.
  { jenjang: "ahli_muda", koefisien: 25, akNextPangkat: 100, akNextJenjang: 200, effectiveFrom: AK_REGIME_START },
  // verify: koefisien 37.5.
  { jenjang: "ahli_madya", koefisien: 37.5, akNextPangkat: 150, akNextJenjang: 450, effectiveFrom: AK_REGIME_START },
  // verify: koefisien 50, and that the jenjang exists. Top of keahlian: no kenaikan jenjang.
  { jenjang: "ahli_utama", koefisien: 50, akNextPangkat: 200, akNextJenjang: null, effectiveFrom: AK_REGIME_START },
];
