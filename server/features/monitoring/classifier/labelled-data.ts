/** Reading labelled text files: `text<TAB>label`, one per line (the SmSA format, and the format of corrections). */
import { readFileSync } from "node:fs";
import type { Example } from "./train-softmax";

export function parseLabelledTsv(content: string, source: string, labels: readonly string[]): Example[] {
  const out: Example[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const tab = line.lastIndexOf("\t");
    const label =
      tab < 0
        ? ""
        : line
            .slice(tab + 1)
            .trim()
            .toLowerCase();
    if (!labels.includes(label)) throw new Error(`${source}:${i + 1}: expected "text<TAB>label" with label ${labels.join(" | ")}`);
    out.push({ text: line.slice(0, tab), label });
  });
  return out;
}

export function readLabelledTsv(file: string, labels: readonly string[]): Example[] {
  return parseLabelledTsv(readFileSync(file, "utf8"), file, labels);
}
