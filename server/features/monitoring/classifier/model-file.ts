/**
 * Model files: a JSON header (labels, feature settings, bias, quantisation scales, training
 * figures) and a binary body holding only the buckets that carry a weight — N little-endian
 * uint32 bucket numbers, then N×K int16 weights (weight = q × scale[class]). A dense float32
 * table would be 12 MB for 2^20 buckets × 3 classes; this is a fraction of it and loads in
 * milliseconds, and int16 keeps the scores within about 1e-3 of the float model.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FeatureConfig } from "./features";
import { type LinearModel, quantise } from "./linear-model";

const FORMAT = "sinergi-hashed-softmax/1";

export interface ModelHeader {
  format: typeof FORMAT;
  labels: string[];
  features: FeatureConfig;
  bias: number[];
  scale: number[];
  entries: number;
  weightsFile: string;
  sha256: string;
  /** Whatever the trainer wants to keep with the model (data, settings, figures). */
  training: Record<string, unknown>;
}

export function saveModel(model: LinearModel, dir: string, name: string, training: Record<string, unknown>): ModelHeader {
  const k = model.labels.length;
  const { q: all, scale } = quantise(model.weights, k);
  const buckets: number[] = [];
  const q: number[] = [];
  for (let b = 0; b < all.length / k; b++) {
    const row = all.subarray(b * k, b * k + k);
    if (row.every((v) => v === 0)) continue;
    buckets.push(b);
    q.push(...row);
  }
  const body = new Uint8Array(buckets.length * 4 + q.length * 2);
  new Uint32Array(body.buffer, 0, buckets.length).set(buckets);
  new Int16Array(body.buffer, buckets.length * 4, q.length).set(q);
  mkdirSync(dir, { recursive: true });
  const weightsFile = `${name}.bin`;
  writeFileSync(path.join(dir, weightsFile), body);
  const header: ModelHeader = {
    format: FORMAT,
    labels: model.labels,
    features: model.features,
    bias: [...model.bias],
    scale: [...scale],
    entries: buckets.length,
    weightsFile,
    sha256: createHash("sha256").update(body).digest("hex"),
    training,
  };
  writeFileSync(path.join(dir, `${name}.json`), `${formatJson(header, "")}\n`);
  return header;
}

/**
 * JSON laid out as the repository's formatter (Biome) lays it out — objects one key per line,
 * short arrays of plain values on one line — so a retrained header passes `npm run lint`.
 */
function formatJson(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => formatJson(v, `${indent}  `));
    const flat = `[${items.join(", ")}]`;
    if (value.every((v) => typeof v !== "object" || v === null) && indent.length + flat.length <= 100) return flat;
    return `[\n${items.map((i) => `${indent}  ${i}`).join(",\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return "{}";
    return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${formatJson(v, `${indent}  `)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function readModelHeader(dir: string, name: string): ModelHeader {
  const header = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as ModelHeader;
  if (header.format !== FORMAT) throw new Error(`${name}.json: unknown model format ${String(header.format)}`);
  return header;
}

export function loadModel(dir: string, name: string): { model: LinearModel; header: ModelHeader } {
  const header = readModelHeader(dir, name);
  const k = header.labels.length;
  // Copy into a fresh, aligned buffer: a Buffer from readFileSync may sit at any offset of a shared pool.
  const body = new Uint8Array(readFileSync(path.join(dir, header.weightsFile))).buffer;
  if (body.byteLength !== header.entries * (4 + 2 * k)) throw new Error(`${header.weightsFile}: size does not match its header`);
  const buckets = new Uint32Array(body, 0, header.entries);
  const q = new Int16Array(body, header.entries * 4, header.entries * k);
  const size = 2 ** header.features.bits * k;
  const weights = new Float32Array(size);
  const dense = new Int16Array(size);
  const scale = Float64Array.from(header.scale);
  for (let i = 0; i < header.entries; i++) {
    const o = buckets[i] * k;
    for (let c = 0; c < k; c++) {
      dense[o + c] = q[i * k + c];
      weights[o + c] = q[i * k + c] * scale[c];
    }
  }
  const model = {
    labels: header.labels,
    features: header.features,
    weights,
    bias: Float64Array.from(header.bias),
    quantised: { q: dense, scale },
  };
  return { model, header };
}
