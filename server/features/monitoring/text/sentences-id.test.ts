import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences-id";

describe("splitSentences", () => {
  it("keeps titles, abbreviations, initials and thousands separators inside a sentence", () => {
    const text =
      "Bupati Dr. H. Made Sutama, S.H., M.Si. meresmikan Jl. A. Yani No. 5 hari ini. Anggarannya Rp 1.000.000 atau Rp. 1.500 per warga! Apakah warga puas?";
    expect(splitSentences(text)).toEqual([
      "Bupati Dr. H. Made Sutama, S.H., M.Si. meresmikan Jl. A. Yani No. 5 hari ini.",
      "Anggarannya Rp 1.000.000 atau Rp. 1.500 per warga!",
      "Apakah warga puas?",
    ]);
  });

  it("splits at line breaks and after times such as 10.00 WIB", () => {
    expect(splitSentences("Acara dimulai pukul 10.00 WIB. Semua hadir.\nParagraf kedua tanpa titik")).toEqual([
      "Acara dimulai pukul 10.00 WIB.",
      "Semua hadir.",
      "Paragraf kedua tanpa titik",
    ]);
  });

  it("splits tokenised lower-case text at a detached full stop", () => {
    expect(splitSentences("tempatnya nyaman . makanannya enak")).toEqual(["tempatnya nyaman .", "makanannya enak"]);
  });
});
