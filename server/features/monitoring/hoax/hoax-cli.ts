/** `npm run sinergi -- train-hoax [--data FILE.csv] [--folds N] [--out DIR | --write]`. */
import path from "node:path";
import { parseArgs } from "node:util";
import { saveModel } from "../classifier/model-file";
import { HOAX_DATA_FILE, HOAX_MODEL_DIR, HOAX_MODEL_NAME, HOAX_PARAMS } from "./hoax-model";
import { crossValidateHoax, readHoaxCsv, trainHoax } from "./train-hoax";

const pct = (x: number) => (100 * x).toFixed(2);

export async function runTrainHoaxCli(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: "string" }, folds: { type: "string" }, out: { type: "string" }, write: { type: "boolean" } },
  });
  const file = path.resolve(values.data ?? HOAX_DATA_FILE);
  const folds = Number(values.folds ?? 5);
  if (!Number.isInteger(folds) || folds < 2) throw new Error("--folds must be an integer ≥ 2.");
  const examples = readHoaxCsv(file);
  const hoax = examples.filter((e) => e.label === "hoax").length;
  console.log(`Hoax-likeness model: ${examples.length} articles (${hoax} hoax, ${examples.length - hoax} valid) from ${file}`);
  const cv = crossValidateHoax(examples, folds);
  console.log(
    `${folds}-fold cross-validation: accuracy ${pct(cv.accuracy)}  hoax F1 ${pct(cv.f1)}  macro-F1 ${pct(cv.macroF1)}` +
      `  (per fold accuracy: ${cv.perFold.map((f) => pct(f.accuracy)).join(", ")})`,
  );
  const classifier = trainHoax(examples, HOAX_PARAMS, console.log);
  const outDir = values.out ? path.resolve(values.out) : values.write ? HOAX_MODEL_DIR : null;
  if (!outDir) {
    console.log("Model not written (use --write to replace the committed model, or --out DIR).");
    return 0;
  }
  const header = saveModel(classifier.model, outDir, HOAX_MODEL_NAME, {
    data: "Indonesian Hoax News Detection Dataset (Pratiwi, Asmara & Rahutomo 2017; CC BY 4.0), hoax-news.csv",
    texts: examples.length,
    l2: HOAX_PARAMS.l2,
    classBalance: HOAX_PARAMS.classBalance,
    crossValidation: { folds, accuracy: cv.accuracy, f1: cv.f1, macroF1: cv.macroF1 },
  });
  console.log(`Model written to ${outDir} (${header.entries} buckets).`);
  return 0;
}
