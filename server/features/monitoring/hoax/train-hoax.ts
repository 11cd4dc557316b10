/** Training and k-fold cross-validation of the hoax-likeness model. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { TextClassifier } from "../classifier/linear-model";
import { evaluate } from "../classifier/metrics";
import { shuffled } from "../classifier/rng";
import { type Example, type TrainParams, trainSoftmax } from "../classifier/train-softmax";
import { HOAX_DATA_FILE, HOAX_LABELS, HOAX_PARAMS } from "./hoax-model";

/** The dataset's CSV: `berita;tagging` header, quoted multi-line texts, labels "Hoax" / "Valid". */
export function readHoaxCsv(file = HOAX_DATA_FILE): Example[] {
  const rows = parse(readFileSync(file), { delimiter: ";", columns: true, bom: true, skip_empty_lines: true }) as {
    berita: string;
    tagging: string;
  }[];
  return rows.map((r, i) => {
    const label = r.tagging.trim().toLowerCase();
    if (label !== "hoax" && label !== "valid") throw new Error(`${file}: record ${i + 1} has label "${r.tagging}"`);
    return { text: r.berita, label };
  });
}

export function trainHoax(examples: readonly Example[], params: TrainParams = HOAX_PARAMS, log?: (line: string) => void): TextClassifier {
  return new TextClassifier(trainSoftmax(examples, HOAX_LABELS, params, log));
}

export interface CrossValidation {
  folds: number;
  accuracy: number;
  /** F1 of the hoax class. */
  f1: number;
  macroF1: number;
  perFold: { accuracy: number; f1: number }[];
}

/**
 * Stratified k-fold: each label's examples are shuffled (seeded, so the figure repeats) and
 * dealt round-robin to the folds; figures are pooled over all out-of-fold predictions.
 */
export function crossValidateHoax(examples: readonly Example[], folds = 5, params: TrainParams = HOAX_PARAMS, seed = 42): CrossValidation {
  const foldOf = new Array<number>(examples.length);
  for (const label of HOAX_LABELS) {
    const members = examples.flatMap((e, i) => (e.label === label ? [i] : []));
    shuffled(members, seed).forEach((i, n) => {
      foldOf[i] = n % folds;
    });
  }
  const predicted = new Array<string>(examples.length);
  const perFold: CrossValidation["perFold"] = [];
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => foldOf[i] !== f);
    const testIdx = examples.flatMap((_, i) => (foldOf[i] === f ? [i] : []));
    const clf = trainHoax(train, params);
    for (const i of testIdx) predicted[i] = clf.classify(examples[i].text);
    const e = evaluate(
      HOAX_LABELS,
      testIdx.map((i) => examples[i].label),
      testIdx.map((i) => predicted[i]),
    );
    perFold.push({ accuracy: e.accuracy, f1: e.perClass.hoax.f1 });
  }
  const pooled = evaluate(
    HOAX_LABELS,
    examples.map((e) => e.label),
    predicted,
  );
  return { folds, accuracy: pooled.accuracy, f1: pooled.perClass.hoax.f1, macroF1: pooled.macroF1, perFold };
}
