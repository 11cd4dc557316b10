/**
 * The committed tone (sentiment) model: where it lives, its settings, and the loaded
 * classifier (loaded once per process, on first use; loading takes tens of milliseconds).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureConfig } from "../classifier/features";
import { TextClassifier } from "../classifier/linear-model";
import { loadModel } from "../classifier/model-file";
import type { TrainParams } from "../classifier/train-softmax";

export const TONE_LABELS = ["positive", "neutral", "negative"] as const;
export type Tone = (typeof TONE_LABELS)[number];
export type ToneScores = Record<Tone, number>;

const here = path.dirname(fileURLToPath(import.meta.url));
export const TONE_MODEL_DIR = path.join(here, "model");
export const TONE_MODEL_NAME = "tone";
/** In-repo copy of IndoNLU SmSA (train + valid), so training and tests work from a clean clone. */
export const TONE_DATA_DIR = path.join(here, "dataset");

export const TONE_FEATURES: FeatureConfig = {
  bits: 20,
  wordNgrams: 2,
  charMin: 2,
  charMax: 5,
  // "tak", "gak", "nggak", "tdk"… are mapped to "tidak" by the tokeniser.
  negators: ["tidak", "bukan", "belum", "jangan"],
  negationScope: 3,
  wordWeight: 1,
  charWeight: 1,
};

/** Chosen on the SmSA valid split (see server/features/monitoring/README.md). */
export const TONE_PARAMS: TrainParams = { features: TONE_FEATURES, l2: 3e-5, classBalance: 0, maxIterations: 200 };

let cached: TextClassifier | undefined;

export function toneClassifier(): TextClassifier {
  if (!cached) {
    const { model } = loadModel(TONE_MODEL_DIR, TONE_MODEL_NAME);
    if (model.labels.join() !== TONE_LABELS.join())
      throw new Error(`tone model labels ${model.labels.join()} are not ${TONE_LABELS.join()}`);
    cached = new TextClassifier(model);
  }
  return cached;
}

export function toneScores(text: string, classifier = toneClassifier()): ToneScores {
  const p = classifier.probabilities(text);
  return { positive: p[0], neutral: p[1], negative: p[2] };
}

export function classifyTone(text: string, classifier = toneClassifier()): Tone {
  // An empty line has no tone; the model would answer with its prior (positive).
  if (!/[\p{L}\p{N}]/u.test(text)) return "neutral";
  return classifier.classify(text) as Tone;
}

export function topTone(scores: ToneScores): Tone {
  return TONE_LABELS.reduce((best, t) => (scores[t] > scores[best] ? t : best), TONE_LABELS[0] as Tone);
}
