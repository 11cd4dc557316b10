/**
 * A linear (softmax) classifier over hashed features: scores = bias + Σ entries × weight row.
 * Weights are bucket-major (weights[bucket·K + class]) so one entry reads K adjacent numbers.
 */
import { tokenizeId } from "../text/tokenize-id";
import { type FeatureConfig, FeatureExtractor, type WordEntry } from "./features";

export interface LinearModel {
  labels: string[];
  features: FeatureConfig;
  weights: Float32Array;
  bias: Float64Array;
  /** The int16 form of weights, when the model was read from a file (saves re-quantising). */
  quantised?: { q: Int16Array; scale: Float64Array };
}

export class TextClassifier {
  private readonly fx: FeatureExtractor;
  private readonly k: number;
  /** int16 weights (q × scale[class]): the table is half the size of float32, so more of it
   *  stays in cache, which is what bounds scoring speed. Same values as the model file holds. */
  private readonly q: Int16Array;
  private readonly scale: Float64Array;

  constructor(readonly model: LinearModel) {
    this.fx = new FeatureExtractor(model.features);
    this.k = model.labels.length;
    ({ q: this.q, scale: this.scale } = model.quantised ?? quantise(model.weights, this.k));
  }

  /** Class scores (logits) of a text into `out`. */
  scores(text: string, out = new Float64Array(this.k)): Float64Array {
    return this.scoreTokens(tokenizeId(text), out);
  }

  scoreTokens(tokens: string[], out = new Float64Array(this.k)): Float64Array {
    const fx = this.fx;
    // Character n-grams are scored per word and the sum kept with the word's cache entry:
    // a word's n-grams never change, and they are nine in ten of a text's entries.
    fx.extract(tokens, false);
    const { q, scale, k } = this;
    const { bias } = this.model;
    const idx = fx.idx;
    const words = new Float64Array(k);
    const chars = new Float64Array(k);
    for (let i = 0; i < fx.nWord; i++) {
      const o = idx[i] * k;
      for (let c = 0; c < k; c++) words[c] += q[o + c];
    }
    let nChar = 0;
    for (const w of fx.words) {
      if (!w) continue;
      const cs = w.charScore ?? this.charScore(w);
      for (let c = 0; c < k; c++) chars[c] += cs[c];
      nChar += w.grams.length;
    }
    const ws = fx.nWord ? this.model.features.wordWeight / Math.sqrt(fx.nWord) : 0;
    const cw = nChar ? this.model.features.charWeight / Math.sqrt(nChar) : 0;
    for (let c = 0; c < k; c++) out[c] = bias[c] + (words[c] * ws + chars[c] * cw) * scale[c];
    return out;
  }

  private charScore(w: WordEntry): Float64Array {
    const { q, k } = this;
    const sum = new Float64Array(k);
    for (let i = 0; i < w.grams.length; i++) {
      const o = w.grams[i] * k;
      for (let c = 0; c < k; c++) sum[c] += q[o + c];
    }
    w.charScore = sum;
    return sum;
  }

  /** Softmax probabilities, in the order of model.labels. */
  probabilities(text: string, out = new Float64Array(this.k)): Float64Array {
    return softmaxInPlace(this.scores(text, out));
  }

  classify(text: string): string {
    const s = this.scores(text);
    let best = 0;
    for (let c = 1; c < this.k; c++) if (s[c] > s[best]) best = c;
    return this.model.labels[best];
  }
}

export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

/** Per-class symmetric int16 quantisation; model-file.ts stores weights the same way. */
export function quantise(weights: Float32Array, k: number): { q: Int16Array; scale: Float64Array } {
  const scale = new Float64Array(k);
  for (let i = 0; i < weights.length; i++) scale[i % k] = Math.max(scale[i % k], Math.abs(weights[i]));
  for (let c = 0; c < k; c++) scale[c] = scale[c] ? scale[c] / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i] / scale[i % k]);
  return { q, scale };
}
