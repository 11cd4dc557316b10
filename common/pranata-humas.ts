/**
 * The Pranata Humas functional position (DOMAIN.md §2): categories, levels (jenjang), ranks
 * (golongan ruang) and performance ratings. Codes are stable; names are Indonesian labels.
 */
export const KATEGORI = ["keterampilan", "keahlian"] as const;
export type Kategori = (typeof KATEGORI)[number];

export const JENJANG = ["terampil", "mahir", "penyelia", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama"] as const;
export type Jenjang = (typeof JENJANG)[number];

export const GOLONGAN = [
  "II/a",
  "II/b",
  "II/c",
  "II/d",
  "III/a",
  "III/b",
  "III/c",
  "III/d",
  "IV/a",
  "IV/b",
  "IV/c",
  "IV/d",
  "IV/e",
] as const;
export type Golongan = (typeof GOLONGAN)[number];

export interface JenjangInfo {
  code: Jenjang;
  kategori: Kategori;
  name: string;
  /** Lowest and highest golongan ruang of the jenjang. */
  golongan: [Golongan, Golongan];
  next: Jenjang | null;
}

export const JENJANG_INFO: Record<Jenjang, JenjangInfo> = {
  terampil: { code: "terampil", kategori: "keterampilan", name: "Terampil", golongan: ["II/c", "II/d"], next: "mahir" },
  mahir: { code: "mahir", kategori: "keterampilan", name: "Mahir", golongan: ["III/a", "III/b"], next: "penyelia" },
  penyelia: { code: "penyelia", kategori: "keterampilan", name: "Penyelia", golongan: ["III/c", "III/d"], next: null },
  ahli_pertama: { code: "ahli_pertama", kategori: "keahlian", name: "Ahli Pertama", golongan: ["III/a", "III/b"], next: "ahli_muda" },
  ahli_muda: { code: "ahli_muda", kategori: "keahlian", name: "Ahli Muda", golongan: ["III/c", "III/d"], next: "ahli_madya" },
  ahli_madya: { code: "ahli_madya", kategori: "keahlian", name: "Ahli Madya", golongan: ["IV/a", "IV/c"], next: "ahli_utama" },
  // DOMAIN.md: verify that Ahli Utama exists for Pranata Humas.
  ahli_utama: { code: "ahli_utama", kategori: "keahlian", name: "Ahli Utama", golongan: ["IV/d", "IV/e"], next: null },
};

/** Whether a golongan lies within a jenjang's range. */
export function golonganFits(jenjang: Jenjang, golongan: Golongan): boolean {
  const [lo, hi] = JENJANG_INFO[jenjang].golongan;
  const i = GOLONGAN.indexOf(golongan);
  return i >= GOLONGAN.indexOf(lo) && i <= GOLONGAN.indexOf(hi);
}

export const PREDIKAT = ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"] as const;
export type Predikat = (typeof PREDIKAT)[number];
export const PREDIKAT_NAME: Record<Predikat, string> = {
  sangat_baik: "Sangat Baik",
  baik: "Baik",
  butuh_perbaikan: "Butuh Perbaikan",
  kurang: "Kurang",
  sangat_kurang: "Sangat Kurang",
};

export const SEX = ["L", "P"] as const;
