import { csvCell } from "../../lib/csv-cell";
import { newWorkbook, tableHeader, workbookBuffer } from "../reports/xlsx";
import type { ContractRow } from "./contract-queries";

/** One column of the contract list export: its header, width in the workbook, and value. */
const COLUMNS: { header: string; width: number; value: (r: ContractRow) => string | number; rupiah?: boolean }[] = [
  { header: "Tahun", width: 8, value: (r) => r.fiscalYear },
  { header: "Nomor", width: 22, value: (r) => r.number },
  { header: "Uraian", width: 36, value: (r) => r.title },
  { header: "Media", width: 26, value: (r) => r.outletName },
  { header: "Perangkat daerah", width: 28, value: (r) => r.organizationName },
  { header: "Bentuk", width: 22, value: (r) => r.formLabel },
  { header: "Nilai", width: 16, value: (r) => r.valueRupiah, rupiah: true },
  { header: "Dibayar", width: 16, value: (r) => r.paidRupiah, rupiah: true },
  { header: "Kuota", width: 8, value: (r) => r.quota },
  { header: "Terpenuhi", width: 10, value: (r) => r.delivered },
  { header: "Mulai", width: 12, value: (r) => r.periodStart },
  { header: "Selesai", width: 12, value: (r) => r.periodEnd },
  { header: "Status", width: 12, value: (r) => r.status },
  {
    header: "Kelayakan",
    width: 16,
    value: (r) => (r.eligibility.passed ? "memenuhi" : r.overrideReason ? "pengecualian" : "tidak memenuhi"),
  },
];

/** The list as CSV (UTF-8 with BOM so Excel reads it; cells guarded against formula injection). */
export function contractListCsv(rows: ContractRow[]): string {
  const quote = (v: string | number) => `"${csvCell(String(v)).replace(/"/g, '""')}"`;
  const lines = [COLUMNS.map((c) => quote(c.header)).join(","), ...rows.map((r) => COLUMNS.map((c) => quote(c.value(r))).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The same list as a workbook: amounts stay numbers (formatted in rupiah) so they can be summed. */
export async function contractListXlsx(rows: ContractRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet("Kontrak");
  tableHeader(ws, 1, COLUMNS);
  for (const r of rows) ws.addRow(COLUMNS.map((c) => c.value(r)));
  COLUMNS.forEach((c, i) => {
    if (c.rupiah) ws.getColumn(i + 1).numFmt = '"Rp"#,##0';
  });
  return workbookBuffer(wb);
}
