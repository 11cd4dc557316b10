import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The five seed articles (fixtures/SOURCE.md) with the titles and dates the news web gives them. */
export interface SeedArticle {
  slug: string;
  file: string;
  title: string;
  author: string;
  publishedAt: string;
  /** Paragraphs of the body, the title line removed. */
  paragraphs: string[];
}

const META: Omit<SeedArticle, "paragraphs">[] = [
  {
    slug: "ngobrol-santai-forum-kehumasan-bali",
    file: "000_a03689db3a7ac953.txt",
    title: "Diskominfos Bali Gelar Ngobrol Santai Forum Kehumasan",
    author: "Made Sudarsana",
    publishedAt: "2024-06-13T02:30:00.000Z",
  },
  {
    slug: "humas-diskominfo-selayar-workshop-konten-kreatif",
    file: "001_592206d4945a4242.txt",
    title: "Humas Diskominfo Selayar Optimalkan Peran melalui Workshop Strategi Pengelolaan Konten Kreatif",
    author: "Andi Rahman",
    publishedAt: "2024-07-02T04:15:00.000Z",
  },
  {
    slug: "kominfo-gelar-bimtek-pengelolaan-relasi-media",
    file: "002_21479586ab4588ae.txt",
    title: "Tingkatkan Kualitas Pelayanan Informasi Publik, Kominfo Gelar Bimtek Pengelolaan Relasi Media",
    author: "Alamin",
    publishedAt: "2024-09-22T06:32:00.000Z",
  },
  {
    slug: "bakohumas-padang-materi-publikasi-opd",
    file: "003_35ce59bf4e89544d.txt",
    title: "Bakohumas Padang Suguhkan Materi Publikasi Bagi OPD",
    author: "Redaksi VALORAnews",
    publishedAt: "2024-05-20T03:00:00.000Z",
  },
  {
    slug: "rakor-pranata-humas-kaltim-2024",
    file: "004_8871b75b943614d2.txt",
    title: "Diskominfo Kaltim Gelar Rapat Kerja Pranata Humas se-Kalimantan Timur 2024",
    author: "Tim NusaUtaraTV",
    publishedAt: "2024-06-11T05:45:00.000Z",
  },
];

export function loadSeedArticles(): SeedArticle[] {
  return META.map((m) => {
    const raw = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", m.file), "utf8");
    const paragraphs = raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && l !== m.title);
    return { ...m, paragraphs };
  });
}
