import { describe, expect, it } from "vitest";
import { parseLabelledTsv, readLabelledTsv } from "../classifier/labelled-data";
import { TONE_LABELS, TONE_PARAMS, toneClassifier } from "./tone-model";
import { readToneData, trainTone } from "./train-tone";

describe("trainTone", () => {
  it("learns from extra labelled lines (officers' corrections) and reports before/after figures", () => {
    const { train, valid } = readToneData();
    // A made-up agency nickname the SmSA data has never seen, corrected to negative by officers.
    const extra = parseLabelledTsv(Array(20).fill("layanan si zorblax\tnegative").join("\n"), "corrections", TONE_LABELS);
    const result = trainTone({
      train: train.slice(0, 800),
      valid: valid.slice(0, 300),
      extra,
      extraWeight: 2,
      params: { ...TONE_PARAMS, maxIterations: 25 },
      baseline: toneClassifier(),
    });
    expect(result.classifier.classify("layanan si zorblax")).toBe("negative");
    expect(result.before?.n).toBe(300);
    expect(result.after.macroF1).toBeGreaterThan(0.6);
    expect(result.training).toMatchObject({ trainTexts: 800, extraTexts: 20, validTexts: 300 });
  });

  it("refuses a line without a known label, naming the line", () => {
    expect(() => parseLabelledTsv("bagus\tpositive\nburuk\tjelek", "extra.tsv", TONE_LABELS)).toThrow(/extra\.tsv:2/);
    expect(() => readLabelledTsv("/nonexistent/extra.tsv", TONE_LABELS)).toThrow();
  });
});
