import {
  OFFICER_IMPORT_MAX_ROWS,
  OFFICER_SHEET_COLUMNS,
  OFFICER_SHEET_NAME,
  type OfficerSheetKey,
} from "../../../common/schemas/officer-import";
import { AppError } from "../../http/errors";

/** One data row of an uploaded sheet, every cell as trimmed text. */
export interface SheetRow {
  /** The row number the operator sees in the spreadsheet (header = 1). */
  row: number;
  cells: Partial<Record<OfficerSheetKey, string>>;
  /** The NIP cell held a number too large to keep all 18 digits. */
  nipAsNumber?: boolean;
}

export type SheetValue = string | number | null;
export type SheetRecord = Record<OfficerSheetKey, SheetValue>;

const DATE_KEYS = new Set<OfficerSheetKey>(["tmtJabatan", "tmtPangkat"]);
const TEXT_KEYS = new Set<OfficerSheetKey>(["nip", "supervisorNip", "phone"]);
const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
const BY_HEADER = new Map(OFFICER_SHEET_COLUMNS.map((c) => [normalizeHeader(c.header), c.key]));

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const unsupported = () => new AppError(415, "file_type", { types: "XLSX, CSV" });

/**
 * Reads an uploaded XLSX or CSV, told apart by content (an XLSX is a ZIP; a CSV is UTF-8
 * text), never by the name alone: a text file named .xlsx is refused.
 */
export async function readOfficerSheet(data: Buffer, fileName: string): Promise<SheetRow[]> {
  if (data.length === 0) throw new AppError(400, "import_empty");
  const named = fileName.toLowerCase();
  let table: { row: number; values: unknown[] }[];
  if (isZip(data)) {
    // A ZIP names its entries in plain text: no workbook part, not a spreadsheet.
    if (!data.includes("xl/workbook")) throw unsupported();
    if (unzippedSize(data) > MAX_UNZIPPED_BYTES) throw new AppError(413, "file_too_large", { mb: MAX_UNZIPPED_BYTES / 1_048_576 });
    table = await readXlsx(data);
  } else {
    if (isOle(data) || /\.(xlsx|xlsm|xls)$/.test(named)) throw unsupported();
    table = await readCsv(data);
  }
  return toRows(table);
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

async function readXlsx(data: Buffer) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, "import_file_invalid");
  }
  const sheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === OFFICER_SHEET_NAME.toLowerCase()) ?? workbook.worksheets[0];
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

function toRows(table: { row: number; values: unknown[] }[]): SheetRow[] {
  const filled = table.filter((r) => r.values.some((v) => cellText(v) !== ""));
  const [header, ...body] = filled;
  if (!header) throw new AppError(400, "import_empty");
  const keys = header.values.map((v) => BY_HEADER.get(normalizeHeader(cellText(v))));
  const missing = OFFICER_SHEET_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  if (missing.length) throw new AppError(400, "import_columns_missing", { columns: missing.join(", ") });
  if (body.length === 0) throw new AppError(400, "import_empty");
  if (body.length > OFFICER_IMPORT_MAX_ROWS) throw new AppError(400, "import_too_many_rows", { max: OFFICER_IMPORT_MAX_ROWS });
  return body.map(({ row, values }) => {
    const out: SheetRow = { row, cells: {} };
    keys.forEach((key, i) => {
      if (!key || out.cells[key]) return;
      const v = values[i];
      if (typeof v === "number" && (key === "nip" || key === "supervisorNip") && !Number.isSafeInteger(v)) out.nipAsNumber = true;
      out.cells[key] = typeof v === "number" && DATE_KEYS.has(key) ? excelSerialDate(v) : unescapeFormula(cellText(v));
    });
    return out;
  });
}

/** The text of an exceljs cell value (plain, rich text, hyperlink, formula result, date). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return String(v);
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

/** Excel's day count (1900 system, as written by Excel and LibreOffice) to YYYY-MM-DD. */
function excelSerialDate(n: number): string {
  if (!Number.isFinite(n) || n < 1 || n > 200_000) return String(n);
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Undoes the quote the CSV export puts before a leading =, +, - or @ (so "+62…" survives). */
const unescapeFormula = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);
const escapeFormula = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The XLSX the export and the template share; a second sheet lists the organization codes. */
export async function writeOfficerXlsx(records: SheetRecord[], organizations: { slug: string; name: string }[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sinergi";
  const sheet = workbook.addWorksheet(OFFICER_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = OFFICER_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === "name" ? 36 : c.key === "nip" || c.key === "supervisorNip" ? 22 : 18,
    // NIPs and phone numbers are text: as numbers Excel would round the 18 digits away.
    style: TEXT_KEYS.has(c.key) ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of records) sheet.addRow(r);
  const codes = workbook.addWorksheet("Kode organisasi");
  codes.columns = [
    { header: "Kode organisasi", key: "slug", width: 28 },
    { header: "Nama organisasi", key: "name", width: 60 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const o of organizations) codes.addRow(o);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV: same header, comma separated, UTF-8 with a BOM so that Excel keeps the accents. */
export async function writeOfficerCsv(records: SheetRecord[]): Promise<string> {
  const { stringify } = await import("csv-stringify/sync");
  const csv = stringify(
    records.map((r) => OFFICER_SHEET_COLUMNS.map((c) => escapeFormula(r[c.key] === null ? "" : String(r[c.key])))),
    { header: true, columns: OFFICER_SHEET_COLUMNS.map((c) => c.header) },
  );
  return `\uFEFF${csv}`;
}
