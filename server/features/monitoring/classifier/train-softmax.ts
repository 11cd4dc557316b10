/**
 * Trains a TextClassifier: L2-regularised softmax regression over the hashed features,
 * optimised full-batch with L-BFGS (deterministic). Only buckets that occur in the training
 * texts get a parameter while training (a compact column space), then the weights are spread
 * back to the full hash space.
 */
import { tokenizeId } from "../text/tokenize-id";
import { type FeatureConfig, FeatureExtractor } from "./features";
import { minimizeLbfgs } from "./lbfgs";
import type { LinearModel } from "./linear-model";

export interface Example {
  text: string;
  label: string;
  /** Relative weight of this example (officers' corrections can count more); default 1. */
  weight?: number;
}

export interface TrainParams {
  features: FeatureConfig;
  /** L2 strength λ of the mean-loss objective. */
  l2: number;
  /** Class weights ∝ (n / (K·n_c))^classBalance: 0 keeps the data's balance, 1 equalises classes. */
  classBalance: number;
  maxIterations: number;
  tolerance?: number;
  /** NB prior (Wang & Manning's NB-SVM, folded into the weights): 0 = off, else the mix β. */
  nb?: number;
}

interface Dataset {
  offsets: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  y: Uint8Array;
  weight: Float64Array;
  colToBucket: Int32Array;
}

