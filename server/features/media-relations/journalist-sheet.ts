import {
  JOURNALIST_IMPORT_MAX_ROWS,
  JOURNALIST_SHEET_COLUMNS,
  JOURNALIST_SHEET_NAME,
  type JournalistSheetKey,
} from "../../../common/media-relations-enums";
import { AppError } from "../../http/errors";
import { csvCell } from "../../lib/csv-cell";

/** One data row of an uploaded sheet, every cell as trimmed text. */
export interface JournalistSheetRow {
  /** The row number the operator sees in the spreadsheet (header = 1). */
  row: number;
  cells: Partial<Record<JournalistSheetKey, string>>;
}
export type JournalistRecord = Record<JournalistSheetKey, string>;

const DATE_KEYS = new Set<JournalistSheetKey>(["ukwCertificateDate", "consentedAt"]);
const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
const BY_HEADER = new Map(JOURNALIST_SHEET_COLUMNS.map((c) => [normalizeHeader(c.header), c.key]));
const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const unsupported = () => new AppError(415, "file_type", { types: "XLSX, CSV" });
/** A 5 MB upload may inflate far beyond that (zip bomb): the declared size is checked first. */
const MAX_UNZIPPED_BYTES = 100 * 1_048_576;

/**
 * Reads an uploaded XLSX or CSV told apart by content, never by name (as the officer import
 * does: an XLSX is a ZIP with a workbook part; a CSV is UTF-8 text without NUL bytes).
 */
export async function readJournalistSheet(data: Buffer, fileName: string): Promise<JournalistSheetRow[]> {
  if (data.length === 0) throw new AppError(400, "import_empty");
  let table: { row: number; values: unknown[] }[];
  if (isZip(data)) {
    if (!data.includes("xl/workbook")) throw unsupported();
    if (unzippedSize(data) > MAX_UNZIPPED_BYTES) throw new AppError(413, "file_too_large", { mb: MAX_UNZIPPED_BYTES / 1_048_576 });
    table = await readXlsx(data);
  } else {
    if (isOle(data) || /\.(xlsx|xlsm|xls)$/.test(fileName.toLowerCase())) throw unsupported();
    table = await readCsv(data);
  }
  return toRows(table);
}

function unzippedSize(zip: Buffer): number {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return Number.POSITIVE_INFINITY;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return Number.POSITIVE_INFINITY;
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

async function readXlsx(data: Buffer) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, "import_file_invalid");
  }
  const sheet =
    workbook.worksheets.find((w) => w.name.trim().toLowerCase() === JOURNALIST_SHEET_NAME.toLowerCase()) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError(400, "import_empty");
  const table: { row: number; values: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    table.push({ row: rowNumber, values: (row.values as unknown[]).slice(1) });
  });
  return table;
}

async function readCsv(data: Buffer) {
  if (data.includes(0)) throw unsupported();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw unsupported();
  }
  text = text.replace(/^\uFEFF/, "");
  // Excel in an Indonesian locale writes semicolons: the header decides the separator.
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const { parse } = await import("csv-parse/sync");
  try {
    const records: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    return records.map((values, i) => ({ row: i + 1, values }));
  } catch {
    throw new AppError(400, "import_file_invalid");
  }
}

function toRows(table: { row: number; values: unknown[] }[]): JournalistSheetRow[] {
  const filled = table.filter((r) => r.values.some((v) => cellText(v) !== ""));
  const [header, ...body] = filled;
  if (!header) throw new AppError(400, "import_empty");
  const keys = header.values.map((v) => BY_HEADER.get(normalizeHeader(cellText(v))));
  const missing = JOURNALIST_SHEET_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  if (missing.length) throw new AppError(400, "import_columns_missing", { columns: missing.join(", ") });
  if (body.length === 0) throw new AppError(400, "import_empty");
  if (body.length > JOURNALIST_IMPORT_MAX_ROWS) throw new AppError(400, "import_too_many_rows", { max: JOURNALIST_IMPORT_MAX_ROWS });
  return body.map(({ row, values }) => {
    const out: JournalistSheetRow = { row, cells: {} };
    keys.forEach((key, i) => {
      if (!key || out.cells[key]) return;
      const v = values[i];
      out.cells[key] = typeof v === "number" && DATE_KEYS.has(key) ? excelSerialDate(v) : unescapeFormula(cellText(v));
    });
    return out;
  });
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in o) return cellText(o.text);
    if ("result" in o) return cellText(o.result);
  }
  return "";
}

function excelSerialDate(n: number): string {
  if (!Number.isFinite(n) || n < 1 || n > 200_000) return String(n);
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Undoes the quote the CSV export puts before a leading =, +, - or @ (so "+62…" survives). */
const unescapeFormula = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);

export async function writeJournalistXlsx(records: JournalistRecord[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sinergi";
  const sheet = workbook.addWorksheet(JOURNALIST_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = JOURNALIST_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === "name" || c.key === "outlet" ? 30 : 18,
    // Phone numbers are text: as numbers Excel drops the leading + or 0.
    style: c.key === "phone" || c.key === "whatsapp" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  // XLSX cells are typed text, but a formula-looking string is still quoted for the spreadsheet user.
  for (const r of records) sheet.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvCell(v)])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Same header, comma separated, UTF-8 with a BOM so that Excel keeps the accents. */
export async function writeJournalistCsv(records: JournalistRecord[]): Promise<string> {
  const { stringify } = await import("csv-stringify/sync");
  const csv = stringify(
    records.map((r) => JOURNALIST_SHEET_COLUMNS.map((c) => csvCell(r[c.key] ?? ""))),
    { header: true, columns: JOURNALIST_SHEET_COLUMNS.map((c) => c.header) },
  );
  return `\uFEFF${csv}`;
}
