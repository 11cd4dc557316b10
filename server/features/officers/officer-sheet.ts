import {
  OFFICER_IMPORT_MAX_ROWS,
  OFFICER_SHEET_COLUMNS,
  OFFICER_SHEET_NAME,
  type OfficerSheetKey,
} from "../../../common/schemas/officer-import";
import { AppError } from "../../http/errors";
import { readSpreadsheetTable } from "../../lib/spreadsheet-table";

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

/** Reads an uploaded XLSX or CSV (told apart by content, see lib/spreadsheet-table.ts). */
export async function readOfficerSheet(data: Buffer, fileName: string): Promise<SheetRow[]> {
  return toRows(await readSpreadsheetTable(data, fileName, OFFICER_SHEET_NAME));
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
