import { describe, expect, it } from "vitest";
import { tokenizeId } from "./tokenize-id";

describe("tokenizeId", () => {
  it("maps informal spellings and collapses repeated letters", () => {
    expect(tokenizeId("Petugasnya GAK ramah, mantaaap bgt yg ini!!")).toEqual([
      "petugasnya",
      "tidak",
      "ramah",
      ".",
      "mantap",
      "banget",
      "yang",
      "ini",
      "!",
      "!",
    ]);
  });

  it("keeps reduplication, expands hati2 and folds numbers", () => {
    expect(tokenizeId("Hati2 di jalan, anak-anak! Biaya Rp 1.000")).toEqual([
      "hati-hati",
      "di",
      "jalan",
      ".",
      "anak-anak",
      "!",
      "biaya",
      "rp",
      "0",
      ".",
      "0",
    ]);
  });
});
