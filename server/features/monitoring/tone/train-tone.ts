/**
 * Training the tone model: SmSA train (plus any extra labelled lines, e.g. officers'
 * corrections) → softmax regression → figures on the valid split. Pure: the caller decides
 * where the examples come from (files for the CLI, the database later) and whether to save.
 */
import path from "node:path";
import { readLabelledTsv } from "../classifier/labelled-data";
import { TextClassifier } from "../classifier/linear-model";
import { type Evaluation, evaluate } from "../classifier/metrics";
import { type ModelHeader, saveModel } from "../classifier/model-file";
import { type Example, type TrainParams, trainSoftmax } from "../classifier/train-softmax";
import { TONE_DATA_DIR, TONE_LABELS, TONE_MODEL_NAME, TONE_PARAMS } from "./tone-model";

export interface TrainToneInput {
  train: Example[];
  valid: Example[];
  /** Extra labelled texts (corrections); they join the training set. */
  extra?: Example[];
  /** How much one extra example counts against one SmSA example (default 1). */
  extraWeight?: number;
  params?: TrainParams;
  /** The model in use, to report "before" figures on the same valid split. */
  baseline?: TextClassifier;
  log?: (line: string) => void;
}

export interface TrainToneResult {
  classifier: TextClassifier;
  after: Evaluation;
  before?: Evaluation;
  training: Record<string, unknown>;
}

export function evaluateTone(classifier: TextClassifier, valid: readonly Example[]): Evaluation {
  return evaluate(
    TONE_LABELS,
    valid.map((v) => v.label),
    valid.map((v) => classifier.classify(v.text)),
  );
}

export function trainTone(input: TrainToneInput): TrainToneResult {
  const params = input.params ?? TONE_PARAMS;
  const extra = (input.extra ?? []).map((e) => ({ ...e, weight: (e.weight ?? 1) * (input.extraWeight ?? 1) }));
  const model = trainSoftmax([...input.train, ...extra], TONE_LABELS, params, input.log);
  const classifier = new TextClassifier(model);
  const after = evaluateTone(classifier, input.valid);
  const before = input.baseline ? evaluateTone(input.baseline, input.valid) : undefined;
  const training = {
    data: "IndoNLU SmSA (Apache-2.0): train_preprocess.tsv; figures on valid_preprocess.tsv",
    trainTexts: input.train.length,
    extraTexts: extra.length,
    validTexts: input.valid.length,
    l2: params.l2,
    classBalance: params.classBalance,
    valid: { macroF1: after.macroF1, accuracy: after.accuracy, f1: Object.fromEntries(TONE_LABELS.map((t) => [t, after.perClass[t].f1])) },
  };
  return { classifier, after, before, training };
}

export function saveToneModel(result: TrainToneResult, dir: string): ModelHeader {
  return saveModel(result.classifier.model, dir, TONE_MODEL_NAME, result.training);
}

/** train_preprocess.tsv and valid_preprocess.tsv from a directory (the in-repo copy by default). */
export function readToneData(dir = TONE_DATA_DIR): { train: Example[]; valid: Example[] } {
  return {
    train: readLabelledTsv(path.join(dir, "train_preprocess.tsv"), TONE_LABELS),
    valid: readLabelledTsv(path.join(dir, "valid_preprocess.tsv"), TONE_LABELS),
  };
}
