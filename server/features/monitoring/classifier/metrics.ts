/** Classification figures: accuracy, per-class precision/recall/F1 and macro-F1. */

export interface ClassFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassFigures>;
  /** confusion[gold][predicted] */
  confusion: Record<string, Record<string, number>>;
  n: number;
}

export function evaluate(labels: readonly string[], gold: readonly string[], predicted: readonly string[]): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    confusion[gold[i]][predicted[i]]++;
    if (gold[i] === predicted[i]) correct++;
  }
  const perClass: Record<string, ClassFigures> = {};
  for (const c of labels) {
    const tp = confusion[c][c];
    const predictedC = labels.reduce((s, g) => s + confusion[g][c], 0);
    const support = labels.reduce((s, p) => s + confusion[c][p], 0);
    const precision = predictedC ? tp / predictedC : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision, recall, f1, support };
  }
  const macroF1 = labels.reduce((s, c) => s + perClass[c].f1, 0) / labels.length;
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1, perClass, confusion, n: gold.length };
}

const pct = (x: number) => (100 * x).toFixed(2);

/** One line per figure, for the training commands' output. */
export function formatEvaluation(e: Evaluation): string {
  const classes = Object.entries(e.perClass)
    .map(([c, f]) => `${c} ${pct(f.f1)} (P ${pct(f.precision)} R ${pct(f.recall)}, n=${f.support})`)
    .join("; ");
  return `macro-F1 ${pct(e.macroF1)}  accuracy ${pct(e.accuracy)}  per-class F1: ${classes}`;
}
