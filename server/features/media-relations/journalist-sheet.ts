import {
  JOURNALIST_IMPORT_MAX_ROWS,
  JOURNALIST_SHEET_COLUMNS,
  JOURNALIST_SHEET_NAME,
  type JournalistSheetKey,
} from "../../../common/media-relations-enums";
import { AppError } from "../../http/errors";
import { csvCell } from "../../lib/csv-cell";
import { readSpreadsheetTable } from "../../lib/spreadsheet-table";

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
/** Reads an uploaded XLSX or CSV (told apart by content, see lib/spreadsheet-table.ts). */
export async function readJournalistSheet(data: Buffer, fileName: string): Promise<JournalistSheetRow[]> {
  return toRows(await readSpreadsheetTable(data, fileName, JOURNALIST_SHEET_NAME));
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
