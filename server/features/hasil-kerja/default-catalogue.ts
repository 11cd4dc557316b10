/**
 * The seeded hasil kerja catalogue (DOMAIN.md §2). Only the three keahlian items are confirmed
 * from Permenkomdigi 9/2025; the rest follow the duties of PermenPANRB 6/2014 as a skeleton.
 * Admins edit, add and deactivate items in the app; seeding never overwrites their edits.
 */
export interface CatalogueItem {
  code: string;
  kategori: "keahlian" | "keterampilan" | "semua";
  jenjang: string[];
  name: string;
  definition: string;
  examples: string;
  evidence: string;
}

const BUKTI = "Bukti fisik: dokumen, foto kegiatan, tautan publikasi, dan/atau daftar hadir.";

export const DEFAULT_CATALOGUE: CatalogueItem[] = [
  {
    code: "KH-01",
    kategori: "keahlian",
    jenjang: [],
    name: "Dokumen pelaksanaan kegiatan kehumasan",
    definition: "Dokumen hasil pelaksanaan kegiatan kehumasan instansi (Permenkomdigi 9/2025).",
    examples:
      "Sosialisasi, seminar, HUT instansi, webinar, pameran/expo, open house, kunjungan eksternal, konferensi pers, pertemuan bilateral, media gathering.",
    evidence: `Laporan kegiatan, foto, daftar hadir, rilis/tautan pemberitaan. ${BUKTI}`,
  },
  {
    code: "KH-02",
    kategori: "keahlian",
    jenjang: [],
    name: "Dokumen kegiatan kehumasan internasional",
    definition: "Dukungan kehumasan pada kegiatan berskala internasional (Permenkomdigi 9/2025).",
    examples: "World Water Forum, Asian Games, MotoGP Mandalika, G20.",
    evidence: `Laporan dukungan kehumasan, materi publikasi, foto, tautan liputan. ${BUKTI}`,
  },
  {
    code: "KH-03",
    kategori: "keahlian",
    jenjang: [],
    name: "Produksi konten media online",
    definition: "Konten yang diproduksi dan didistribusikan melalui kanal daring (Permenkomdigi 9/2025).",
    examples: "Berita situs resmi, unggahan media sosial, infografis, videografis.",
    evidence: `Tautan konten yang tayang dan tangkapan layar. ${BUKTI}`,
  },
  {
    code: "PR-01",
    kategori: "semua",
    jenjang: [],
    name: "Analisis data media dan opini publik",
    definition: "Perencanaan: analisis pemberitaan dan data publik sebagai dasar strategi komunikasi (PermenPANRB 6/2014).",
    examples: "Analisis isu mingguan, laporan monitoring media.",
    evidence: `Dokumen analisis. ${BUKTI}`,
  },
  {
    code: "PR-02",
    kategori: "semua",
    jenjang: [],
    name: "Rencana konferensi pers",
    definition: "Perencanaan konferensi pers: tujuan, pesan kunci, narasumber, undangan media.",
    examples: "Rencana konferensi pers peluncuran program daerah.",
    evidence: `Dokumen rencana, undangan media. ${BUKTI}`,
  },
  {
    code: "PI-01",
    kategori: "semua",
    jenjang: [],
    name: "Pengumpulan dan pengolahan isu publik",
    definition: "Pelayanan informasi: mengumpulkan dan mengolah isu yang berkembang di masyarakat.",
    examples: "Rekap aduan dan isu harian, kliping.",
    evidence: `Rekap isu, kliping. ${BUKTI}`,
  },
  {
    code: "PI-02",
    kategori: "semua",
    jenjang: [],
    name: "Penulisan berita (cetak, siaran, daring)",
    definition: "Pelayanan informasi: menulis berita untuk media cetak, siaran, atau daring.",
    examples: "Siaran pers, berita situs resmi, naskah berita radio.",
    evidence: `Naskah dan tautan/kliping terbit. ${BUKTI}`,
  },
  {
    code: "PI-03",
    kategori: "semua",
    jenjang: [],
    name: "Naskah pidato dan sambutan pimpinan",
    definition: "Pelayanan informasi: menyusun naskah pidato atau sambutan pimpinan.",
    examples: "Sambutan gubernur pada HUT provinsi.",
    evidence: `Naskah pidato. ${BUKTI}`,
  },
  {
    code: "PI-04",
    kategori: "semua",
    jenjang: [],
    name: "Profil dan publikasi instansi",
    definition: "Pelayanan informasi: menyusun profil instansi dan bahan publikasi (buku, leaflet, majalah).",
    examples: "Profil OPD, buletin bulanan.",
    evidence: `Dokumen publikasi. ${BUKTI}`,
  },
  {
    code: "HE-01",
    kategori: "semua",
    jenjang: [],
    name: "Hubungan eksternal dan internal",
    definition: "Membina hubungan dengan media, mitra, dan internal instansi.",
    examples: "Media visit, forum Bakohumas, koordinasi humas OPD.",
    evidence: `Laporan kegiatan, notula. ${BUKTI}`,
  },
  {
    code: "AU-01",
    kategori: "keahlian",
    jenjang: ["ahli_muda", "ahli_madya", "ahli_utama"],
    name: "Audit komunikasi kehumasan",
    definition: "Menilai efektivitas komunikasi instansi dan merekomendasikan perbaikan.",
    examples: "Audit kanal media sosial instansi.",
    evidence: `Laporan audit. ${BUKTI}`,
  },
  {
    code: "PG-01",
    kategori: "keahlian",
    jenjang: ["ahli_madya", "ahli_utama"],
    name: "Pengembangan pelayanan informasi dan kehumasan",
    definition: "Merancang pengembangan layanan informasi dan kehumasan instansi.",
    examples: "Kajian standar layanan PPID, pedoman media sosial instansi.",
    evidence: `Dokumen kajian/pedoman. ${BUKTI}`,
  },
];
