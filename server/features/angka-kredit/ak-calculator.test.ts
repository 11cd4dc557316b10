import { describe, expect, it } from "vitest";
import {
  type AkSummaryInput,
  akForPeriod,
  akSummary,
  DEFAULT_JENJANG_RULES,
  DEFAULT_PREDIKAT_RULES,
  isGolonganInJenjang,
  type JenjangRule,
  nextGolongan,
  type PredikatRule,
  type RatingPeriod,
  roundAk,
  ruleAt,
} from "./ak-calculator";

const J = DEFAULT_JENJANG_RULES;
const P = DEFAULT_PREDIKAT_RULES;
const ak = (period: RatingPeriod, jenjangRules: readonly JenjangRule[] = J, predikatRules: readonly PredikatRule[] = P) =>
  akForPeriod(period, jenjangRules, predikatRules);
const summary = (input: AkSummaryInput) => akSummary(input, J, P);
const condition = (conditions: { code: string; met: boolean | null }[], code: string) => conditions.find((c) => c.code === code);

describe("reference data", () => {
  it("orders golongan and knows each jenjang's range", () => {
    expect(nextGolongan("II/d")).toBe("III/a");
    expect(nextGolongan("IV/e")).toBeNull();
    expect(isGolonganInJenjang("III/b", "ahli_pertama")).toBe(true);
    expect(isGolonganInJenjang("III/c", "ahli_pertama")).toBe(false);
    expect(isGolonganInJenjang("IV/c", "ahli_madya")).toBe(true);
  });
});

describe("akForPeriod", () => {
  it("matches the BKN worked examples", () => {
    const full = ak({ jenjang: "ahli_pertama", predikat: "sangat_baik", startMonth: "2024-01", endMonth: "2024-12" });
    expect(full.months).toBe(12);
    expect(full.ak).toBe(18.75);
    expect(full.breakdown).toEqual([{ fromMonth: "2024-01", toMonth: "2024-12", months: 12, koefisien: 12.5, percent: 150, ak: 18.75 }]);

    const twoMonths = ak({ jenjang: "ahli_pertama", predikat: "baik", startMonth: "2024-11", endMonth: "2024-12" });
    expect(twoMonths.months).toBe(2);
    expect(twoMonths.ak).toBeCloseTo(2.083333, 6);
    expect(roundAk(twoMonths.ak)).toBe(2.08);
  });

  it("converts a partial year at Butuh Perbaikan (3/12 × 75% × 12.5)", () => {
    const result = ak({ jenjang: "ahli_pertama", predikat: "butuh_perbaikan", startMonth: "2024-04", endMonth: "2024-06" });
    expect(result.months).toBe(3);
    expect(result.ak).toBe(2.34375);
    expect(roundAk(result.ak)).toBe(2.34);
  });

  it("applies a rule change from its date only, splitting the period by month", () => {
    const changed: JenjangRule[] = [
      ...J,
      { jenjang: "ahli_pertama", koefisien: 15, akNextPangkat: 50, akNextJenjang: 100, effectiveFrom: "2024-07-01" },
    ];
    expect(ruleAt(changed, "ahli_pertama", "2024-06-30")?.koefisien).toBe(12.5);
    expect(ruleAt(changed, "ahli_pertama", "2024-07-01")?.koefisien).toBe(15);
    expect(ruleAt(changed, "ahli_pertama", "2022-12-31")).toBeUndefined();

    const year = ak({ jenjang: "ahli_pertama", predikat: "baik", startMonth: "2024-01", endMonth: "2024-12" }, changed);
    expect(year.breakdown.map((s) => [s.fromMonth, s.toMonth, s.koefisien, s.ak])).toEqual([
      ["2024-01", "2024-06", 12.5, 6.25],
      ["2024-07", "2024-12", 15, 7.5],
    ]);
    expect(year.ak).toBe(13.75);
    // History is not rewritten: 2023 still uses the old koefisien.
    expect(ak({ jenjang: "ahli_pertama", predikat: "baik", startMonth: "2023-01", endMonth: "2023-12" }, changed).ak).toBe(12.5);
  });

  it("applies a predikat percentage change from its date", () => {
    const changed: PredikatRule[] = [...P, { predikat: "sangat_baik", percent: 120, effectiveFrom: "2024-10-01" }];
    const result = ak({ jenjang: "ahli_pertama", predikat: "sangat_baik", startMonth: "2024-07", endMonth: "2024-12" }, J, changed);
    // 3/12 × 150% × 12.5 + 3/12 × 120% × 12.5
    expect(result.ak).toBe(4.6875 + 3.75);
    expect(result.breakdown.map((s) => s.percent)).toEqual([150, 120]);
  });

  it("rejects invalid periods with clear RangeErrors", () => {
    const base: RatingPeriod = { jenjang: "ahli_pertama", predikat: "baik", startMonth: "2024-05", endMonth: "2024-06" };
    expect(() => ak({ ...base, endMonth: "2024-04" })).toThrow(/sebelum bulan awal/);
    expect(() => ak({ ...base, endMonth: "2025-01" })).toThrow(/satu tahun kalender/);
    expect(() => ak({ ...base, startMonth: "2024-13" })).toThrow(RangeError);
    expect(() => ak({ ...base, startMonth: "2024-5" })).toThrow(/YYYY-MM/);
    expect(() => ak({ ...base, jenjang: "ahli_super" as never })).toThrow(/Jenjang tidak dikenal/);
    expect(() => ak({ ...base, predikat: "luar_biasa" as never })).toThrow(/Predikat tidak dikenal/);
    // No rule in force before the 2023 regime.
    expect(() => ak({ ...base, startMonth: "2022-01", endMonth: "2022-12" })).toThrow(/Tidak ada aturan koefisien/);
    expect(() => ruleAt(J, "ahli_pertama", "2024-02-30")).toThrow(/tanggal valid/);
  });
});

