import { newWorkbook, tableHeader, workbookBuffer } from "../reports/xlsx";
import { RULE_NAME, type SpjReport, TERM_STATUS_NAME } from "./spj-data";

const RUPIAH_FORMAT = '"Rp"#,##0';

/**
 * The SPJ report as a workbook: one sheet per concern (contracts, publications, terms,
 * eligibility) so the finance office can filter and sum; amounts stay numbers.
 */
export async function renderSpjXlsx(report: SpjReport): Promise<Buffer> {
  const wb = await newWorkbook();

  const contracts = wb.addWorksheet("Kontrak");
  tableHeader(contracts, 1, [
    { header: "Nomor kontrak", width: 22 },
    { header: "Media", width: 26 },
    { header: "Perangkat daerah", width: 28 },
    { header: "Uraian", width: 36 },
    { header: "Bentuk", width: 22 },
    { header: "Nilai (Rp)", width: 16 },
    { header: "Dibayar (Rp)", width: 16 },
    { header: "Kuota", width: 8 },
    { header: "Terpenuhi", width: 10 },
    { header: "Mulai", width: 12 },
    { header: "Selesai", width: 12 },
    { header: "Kode rekening / sub kegiatan", width: 34 },
    { header: "Kelayakan", width: 18 },
    { header: "Alasan pengecualian", width: 40 },
  ]);
  for (const c of report.contracts) {
    const row = contracts.addRow([
      c.number,
      c.outletName,
      c.organizationName,
      c.title,
      c.formLabel,
      c.valueRupiah,
      c.paidRupiah,
      c.quota,
      c.delivered,
      c.periodStart,
      c.periodEnd,
      c.budgetLine,
      c.eligibility.passed ? "Memenuhi syarat" : "Tidak memenuhi",
      c.overrideReason ?? "",
    ]);
    row.getCell(6).numFmt = RUPIAH_FORMAT;
    row.getCell(7).numFmt = RUPIAH_FORMAT;
  }

  const deliverables = wb.addWorksheet("Publikasi");
  tableHeader(deliverables, 1, [
    { header: "Nomor kontrak", width: 22 },
    { header: "Media", width: 26 },
    { header: "Tanggal terbit", width: 14 },
    { header: "Judul", width: 48 },
    { header: "Tautan", width: 48 },
    { header: "Kliping", width: 24 },
    { header: "Tangkapan layar", width: 16 },
  ]);
  for (const c of report.contracts) {
    for (const d of c.deliverables) {
      const row = deliverables.addRow([
        c.number,
        c.outletName,
        d.publishedOn,
        d.title,
        d.link ?? "",
        d.clippingName ?? "",
        d.screenshotKey ? "Ada" : "-",
      ]);
      if (d.link) row.getCell(5).value = { text: d.link, hyperlink: d.link };
    }
  }

  const terms = wb.addWorksheet("Termin");
  tableHeader(terms, 1, [
    { header: "Nomor kontrak", width: 22 },
    { header: "Media", width: 26 },
    { header: "Termin", width: 8 },
    { header: "Jumlah (Rp)", width: 16 },
    { header: "Jatuh tempo", width: 14 },
    { header: "Status", width: 16 },
    { header: "Tanggal bayar", width: 14 },
    { header: "Kelayakan saat bayar", width: 20 },
    { header: "Alasan pengecualian", width: 40 },
  ]);
  for (const c of report.contracts) {
    for (const t of c.terms) {
      const row = terms.addRow([
        c.number,
        c.outletName,
        t.position,
        t.amountRupiah,
        t.dueOn,
        TERM_STATUS_NAME[t.status] ?? t.status,
        t.paidOn ?? "",
        t.eligibility ? (t.eligibility.passed ? "Memenuhi syarat" : "Tidak memenuhi") : "",
        t.overrideReason ?? "",
      ]);
      row.getCell(4).numFmt = RUPIAH_FORMAT;
    }
  }

  const checks = wb.addWorksheet("Kelayakan");
  tableHeader(checks, 1, [
    { header: "Nomor kontrak", width: 22 },
    { header: "Media", width: 26 },
    { header: "Aturan", width: 32 },
    { header: "Hasil", width: 14 },
    { header: "Keterangan", width: 70 },
  ]);
  for (const c of report.contracts) {
    for (const r of c.eligibility.rules) {
      checks.addRow([c.number, c.outletName, RULE_NAME[r.kind] ?? r.kind, r.passed ? "Memenuhi" : "Tidak memenuhi", r.reason]);
    }
  }
  return workbookBuffer(wb);
}
