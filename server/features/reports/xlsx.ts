import type { Workbook, Worksheet } from "exceljs";

/** exceljs on first use only (it is large); it is CommonJS, so its classes sit on `default`. */
export async function newWorkbook(): Promise<Workbook> {
  const mod = (await import("exceljs")) as unknown as { default: typeof import("exceljs"); Workbook?: typeof import("exceljs").Workbook };
  const Ctor = mod.default?.Workbook ?? mod.Workbook;
  if (!Ctor) throw new Error("exceljs: Workbook not found");
  const wb = new Ctor();
  wb.creator = "Sinergi";
  wb.created = new Date();
  return wb;
}

/** A header row in bold on grey, frozen, with an autofilter, and column widths. */
export function tableHeader(ws: Worksheet, row: number, headers: { header: string; width: number }[]) {
  const r = ws.getRow(row);
  headers.forEach((h, i) => {
    r.getCell(i + 1).value = h.header;
    ws.getColumn(i + 1).width = h.width;
  });
  r.font = { bold: true };
  r.alignment = { vertical: "middle", wrapText: true };
  r.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6E6E6" } };
    c.border = { bottom: { style: "thin" } };
  });
  ws.views = [{ state: "frozen", ySplit: row }];
  ws.autoFilter = { from: { row, column: 1 }, to: { row, column: headers.length } };
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