describe("roundAk", () => {
  it("rounds half-up to 2 decimals despite binary noise", () => {
    expect(roundAk(18.75)).toBe(18.75);
    expect(roundAk((2 / 12) * 12.5)).toBe(2.08);
    expect(roundAk(1.005)).toBe(1.01);
    expect(roundAk(0.125)).toBe(0.13);
    expect(roundAk(0)).toBe(0);
    expect(() => roundAk(Number.NaN)).toThrow(RangeError);
  });
});

describe("akSummary", () => {
  const pertama = { jenjang: "ahli_pertama" as const, golongan: "III/a" as const, tmtJenjang: "2021-04-01", akAwal: 20 };
  const goodYears: RatingPeriod[] = [
    { jenjang: "ahli_pertama", predikat: "sangat_baik", startMonth: "2023-01", endMonth: "2023-12" },
    { jenjang: "ahli_pertama", predikat: "sangat_baik", startMonth: "2024-01", endMonth: "2024-12" },
  ];

  it("is eligible for kenaikan pangkat with enough AK and two good years", () => {
    const s = summary({ officer: pertama, ratings: goodYears, asOf: "2025-03-01" });
    expect(s.cumulative).toBe(57.5);
    expect(s.nextPangkat).toMatchObject({ golongan: "III/b", threshold: 50, remaining: 0, eligibleByAk: true });
    expect(s.eligible.pangkat).toBe(true);
    expect(s.nextPangkat.conditions.every((c) => c.met === true)).toBe(true);
    // Not yet for the jenjang: 42.5 short; formasi and uji kompetensi are unknown, not failed.
    expect(s.nextJenjang).toMatchObject({ jenjang: "ahli_muda", threshold: 100, remaining: 42.5, eligibleByAk: false });
    expect(condition(s.nextJenjang.conditions, "formasi_tersedia")?.met).toBeNull();
    expect(condition(s.nextJenjang.conditions, "uji_kompetensi")?.met).toBeNull();
    expect(s.eligible.jenjang).toBe(false);
  });

  it("is blocked by a Kurang predikat in one of the last two years", () => {
    const ratings: RatingPeriod[] = [
      goodYears[0],
      { jenjang: "ahli_pertama", predikat: "kurang", startMonth: "2024-01", endMonth: "2024-03" },
      { jenjang: "ahli_pertama", predikat: "sangat_baik", startMonth: "2024-04", endMonth: "2024-12" },
    ];
    const s = summary({ officer: pertama, ratings, asOf: "2025-03-01" });
    expect(s.cumulative).toBe(20 + 18.75 + 1.5625 + 14.0625);
    expect(s.nextPangkat.eligibleByAk).toBe(true);
    const predikat = condition(s.nextPangkat.conditions, "predikat_2_tahun");
    expect(predikat?.met).toBe(false);
    expect(s.eligible.pangkat).toBe(false);
    expect(s.nextPangkat.conditions.find((c) => c.code === "predikat_2_tahun")?.detail).toContain("2024: Kurang (Jan–Mar)");
  });

  it("treats a year without any rating as not meeting the predikat condition", () => {
    const s = summary({ officer: pertama, ratings: [goodYears[1]], asOf: "2025-03-01" });
    expect(condition(s.nextPangkat.conditions, "predikat_2_tahun")?.met).toBe(false);
    expect(condition(s.nextJenjang.conditions, "predikat_1_tahun")?.met).toBe(true);
  });

  it("needs a jenjang move when the golongan is at the top of the jenjang range", () => {
    const officer = { ...pertama, golongan: "III/b" as const, akAwal: 70 };
    const s = summary({ officer, ratings: goodYears, asOf: "2025-03-01" });
    expect(s.nextPangkat).toMatchObject({ golongan: null, threshold: null, remaining: null, eligibleByAk: false });
    expect(condition(s.nextPangkat.conditions, "golongan_dalam_jenjang")?.met).toBe(false);
    expect(s.eligible.pangkat).toBe(false);
    // 107.5 ≥ 100 and 2024 was good: eligible, with formasi and uji kompetensi left to check.
    expect(s.nextJenjang.eligibleByAk).toBe(true);
    expect(s.eligible.jenjang).toBe(true);
  });

  it("restarts AK at a jenjang change mid-year", () => {
    const ratings: RatingPeriod[] = [
      { jenjang: "ahli_pertama", predikat: "baik", startMonth: "2024-01", endMonth: "2024-06" },
      { jenjang: "ahli_muda", predikat: "baik", startMonth: "2024-07", endMonth: "2024-12" },
    ];
    const officer = { jenjang: "ahli_muda" as const, golongan: "III/c" as const, tmtJenjang: "2024-07-01" };
    const s = summary({ officer, ratings, asOf: "2025-01-15" });
    // Only Jul–Dec with koefisien 25: 6/12 × 100% × 25.
    expect(s.cumulative).toBe(12.5);
    expect(s.counted).toEqual([{ index: 1, ak: 12.5 }]);
    expect(s.nextPangkat).toMatchObject({ golongan: "III/d", threshold: 100, remaining: 87.5 });
  });

  it("ignores periods not yet ended by asOf", () => {
    const ratings = [
      ...goodYears,
      { jenjang: "ahli_pertama" as const, predikat: "baik" as const, startMonth: "2025-01", endMonth: "2025-12" },
    ];
    expect(summary({ officer: pertama, ratings, asOf: "2025-03-01" }).cumulative).toBe(57.5);
  });

  it("counts golongan steps within a three-golongan jenjang", () => {
    const officer = { jenjang: "ahli_madya" as const, golongan: "IV/b" as const, tmtJenjang: "2020-01-01", akAwal: 200 };
    const s = summary({ officer, ratings: [], asOf: "2025-03-01" });
    // IV/a→IV/b used the first 150; IV/c needs 300 cumulative.
    expect(s.nextPangkat).toMatchObject({ golongan: "IV/c", threshold: 300, remaining: 100, eligibleByAk: false });
    expect(s.nextJenjang).toMatchObject({ jenjang: "ahli_utama", threshold: 450 });
  });

  it("has no kenaikan jenjang at the top of a kategori", () => {
    const officer = { jenjang: "penyelia" as const, golongan: "III/c" as const, tmtJenjang: "2023-01-01", akAwal: 500 };
    const s = summary({ officer, ratings: [], asOf: "2025-03-01" });
    expect(s.nextJenjang).toMatchObject({ jenjang: null, threshold: null, eligibleByAk: false });
    expect(s.eligible.jenjang).toBe(false);
    expect(condition(s.nextJenjang.conditions, "jenjang_berikutnya")?.met).toBe(false);
  });

  it("rejects invalid officer data and overlapping ratings", () => {
    const asOf = "2025-03-01";
    expect(() => summary({ officer: { ...pertama, golongan: "III/c" }, ratings: [], asOf })).toThrow(/di luar rentang jenjang/);
    expect(() => summary({ officer: { ...pertama, tmtJenjang: "2025-06-01" }, ratings: [], asOf })).toThrow(/setelah tanggal acuan/);
    expect(() => summary({ officer: { ...pertama, akAwal: -1 }, ratings: [], asOf })).toThrow(/AK awal/);
    expect(() => summary({ officer: { ...pertama, golongan: "III/z" as never }, ratings: [], asOf })).toThrow(/Golongan tidak dikenal/);
    const overlap = [goodYears[1], { ...goodYears[1], startMonth: "2024-06", endMonth: "2024-08" }];
    expect(() => summary({ officer: pertama, ratings: overlap, asOf })).toThrow(/tumpang tindih/);
    expect(() => summary({ officer: pertama, ratings: [], asOf: "2025-3-1" })).toThrow(/Tanggal acuan/);
  });
});