function buildDataset(examples: readonly Example[], labels: readonly string[], features: FeatureConfig): Dataset {
  const fx = new FeatureExtractor(features);
  const size = 2 ** features.bits;
  const bucketToCol = new Int32Array(size).fill(-1);
  const colToBucket: number[] = [];
  const dense = new Float64Array(size);
  const touched: number[] = [];
  const offsets = new Int32Array(examples.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const y = new Uint8Array(examples.length);
  const weight = new Float64Array(examples.length);
  examples.forEach((ex, r) => {
    const label = labels.indexOf(ex.label);
    if (label < 0) throw new Error(`unknown label "${ex.label}" (expected ${labels.join(", ")})`);
    y[r] = label;
    weight[r] = ex.weight ?? 1;
    fx.extract(tokenizeId(ex.text));
    const ws = fx.wordScale;
    const cs = fx.charScale;
    for (let i = 0; i < fx.n; i++) {
      const b = fx.idx[i];
      if (dense[b] === 0) touched.push(b);
      dense[b] += i < fx.nWord ? ws : cs;
    }
    touched.sort((a, b) => a - b);
    for (const b of touched) {
      if (bucketToCol[b] < 0) {
        bucketToCol[b] = colToBucket.length;
        colToBucket.push(b);
      }
      cols.push(bucketToCol[b]);
      vals.push(dense[b]);
      dense[b] = 0;
    }
    touched.length = 0;
    offsets[r + 1] = cols.length;
  });
  return { offsets, cols: Int32Array.from(cols), vals: Float32Array.from(vals), y, weight, colToBucket: Int32Array.from(colToBucket) };
}

export function trainSoftmax(
  examples: readonly Example[],
  labels: readonly string[],
  params: TrainParams,
  log?: (line: string) => void,
): LinearModel {
  const data = buildDataset(examples, labels, params.features);
  const k = labels.length;
  const nCols = data.colToBucket.length;
  const counts = new Array(k).fill(0);
  for (const c of data.y) counts[c]++;
  const classWeight = counts.map((n) => (n ? (examples.length / (k * n)) ** params.classBalance : 0));
  const sw = new Float64Array(examples.length);
  let total = 0;
  for (let r = 0; r < examples.length; r++) total += sw[r] = data.weight[r] * classWeight[data.y[r]];
  const nw = nCols * k;
  const { offsets, cols, vals, y } = data;
  const z = new Float64Array(k);
  const scale = params.nb ? nbScale(data, k, params.nb) : null;

  // x = [weights (row-major: col·k + c) | bias]. The per-row loops are written for any k;
  // scoreRow/addRow keep the hot inner loops free of closures.
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < y.length; r++) {
      const from = offsets[r];
      const to = offsets[r + 1];
      for (let c = 0; c < k; c++) z[c] = x[nw + c];
      if (scale) scoreRowScaled(x, scale, cols, vals, from, to, k, z);
      else scoreRow(x, cols, vals, from, to, k, z);
      let max = z[0];
      for (let c = 1; c < k; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(z[c] - max);
      const logSum = max + Math.log(sum);
      const wr = sw[r] / total;
      loss += wr * (logSum - z[y[r]]);
      for (let c = 0; c < k; c++) {
        z[c] = wr * (Math.exp(z[c] - logSum) - (c === y[r] ? 1 : 0));
        grad[nw + c] += z[c];
      }
      if (scale) addRowScaled(grad, scale, cols, vals, from, to, k, z);
      else addRow(grad, cols, vals, from, to, k, z);
    }
    let reg = 0;
    for (let i = 0; i < nw; i++) {
      reg += x[i] * x[i];
      grad[i] += params.l2 * x[i];
    }
    return loss + 0.5 * params.l2 * reg;
  };

  const x = new Float64Array(nw + k);
  const started = performance.now();
  const result = minimizeLbfgs(objective, x, { maxIterations: params.maxIterations, tolerance: params.tolerance ?? 1e-5 });
  log?.(
    `  trained on ${examples.length} texts, ${nCols} active buckets, ${result.iterations} L-BFGS iterations, loss ${result.value.toFixed(4)}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const weights = new Float32Array(2 ** params.features.bits * k);
  for (let col = 0; col < nCols; col++) {
    const o = data.colToBucket[col] * k;
    for (let c = 0; c < k; c++) weights[o + c] = x[col * k + c] * (scale ? scale[col * k + c] : 1);
  }
  return { labels: [...labels], features: params.features, weights, bias: x.slice(nw) };
}

function scoreRow(x: Float64Array, cols: Int32Array, vals: Float32Array, from: number, to: number, k: number, z: Float64Array): void {
  if (k === 3) {
    let z0 = z[0];
    let z1 = z[1];
    let z2 = z[2];
    for (let e = from; e < to; e++) {
      const o = cols[e] * 3;
      const v = vals[e];
      z0 += x[o] * v;
      z1 += x[o + 1] * v;
      z2 += x[o + 2] * v;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    return;
  }
  for (let e = from; e < to; e++) {
    const o = cols[e] * k;
    const v = vals[e];
    for (let c = 0; c < k; c++) z[c] += x[o + c] * v;
  }
}

function addRow(g: Float64Array, cols: Int32Array, vals: Float32Array, from: number, to: number, k: number, z: Float64Array): void {
  if (k === 3) {
    const z0 = z[0];
    const z1 = z[1];
    const z2 = z[2];
    for (let e = from; e < to; e++) {
      const o = cols[e] * 3;
      const v = vals[e];
      g[o] += z0 * v;
      g[o + 1] += z1 * v;
      g[o + 2] += z2 * v;
    }
    return;
  }
  for (let e = from; e < to; e++) {
    const o = cols[e] * k;
    const v = vals[e];
    for (let c = 0; c < k; c++) g[o + c] += z[c] * v;
  }
}

function nbScale(data: Dataset, k: number, beta: number): Float64Array {
  const nCols = data.colToBucket.length;
  const inClass = new Float64Array(nCols * k);
  const docsOf = new Float64Array(k);
  for (let r = 0; r < data.y.length; r++) {
    docsOf[data.y[r]]++;
    for (let e = data.offsets[r]; e < data.offsets[r + 1]; e++) inClass[data.cols[e] * k + data.y[r]]++;
  }
  const all = new Float64Array(nCols);
  for (let col = 0; col < nCols; col++) for (let c = 0; c < k; c++) all[col] += inClass[col * k + c];
  const sumIn = new Float64Array(k);
  const sumOut = new Float64Array(k);
  for (let col = 0; col < nCols; col++)
    for (let c = 0; c < k; c++) {
      sumIn[c] += 1 + inClass[col * k + c];
      sumOut[c] += 1 + all[col] - inClass[col * k + c];
    }
  const scale = new Float64Array(nCols * k);
  let mean = 0;
  for (let col = 0; col < nCols; col++)
    for (let c = 0; c < k; c++) {
      const r = Math.log((1 + inClass[col * k + c]) / sumIn[c] / ((1 + all[col] - inClass[col * k + c]) / sumOut[c]));
      scale[col * k + c] = Math.abs(r);
      mean += Math.abs(r);
    }
  mean /= nCols * k;
  for (let i = 0; i < scale.length; i++) scale[i] = 1 - beta + (beta * scale[i]) / mean;
  return scale;
}

function scoreRowScaled(
  x: Float64Array,
  s: Float64Array,
  cols: Int32Array,
  vals: Float32Array,
  from: number,
  to: number,
  k: number,
  z: Float64Array,
): void {
  for (let e = from; e < to; e++) {
    const o = cols[e] * k;
    const v = vals[e];
    for (let c = 0; c < k; c++) z[c] += x[o + c] * s[o + c] * v;
  }
}

function addRowScaled(
  g: Float64Array,
  s: Float64Array,
  cols: Int32Array,
  vals: Float32Array,
  from: number,
  to: number,
  k: number,
  z: Float64Array,
): void {
  for (let e = from; e < to; e++) {
    const o = cols[e] * k;
    const v = vals[e];
    for (let c = 0; c < k; c++) g[o + c] += z[c] * s[o + c] * v;
  }
}
