import { describe, expect, it } from "vitest";
import { mentionPattern, toneAround } from "./tone-around";

const ARTICLE =
  "Festival Budaya Bali yang digelar Dinas Kebudayaan berlangsung meriah dan sangat memuaskan pengunjung. " +
  "Warga memuji panitia yang ramah dan acara yang tertib. " +
  "Sementara itu, jalan menuju lokasi rusak parah dan Dinas PUPR dinilai tidak peduli dengan keluhan warga. " +
  "Banyak pengendara kecewa dan marah.";

describe("toneAround", () => {
  it("reads the tone of the sentences about each mention in a mixed article", () => {
    const roads = toneAround(ARTICLE, ["dinas pupr"], 0);
    expect(roads.label).toBe("negative");
    expect(roads.mentions).toBe(1);
    expect(roads.windows[0].sentence).toBe(2);
    expect(toneAround(ARTICLE, ["Dinas PUPR"]).label).toBe("negative");
    expect(toneAround(ARTICLE, ["Dinas Kebudayaan"]).label).toBe("positive");
    const festival = toneAround(ARTICLE, ["Dinas Kebudayaan", "panitia"], 0);
    expect(festival.label).toBe("positive");
    expect(festival.mentions).toBe(2);
    expect(festival.windows.map((w) => w.sentence)).toEqual([0, 1]);
    const sum = festival.scores.positive + festival.scores.neutral + festival.scores.negative;
    expect(sum).toBeCloseTo(1, 6);
  });

  it("falls back to the whole text when no term is mentioned", () => {
    const r = toneAround(ARTICLE, ["Bupati Badung"]);
    expect(r.mentions).toBe(0);
    expect(r.windows).toEqual([]);
    expect(["positive", "neutral", "negative"]).toContain(r.label);
  });

  it("matches terms as whole words, case-insensitively", () => {
    const p = mentionPattern(["PU"])!;
    expect(p.test("kantor pu kota")).toBe(true);
    expect(p.test("harga pupuk naik")).toBe(false);
    expect(mentionPattern(["  "])).toBeNull();
  });
});
