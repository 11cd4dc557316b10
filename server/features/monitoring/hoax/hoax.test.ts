import { describe, expect, it } from "vitest";
import { HOAX_FEATURES, HOAX_PARAMS, hoaxLikeness } from "./hoax-model";
import { crossValidateHoax, readHoaxCsv } from "./train-hoax";

const HOAX_STYLE =
  "VIRAL!!! SEBARKAN SEGERA! Air rebusan daun sirsak dicampur garam terbukti menyembuhkan kanker dalam 3 hari, " +
  "tapi dokter dan pemerintah menyembunyikan rahasia ini dari rakyat. Jangan percaya media, bagikan ke semua grup sebelum dihapus!";
const OFFICIAL =
  "Dinas Kesehatan Provinsi Bali menyampaikan bahwa vaksinasi campak tahap kedua dilaksanakan pada 10 sampai 20 Maret 2025 " +
  "di seluruh puskesmas. Kepala Dinas Kesehatan menjelaskan bahwa jadwal dan lokasi pelayanan dapat dilihat di laman resmi pemerintah provinsi.";

describe("hoax-likeness", () => {
  it("reads the dataset copy in the repository", () => {
    const examples = readHoaxCsv();
    expect(examples).toHaveLength(480);
    expect(examples.filter((e) => e.label === "hoax")).toHaveLength(182);
  });

  it("cross-validates to a figure between 0 and 1 (a small, quick run)", () => {
    const all = readHoaxCsv();
    // A small run (word features only, 90 articles) keeps the test quick; the CLI runs the full one.
    const subset = [...all.filter((e) => e.label === "hoax").slice(0, 36), ...all.filter((e) => e.label === "valid").slice(0, 54)];
    const cv = crossValidateHoax(subset, 3, { ...HOAX_PARAMS, features: { ...HOAX_FEATURES, charMax: 0 }, maxIterations: 20 });
    expect(cv.folds).toBe(3);
    expect(cv.perFold).toHaveLength(3);
    expect(cv.accuracy).toBeGreaterThan(0);
    expect(cv.accuracy).toBeLessThanOrEqual(1);
    expect(cv.f1).toBeGreaterThanOrEqual(0);
  });

  it("scores a hoax-style message above a sober official statement", () => {
    const hoax = hoaxLikeness(HOAX_STYLE);
    const official = hoaxLikeness(OFFICIAL);
    expect(hoax).toBeGreaterThan(0);
    expect(official).toBeLessThan(1);
    expect(hoax).toBeGreaterThan(official);
  });
});
