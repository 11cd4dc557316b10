import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { planPages, UnreadableScanError } from "./scan-pages";
import { recognizePage, ToolError } from "./tesseract";

/** Why a scan gave no text; each is an error code in common/i18n/errors.ts. */
export type OcrFailureCode = "ocr_unavailable" | "ocr_unreadable" | "ocr_no_text" | "ocr_timeout" | "ocr_too_many_pages";

export class OcrFailure extends Error {
  constructor(
    readonly code: OcrFailureCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "OcrFailure";
  }
}

export interface ReadScanOptions {
  tesseractBin: string;
  /** Per page (rendering and recognition each). */
  timeoutMs: number;
  maxPages: number;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

export interface ScanText {
  text: string;
  pages: number;
  /** Mean word confidence over OCR'd pages (null when every page came from a PDF text layer). */
  confidence: number | null;
}

/** A page counts as read with at least this many confident words (a headline has more). */
const MIN_WORDS = 3;

/**
 * Reads the text of a newspaper scan, page by page: a PDF page's own text layer when it has
 * one, OCR in Indonesian otherwise. Work files live in a private temporary directory removed
 * afterwards, whatever happens.
 */
export async function readScan(data: Buffer, mime: string, options: ReadScanOptions): Promise<ScanText> {
  const dir = await mkdtemp(path.join(tmpdir(), "sinergi-ocr-"));
  try {
    const plan = await planPages(data, mime, dir, options.timeoutMs);
    if (plan.count > options.maxPages) throw new OcrFailure("ocr_too_many_pages", { max: options.maxPages, pages: plan.count });
    await options.onProgress?.(0, plan.count);
    const texts: string[] = [];
    const confidences: { conf: number; words: number }[] = [];
    for (let i = 0; i < plan.count; i++) {
      const layer = await plan.textLayer(i);
      if (layer) texts.push(layer);
      else {
        const image = await plan.render(i, dir);
        const page = await recognizePage(options.tesseractBin, image, options.timeoutMs);
        await rm(image, { force: true });
        if (page.words >= MIN_WORDS) {
          texts.push(page.text);
          if (page.confidence !== null) confidences.push({ conf: page.confidence, words: page.words });
        }
      }
      await options.onProgress?.(i + 1, plan.count);
    }
    if (texts.length === 0) throw new OcrFailure("ocr_no_text");
    const words = confidences.reduce((s, c) => s + c.words, 0);
    const confidence = words ? Math.round(confidences.reduce((s, c) => s + c.conf * c.words, 0) / words) : null;
    return { text: texts.join("\n\n"), pages: plan.count, confidence };
  } catch (err) {
    throw asOcrFailure(err);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Opens a scan just far enough to count its pages, so an upload that is damaged or too long is
 * refused at once (a clear 4xx on the upload) instead of failing later in the job.
 */
export async function countScanPages(data: Buffer, mime: string, timeoutMs: number): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "sinergi-ocr-"));
  try {
    return (await planPages(data, mime, dir, timeoutMs)).count;
  } catch (err) {
    throw asOcrFailure(err);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function asOcrFailure(err: unknown): unknown {
  if (err instanceof OcrFailure) return err;
  if (err instanceof UnreadableScanError) return new OcrFailure("ocr_unreadable");
  if (err instanceof ToolError) {
    if (err.reason === "missing") return new OcrFailure("ocr_unavailable");
    if (err.reason === "timeout") return new OcrFailure("ocr_timeout");
    // tesseract exits non-zero on an image leptonica cannot decode.
    return new OcrFailure("ocr_unreadable");
  }
  return err;
}
