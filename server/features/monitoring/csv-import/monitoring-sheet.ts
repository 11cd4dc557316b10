import { MONITORING_CSV_COLUMNS, MONITORING_CSV_MAX_ROWS, type MonitoringCsvKey } from "../../../../common/monitoring-intake-enums";
import { AppError } from "../../../http/errors";
import { readSpreadsheetTable } from "../../../lib/spreadsheet-table";

/** One data row: the line it starts on, its cells by field, or why it could not be read. */
export interface MonitoringSheetRow {
  row: number;
  cells: Partial<Record<MonitoringCsvKey, string>>;
  malformed?: { code: "csv_quote_unclosed" | "csv_row_columns"; params?: Record<string, number> };
}

export interface MonitoringSheet {
  rows: MonitoringSheetRow[];
  columns: Record<string, MonitoringCsvKey>;
  ignoredColumns: string[];
}

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[_\-.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const BY_ALIAS = new Map<string, MonitoringCsvKey>(MONITORING_CSV_COLUMNS.flatMap((c) => c.aliases.map((a) => [a, c.key] as const)));

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads an export of another monitoring tool. XLSX goes through the shared spreadsheet reader.
 * CSV is read here record by record, because one broken row (a quote never closed) must not
 * swallow the rest of the file: such a row is reported with its line number and reading
 * resumes on the next line. Meltwater's UTF-16 tab-separated export is read too.
 */
export async function readMonitoringSheet(data: Buffer, fileName: string): Promise<MonitoringSheet> {
  if (data.length === 0) throw new AppError(400, "import_empty");
  let table: { row: number; values: unknown[]; malformed?: MonitoringSheetRow["malformed"] }[];
  if (isZip(data) || /\.(xlsx|xlsm|xls)$/i.test(fileName)) table = await readSpreadsheetTable(data, fileName, "Sheet1");
  else table = await readCsvRecords(decodeText(data));
  const filled = table.filter((r) => r.malformed || r.values.some((v) => cellText(v) !== ""));
  const [header, ...body] = filled;
  if (!header || header.malformed) throw new AppError(400, header ? "import_file_invalid" : "import_empty");
  const headers = header.values.map((v) => cellText(v));
  const keys = headers.map((h) => BY_ALIAS.get(normalizeHeader(h)));
  const missing = MONITORING_CSV_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.aliases[0]);
  if (missing.length) throw new AppError(400, "import_columns_missing", { columns: missing.join(", ") });
  if (body.length === 0) throw new AppError(400, "import_empty");
  if (body.length > MONITORING_CSV_MAX_ROWS) throw new AppError(400, "import_too_many_rows", { max: MONITORING_CSV_MAX_ROWS });
  const columns: Record<string, MonitoringCsvKey> = {};
  const ignoredColumns: string[] = [];
  headers.forEach((h, i) => {
    const key = keys[i];
    if (key && !Object.values(columns).includes(key)) columns[h] = key;
    else if (h) ignoredColumns.push(h);
  });
  const width = headers.length;
  const rows = body.map(({ row, values, malformed }): MonitoringSheetRow => {
    if (malformed) return { row, cells: {}, malformed };
    // Extra cells that hold something: an unquoted comma split a field, so every later field shifted.
    if (values.length > width && values.slice(width).some((v) => cellText(v) !== ""))
      return { row, cells: {}, malformed: { code: "csv_row_columns", params: { found: values.length, expected: width } } };
    const out: MonitoringSheetRow = { row, cells: {} };
    keys.forEach((key, i) => {
      if (!key || out.cells[key]) return;
      const v = values[i];
      out.cells[key] = v instanceof Date ? v.toISOString() : cellText(v);
    });
    return out;
  });
  return { rows, columns, ignoredColumns };
}

function decodeText(data: Buffer): string {
  if (data.includes(0) && !(data[0] === 0xff && data[1] === 0xfe) && !(data[0] === 0xfe && data[1] === 0xff))
    throw new AppError(415, "file_type", { types: "CSV, XLSX" });
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(data.subarray(2));
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(data.subarray(2));
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError(415, "file_type", { types: "CSV (UTF-8), XLSX" });
  }
}

/** A multi-line quoted field longer than this is a quote that was never closed. */
const MAX_RECORD_LINES = 200;

async function readCsvRecords(text: string) {
  const { parse } = await import("csv-parse/sync");
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  const header = lines[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  const delimiter = [",", ";", "\t"].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
  const out: { row: number; values: unknown[]; malformed?: MonitoringSheetRow["malformed"] }[] = [];
  let i = 0;
  while (i < lines.length) {
    // A record ends on the first line where the quotes balance ("" inside a field counts two).
    let j = i;
    let quotes = (lines[i].match(/"/g) ?? []).length;
    while (quotes % 2 === 1 && j + 1 < lines.length && j - i < MAX_RECORD_LINES) {
      j++;
      quotes += (lines[j].match(/"/g) ?? []).length;
    }
    if (quotes % 2 === 1) {
      out.push({ row: i + 1, values: [], malformed: { code: "csv_quote_unclosed" } });
      i++;
      continue;
    }
    const chunk = lines.slice(i, j + 1).join("\n");
    try {
      const [values] = parse(chunk, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
      out.push({ row: i + 1, values: values ?? [] });
    } catch {
      out.push({ row: i + 1, values: [], malformed: { code: "csv_quote_unclosed" } });
    }
    i = j + 1;
  }
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("hyperlink" in o && typeof o.hyperlink === "string" && !("text" in o)) return o.hyperlink;
    if ("text" in o) return cellText(o.text);
    if ("result" in o) return cellText(o.result);
  }
  return "";
}
