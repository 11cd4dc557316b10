/**
 * Test scans: an Indonesian news paragraph rendered as a page image with sharp (SVG text →
 * raster), in the formats an officer uploads. A real image, so the OCR tests exercise the real
 * tesseract with its Indonesian data.
 */
export const SCAN_PARAGRAPH = [
  "Pemerintah Provinsi Bali meresmikan jembatan baru",
  "di Kabupaten Gianyar pada hari Senin. Gubernur",
  "mengatakan pembangunan ini mempercepat ekonomi",
  "warga dan memperlancar distribusi hasil pertanian.",
];

/** Words of SCAN_PARAGRAPH an OCR of the page must find. */
export const SCAN_WORDS = ["Pemerintah", "Provinsi", "Bali", "jembatan", "Gianyar", "Gubernur", "pembangunan", "ekonomi", "pertanian"];

const escapeXml = (s: string) => s.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] as string);

function pageSvg(lines: string[], width = 1700, height = 120 + lines.length * 80) {
  const text = lines
    .map((l, i) => `<text x="60" y="${110 + i * 80}" font-family="DejaVu Serif" font-size="44" fill="#111">${escapeXml(l)}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbfaf5"/>${text}</svg>`;
}

export async function renderScan(format: "png" | "jpeg" | "tiff", lines = SCAN_PARAGRAPH): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const image = sharp(Buffer.from(pageSvg(lines)));
  if (format === "png") return image.png().toBuffer();
  if (format === "jpeg") return image.jpeg({ quality: 90 }).toBuffer();
  return image.tiff({ compression: "lzw" }).toBuffer();
}

/** A page with no text at all: blank paper with a little grey noise. */
export async function renderBlankScan(): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({
    create: { width: 1200, height: 900, channels: 3, background: "#f4f2ea", noise: { type: "gaussian", mean: 235, sigma: 6 } },
  })
    .png()
    .toBuffer();
}

/**
 * A PDF like a scanner makes: every page is a picture, no text layer. `textLayer` instead
 * writes the words as PDF text (an e-paper export), which the reader uses without OCR.
 */
export async function renderScanPdf(pages: string[][], opts: { textLayer?: boolean } = {}): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ autoFirstPage: false, size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const lines of pages) {
    doc.addPage();
    if (opts.textLayer) doc.fontSize(12).text(lines.join(" "), 50, 60, { width: 495 });
    else doc.image(await renderScan("png", lines), 30, 40, { width: 535 });
  }
  doc.end();
  return done;
}
