import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TextClassifier } from "./linear-model";
import { loadModel, saveModel } from "./model-file";
import { trainSoftmax } from "./train-softmax";

const dir = mkdtempSync(path.join(tmpdir(), "sinergi-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("model files", () => {
  it("round-trip a trained model with int16 weights, scores within 1e-3", () => {
    const examples = [
      { text: "sangat bagus dan ramah", label: "positive" },
      { text: "buruk sekali, kecewa", label: "negative" },
      { text: "rapat digelar hari senin", label: "neutral" },
      { text: "pelayanan cepat, puas", label: "positive" },
      { text: "lambat dan kotor", label: "negative" },
    ];
    const features = {
      bits: 12,
      wordNgrams: 2,
      charMin: 2,
      charMax: 4,
      negators: ["tidak"],
      negationScope: 2,
      wordWeight: 1,
      charWeight: 1,
    };
    const model = trainSoftmax(examples, ["positive", "neutral", "negative"], { features, l2: 1e-3, classBalance: 0, maxIterations: 50 });
    const header = saveModel(model, dir, "tiny", { note: "test" });
    expect(JSON.parse(readFileSync(path.join(dir, "tiny.json"), "utf8"))).toMatchObject({
      entries: header.entries,
      training: { note: "test" },
    });
    const loaded = new TextClassifier(loadModel(dir, "tiny").model);
    const original = new TextClassifier(model);
    for (const { text } of examples) {
      const a = original.scores(text);
      const b = loaded.scores(text);
      for (let c = 0; c < 3; c++) expect(Math.abs(a[c] - b[c])).toBeLessThan(1e-3);
      expect(loaded.classify(text)).toBe(original.classify(text));
    }
  });
});
