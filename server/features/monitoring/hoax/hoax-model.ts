/**
 * Hoax-likeness: the probability, 0..1, that a text reads like the hoax articles of the
 * Indonesian Hoax News Detection dataset (Pratiwi, Asmara & Rahutomo 2017) rather than like
 * its valid news. A signal for an officer to check, never a verdict: it judges style and
 * wording, not facts.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureConfig } from "../classifier/features";
import { softmaxInPlace, TextClassifier } from "../classifier/linear-model";
import { loadModel } from "../classifier/model-file";
import type { TrainParams } from "../classifier/train-softmax";

export const HOAX_LABELS = ["valid", "hoax"] as const;

const here = path.dirname(fileURLToPath(import.meta.url));
export const HOAX_MODEL_DIR = path.join(here, "model");
export const HOAX_MODEL_NAME = "hoax";
/** In-repo copy of the dataset (480 of its 600 records), so training and tests work from a clean clone. */
export const HOAX_DATA_FILE = path.join(here, "dataset", "hoax-news.csv");

export const HOAX_FEATURES: FeatureConfig = {
  bits: 20,
  wordNgrams: 2,
  charMin: 3,
  charMax: 5,
  negators: ["tidak", "bukan", "belum", "jangan"],
  negationScope: 3,
  wordWeight: 1,
  charWeight: 1,
};

/** l2 chosen by 5-fold cross-validation (see README.md beside this folder). */
export const HOAX_PARAMS: TrainParams = { features: HOAX_FEATURES, l2: 1e-3, classBalance: 1, maxIterations: 200 };

let cached: TextClassifier | undefined;

export function hoaxClassifier(): TextClassifier {
  if (!cached) cached = new TextClassifier(loadModel(HOAX_MODEL_DIR, HOAX_MODEL_NAME).model);
  return cached;
}

export function hoaxLikeness(text: string, classifier = hoaxClassifier()): number {
  return classifier.probabilities(text)[1];
}

/** hoaxLikeness from the text's tokenizeId tokens (the ingest tokenises each article once). */
export function hoaxLikenessTokens(tokens: string[], classifier = hoaxClassifier()): number {
  return softmaxInPlace(classifier.scoreTokens(tokens))[1];
}
