import type { Worksheet } from "exceljs";
import { JENJANG } from "../../../common/pranata-humas";
import type { RecapData } from "./recap-data";
import { jenjangName, STATUS_NAME } from "./report-format";
import { newWorkbook, tableHeader, workbookBuffer } from "./xlsx";

/** Header rows sit on row 3 of every sheet, under a title and a blank line. */
export const RECAP_HEADER_ROW = 3;
const STATUSES = ["draft", "submitted", "returned", "approved"] as const;

function title(ws: Worksheet, text: string) {
  ws.getRow(1).values = [text];
  ws.getRow(1).font = { bold: true, size: 13 };
}

function totalRow(ws: Worksheet, values: unknown[]) {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.border = { top: { style: "thin" } };
  });
}

const yesNo = (b: boolean) => (b ? "Ya" : "Tidak");

export async function renderRecapXlsx(data: RecapData): Promise<Buffer> {
  const wb = await newWorkbook();
  const suffix = `${data.organization.name} - ${data.year}`;

  const people = wb.addWorksheet("Rekap Pegawai");
  title(people, `Rekap Pranata Humas per Jenjang - ${suffix}`);
  tableHeader(people, RECAP_HEADER_ROW, [
    { header: "Organisasi", width: 60 },
    ...JENJANG.map((j) => ({ header: jenjangName(j), width: 13 })),
    { header: "Jumlah", width: 10 },
  ]);
  for (const o of data.organizations) {
    const row = people.addRow([o.name, ...JENJANG.map((j) => o.byJenjang[j] ?? 0), o.total]);
    row.getCell(1).alignment = { indent: o.level };
  }
  totalRow(people, [
    "Jumlah",
    ...JENJANG.map((j) => data.organizations.reduce((s, o) => s + (o.byJenjang[j] ?? 0), 0)),
    data.organizations.reduce((s, o) => s + o.total, 0),
  ]);

  const logs = wb.addWorksheet("Catatan Kerja");
  title(logs, `Catatan Kerja per Hasil Kerja dan Status - ${suffix}`);
  tableHeader(logs, RECAP_HEADER_ROW, [
    { header: "Kode", width: 10 },
    { header: "Hasil Kerja", width: 50 },
    ...STATUSES.map((s) => ({ header: STATUS_NAME[s], width: 13 })),
    { header: "Jumlah", width: 10 },
  ]);
  for (const t of data.workLogs) logs.addRow([t.code, t.name, ...STATUSES.map((s) => t.byStatus[s] ?? 0), t.total]);
  totalRow(logs, [
    "",
    "Jumlah",
    ...STATUSES.map((s) => data.workLogs.reduce((sum, t) => sum + (t.byStatus[s] ?? 0), 0)),
    data.workLogs.reduce((s, t) => s + t.total, 0),
  ]);

  const queue = wb.addWorksheet("Antrean Verifikasi");
  title(queue, `Antrean Verifikasi per ${data.asOf} - ${data.organization.name}`);
  tableHeader(queue, RECAP_HEADER_ROW, [
    { header: "Organisasi", width: 60 },
    { header: "Menunggu Verifikasi", width: 14 },
    { header: "Diajukan Paling Lama", width: 20 },
    { header: "Umur Terlama (hari)", width: 14 },
  ]);
  for (const q of data.queue) {
    const row = queue.addRow([q.organization, q.waiting, q.oldestSubmittedAt, q.oldestDays]);
    row.getCell(3).numFmt = "dd/mm/yyyy hh:mm";
  }
  totalRow(queue, ["Jumlah", data.queue.reduce((s, q) => s + q.waiting, 0), "", Math.max(0, ...data.queue.map((q) => q.oldestDays))]);

  const ak = wb.addWorksheet("Angka Kredit");
  title(ak, `Angka Kredit Kumulatif per ${data.asOf} - ${data.organization.name}`);
  tableHeader(ak, RECAP_HEADER_ROW, [
    { header: "NIP", width: 21 },
    { header: "Nama", width: 34 },
    { header: "Organisasi", width: 40 },
    { header: "Jenjang", width: 14 },
    { header: "Golongan", width: 10 },
    { header: "AK Kumulatif", width: 12 },
    { header: "Golongan Berikutnya", width: 12 },
    { header: "AK Minimal Pangkat", width: 12 },
    { header: "Kekurangan AK Pangkat", width: 12 },
    { header: "Layak Naik Pangkat", width: 11 },
    { header: "Jenjang Berikutnya", width: 14 },
    { header: "AK Minimal Jenjang", width: 12 },
    { header: "Kekurangan AK Jenjang", width: 12 },
    { header: "Layak Naik Jenjang", width: 11 },
    { header: "Catatan", width: 40 },
  ]);
  for (const p of data.ak) {
    const row = ak.addRow([
      p.nip,
      p.name,
      p.organization,
      jenjangName(p.jenjang),
      p.golongan,
      p.cumulative,
      p.nextPangkat.target,
      p.nextPangkat.threshold,
      p.nextPangkat.remaining,
      yesNo(p.nextPangkat.eligible),
      p.nextJenjang.target ? jenjangName(p.nextJenjang.target) : null,
      p.nextJenjang.threshold,
      p.nextJenjang.remaining,
      yesNo(p.nextJenjang.eligible),
      p.note,
    ]);
    for (const c of [6, 8, 9, 12, 13]) row.getCell(c).numFmt = "0.00";
  }
  return workbookBuffer(wb);
}
