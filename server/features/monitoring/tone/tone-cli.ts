/**
 * `npm run sinergi -- tone` (label each line of standard input) and
 * `npm run sinergi -- train-tone` (retrain, compare with the committed model, optionally write).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { readLabelledTsv } from "../classifier/labelled-data";
import { formatEvaluation } from "../classifier/metrics";
import type { Example } from "../classifier/train-softmax";
import { readToneCorrectionsFrom } from "./tone-corrections";
import { classifyTone, TONE_DATA_DIR, TONE_LABELS, TONE_MODEL_DIR, TONE_MODEL_NAME, toneClassifier } from "./tone-model";
import { evaluateTone, readToneData, saveToneModel, trainTone } from "./train-tone";

const FLUSH_BYTES = 64 * 1024;

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
}

/**
 * Streams: labels are written in 64 KiB chunks, and reading pauses while the output is
 * backed up, so a file of millions of lines runs in constant memory. The last write is
 * awaited, so nothing is lost when the process exits right after.
 */
export async function runToneStream(input: Readable, output: Writable): Promise<number> {
  const classifier = toneClassifier();
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let pending = "";
  let count = 0;
  for await (const line of lines) {
    pending += `${classifyTone(line, classifier)}\n`;
    count++;
    if (pending.length >= FLUSH_BYTES) {
      const chunk = pending;
      pending = "";
      if (!output.write(chunk)) await new Promise((resolve) => output.once("drain", resolve));
    }
  }
  await write(output, pending);
  return count;
}

export async function runToneCli(): Promise<number> {
  // A closed reader (`… | head`) is a normal end, not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  await runToneStream(process.stdin, process.stdout);
  return 0;
}

export async function runTrainToneCli(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string" },
      extra: { type: "string", multiple: true },
      "extra-weight": { type: "string" },
      out: { type: "string" },
      write: { type: "boolean" },
      db: { type: "string" },
    },
  });
  const dataDir = path.resolve(values.data ?? TONE_DATA_DIR);
  const { train, valid } = readToneData(dataDir);
  const extra: Example[] = (values.extra ?? []).flatMap((f) => readLabelledTsv(path.resolve(f), TONE_LABELS));
  // Officers' corrections from the database, when one is named (--db) or configured (DATABASE_URL).
  const databaseUrl = values.db ?? process.env.DATABASE_URL;
  const corrections = databaseUrl ? await readToneCorrectionsFrom(databaseUrl) : [];
  if (databaseUrl) console.log(`Read ${corrections.length} tone corrections from the database.`);
  extra.push(...corrections);
  const extraWeight = values["extra-weight"] ? Number(values["extra-weight"]) : 1;
  if (!(extraWeight > 0)) throw new Error("--extra-weight must be a positive number.");
  const hasModel = existsSync(path.join(TONE_MODEL_DIR, `${TONE_MODEL_NAME}.json`));
  console.log(`Training the tone model on ${train.length} texts from ${dataDir}${extra.length ? ` + ${extra.length} extra` : ""}…`);
  const result = trainTone({ train, valid, extra, extraWeight, baseline: hasModel ? toneClassifier() : undefined, log: console.log });
  console.log(`Valid split (${valid.length} texts):`);
  if (result.before) console.log(`  before (committed model): ${formatEvaluation(result.before)}`);
  console.log(`  after  (retrained):       ${formatEvaluation(result.after)}`);
  if (corrections.length) {
    // Does the model now agree with the officers? (These texts were trained on: a sanity check, not a test.)
    console.log(`Officers' corrections (${corrections.length} texts):`);
    if (hasModel) console.log(`  before (committed model): ${formatEvaluation(evaluateTone(toneClassifier(), corrections))}`);
    console.log(`  after  (retrained):       ${formatEvaluation(evaluateTone(result.classifier, corrections))}`);
  }
  const outDir = values.out ? path.resolve(values.out) : values.write ? TONE_MODEL_DIR : null;
  if (!outDir) {
    console.log("Model not written (use --write to replace the committed model, or --out DIR).");
    return 0;
  }
  const header = saveToneModel(result, outDir);
  console.log(`Model written to ${outDir} (${header.entries} buckets).`);
  return 0;
}
