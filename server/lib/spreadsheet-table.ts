import { AppError } from "../http/errors";

/** The rows of an uploaded spreadsheet: the operator's row number and the raw cell values. */
export type SheetTable = { row: number; values: unknown[] }[];

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const unsupported = () => new AppError(415, "file_type", { types: "XLSX, CSV" });

/**
 * Reads an uploaded XLSX or CSV, told apart by content (an XLSX is a ZIP; a CSV is UTF-8
 * text), never by the name alone: a text file named .xlsx is refused.
 */
export async function readSpreadsheetTable(data: Buffer, fileName: string, sheetName: string): Promise<SheetTable> {
  if (data.length === 0) throw new AppError(400, "import_empty");
  const named = fileName.toLowerCase();
  let table: SheetTable;
  if (isZip(data)) {
    // A ZIP names its entries in plain text: no workbook part, not a spreadsheet.
    if (!data.includes("xl/workbook")) throw unsupported();
    if (unzippedSize(data) > MAX_UNZIPPED_BYTES) throw new AppError(413, "file_too_large", { mb: MAX_UNZIPPED_BYTES / 1_048_576 });
    table = await readXlsx(data, sheetName);
  } else {
    if (isOle(data) || /\.(xlsx|xlsm|xls)$/.test(named)) throw unsupported();
    table = await readCsv(data);
  }
  return table;
}

/** A 5 MB upload may inflate far beyond that: the workbook is read only below this size. */
const MAX_UNZIPPED_BYTES = 100 * 1_048_576;

/**
 * The sum of the uncompressed sizes the ZIP's central directory declares (a zip bomb guard
 * before exceljs inflates anything). An unreadable directory counts as too large.
 */
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

async function readXlsx(data: Buffer, sheetName: string) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, "import_file_invalid");
  }
  const sheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === sheetName.toLowerCase()) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError(400, "import_empty");
  const table: { row: number; values: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // exceljs rows are 1-based: values[0] is always empty.
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
  // The header decides the separator: Excel in an Indonesian locale writes semicolons.
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const { parse } = await import("csv-parse/sync");
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch {
    throw new AppError(400, "import_file_invalid");
  }
  return records.map((values, i) => ({ row: i + 1, values }));
}
