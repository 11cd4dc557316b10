import { describe, expect, it } from "vitest";
import { OcrFailure, readScan } from "./read-scan";
import { joinLines, tesseractAvailable, textFromTsv } from "./tesseract";
import { renderBlankScan, renderScan, renderScanPdf, SCAN_PARAGRAPH, SCAN_WORDS } from "./test-scans";

// Real tesseract with the Indonesian data: CI installs tesseract-ocr-ind, so a missing
// installation fails these tests instead of skipping them.
const options = { tesseractBin: "tesseract", timeoutMs: 60_000, maxPages: 5 };

const expectWords = (text: string) => {
  for (const word of SCAN_WORDS) expect(text).toContain(word);
};

describe("reading newspaper scans (tesseract, ind)", () => {
  it("has tesseract with the Indonesian language installed", async () => {
    expect(await tesseractAvailable("tesseract")).toBe(true);
    expect(await tesseractAvailable("/nonexistent/tesseract")).toBe(false);
  });

  it.each(["png", "jpeg", "tiff"] as const)(
    "reads the Indonesian paragraph of a %s scan, lines joined into a paragraph",
    async (format) => {
      const progress: [number, number][] = [];
      const result = await readScan(await renderScan(format), `image/${format}`, {
        ...options,
        onProgress: (done, total) => {
          progress.push([done, total]);
        },
      });
      expectWords(result.text);
      expect(result.pages).toBe(1);
      expect(result.confidence).toBeGreaterThan(70);
      expect(progress).toEqual([
        [0, 1],
        [1, 1],
      ]);
    },
    60_000,
  );

  it("renders each page of a scanned PDF with pdftoppm and reports progress per page", async () => {
    const second = ["Dinas Kesehatan Kabupaten Badung menggelar vaksinasi", "massal bagi pelajar sekolah dasar di Mengwi."];
    const pdf = await renderScanPdf([SCAN_PARAGRAPH, second]);
    const progress: number[] = [];
    const result = await readScan(pdf, "application/pdf", { ...options, onProgress: (done) => void progress.push(done) });
    expect(result.pages).toBe(2);
    expect(progress).toEqual([0, 1, 2]);
    expectWords(result.text);
    expect(result.text).toContain("vaksinasi");
    expect(result.text.indexOf("Gianyar")).toBeLessThan(result.text.indexOf("Mengwi"));
    expect(result.confidence).not.toBeNull();
  }, 90_000);

  it("uses a PDF page's own text layer when it has one (exact, no OCR)", async () => {
    const pdf = await renderScanPdf([[...SCAN_PARAGRAPH, ...SCAN_PARAGRAPH]], { textLayer: true });
    const result = await readScan(pdf, "application/pdf", { ...options, tesseractBin: "/nonexistent/tesseract" });
    expectWords(result.text);
    expect(result.confidence).toBeNull();
  });

  it("says clearly why a scan gives no text: blank page, corrupt file, too many pages, OCR missing", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e) => (e instanceof OcrFailure ? e.code : String(e)),
      );
    expect(await code(readScan(await renderBlankScan(), "image/png", options))).toBe("ocr_no_text");
    const png = await renderScan("png");
    expect(await code(readScan(png.subarray(0, 200), "image/png", options))).toBe("ocr_unreadable");
    expect(await code(readScan(Buffer.from("%PDF-1.7\n%garbage\n"), "application/pdf", options))).toBe("ocr_unreadable");
    const pdf = await renderScanPdf([["Satu halaman"], ["Dua halaman"]]);
    expect(await code(readScan(pdf, "application/pdf", { ...options, maxPages: 1 }))).toBe("ocr_too_many_pages");
    expect(await code(readScan(png, "image/png", { ...options, tesseractBin: "/nonexistent/tesseract" }))).toBe("ocr_unavailable");
  }, 60_000);
});

describe("text from tesseract's TSV", () => {
  it("joins lines into paragraphs, drops low-confidence noise, rejoins hyphenated words but not reduplications", () => {
    const row = (block: number, par: number, line: number, word: number, conf: number, text: string) =>
      ["5", "1", block, par, line, word, 0, 0, 10, 10, conf, text].join("\t");
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      row(1, 1, 1, 1, 95, "Warga"),
      row(1, 1, 1, 2, 93, "menyambut"),
      row(1, 1, 1, 3, 90, "pemba-"),
      row(1, 1, 2, 1, 91, "ngunan"),
      row(1, 1, 2, 2, 92, "dengan"),
      row(1, 1, 2, 3, 12, "~'."),
      row(1, 1, 2, 4, 88, "hati-"),
      row(1, 1, 3, 1, 89, "hati."),
      row(2, 1, 1, 1, 97, "Paragraf"),
      row(2, 1, 1, 2, 96, "kedua."),
    ].join("\n");
    const page = textFromTsv(tsv);
    expect(page.text).toBe("Warga menyambut pembangunan dengan hati-hati.\n\nParagraf kedua.");
    expect(page.words).toBe(9);
    expect(page.confidence).toBe(92);
    expect(joinLines("kata ini", "Baru")).toBe("kata ini Baru");
  });
});
