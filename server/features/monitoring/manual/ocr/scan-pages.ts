import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { runTool, ToolError } from "./run-tool";

/** The kinds of scan accepted, by the mime file-type reads from the magic bytes. */
export const SCAN_TYPES: Record<string, "image" | "pdf"> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/tiff": "image",
  "application/pdf": "pdf",
};

/** The file is not a readable image or PDF (truncated, damaged, encrypted). */
export class UnreadableScanError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "UnreadableScanError";
  }
}

/** Long side of a page image handed to tesseract: ~300 dpi for an A3 newspaper page is ~5000 px. */
const MAX_SIDE = 5000;
const PDF_DPI = 300;

export interface PagePlan {
  count: number;
  /** Writes page `index` (0-based) as a grayscale PNG into `dir` and returns its path. */
  render(index: number, dir: string): Promise<string>;
  /**
   * The page's own text layer (an e-paper PDF exported by the publisher), when it has one
   * worth using: exact where OCR guesses, and a hundred times faster. null otherwise.
   */
  textLayer(index: number): Promise<string | null>;
}

/** Below this many words a PDF page's text layer is a caption or a header, not the page. */
const TEXT_LAYER_MIN_WORDS = 20;

/**
 * Counts the pages of a scan and renders each on demand, so the job reports progress page by
 * page and never holds every page of a thick PDF in memory at once.
 */
export async function planPages(data: Buffer, mime: string, dir: string, timeoutMs: number): Promise<PagePlan> {
  if (SCAN_TYPES[mime] === "pdf") return planPdf(data, dir, timeoutMs);
  return planImage(data);
}

async function planImage(data: Buffer): Promise<PagePlan> {
  const { default: sharp } = await import("sharp");
  let pages: number;
  try {
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    pages = meta.pages ?? 1;
    // The header alone says nothing of the pixels: decode the first page to find a truncated file.
    await sharp(data, { failOn: "truncated" }).stats();
  } catch {
    throw new UnreadableScanError("image header");
  }
  return {
    count: pages,
    async render(index, dir) {
      const file = path.join(dir, `page-${index + 1}.png`);
      try {
        // rotate(): phone photos of a newspaper carry their orientation in EXIF only.
        const png = await sharp(data, { page: index, failOn: "error" })
          .rotate()
          .grayscale()
          .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
          .png()
          .toBuffer();
        await writeFile(file, png);
      } catch {
        throw new UnreadableScanError(`image page ${index + 1}`);
      }
      return file;
    },
    textLayer: async () => null,
  };
}

async function planPdf(data: Buffer, dir: string, timeoutMs: number): Promise<PagePlan> {
  const source = path.join(dir, "scan.pdf");
  await writeFile(source, data);
  let info: string;
  try {
    info = await runTool("pdfinfo", [source], timeoutMs);
  } catch (err) {
    if (err instanceof ToolError && err.reason === "missing") throw err;
    throw new UnreadableScanError("pdfinfo");
  }
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (!count) throw new UnreadableScanError("no pages");
  return {
    count,
    async render(index, outDir) {
      const prefix = path.join(outDir, `pdf-${index + 1}`);
      const n = String(index + 1);
      try {
        await runTool("pdftoppm", ["-r", String(PDF_DPI), "-gray", "-png", "-f", n, "-l", n, "-singlefile", source, prefix], timeoutMs);
      } catch (err) {
        if (err instanceof ToolError && err.reason === "missing") throw err;
        throw new UnreadableScanError(`pdf page ${n}`);
      }
      const made = (await readdir(outDir)).find((f) => f === `pdf-${n}.png`);
      if (!made) throw new UnreadableScanError(`pdf page ${n}`);
      return path.join(outDir, made);
    },
    async textLayer(index) {
      const n = String(index + 1);
      const text = await runTool("pdftotext", ["-f", n, "-l", n, "-enc", "UTF-8", source, "-"], timeoutMs).catch(() => "");
      const paragraphs = text
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, " ").trim())
        .filter(Boolean);
      const words = paragraphs
        .join(" ")
        .split(" ")
        .filter((w) => /\p{L}{2,}/u.test(w)).length;
      return words >= TEXT_LAYER_MIN_WORDS ? paragraphs.join("\n\n") : null;
    },
  };
}
