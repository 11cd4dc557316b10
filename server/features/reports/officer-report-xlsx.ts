import type { OfficerReportData } from "./officer-report-data";
import { jabatan, jenjangName, monthRange, pangkatGolongan, predikatName, STATUS_NAME } from "./report-format";
import { newWorkbook, tableHeader, workbookBuffer } from "./xlsx";

/** The same data as the PDF, as two sheets a spreadsheet user can sort and sum. */
export async function renderOfficerReportXlsx(data: OfficerReportData): Promise<Buffer> {
  const wb = await newWorkbook();
  const o = data.officer;
  const identity = (title: string): [string, string][] => [
    [title, ""],
    ["Nama", o.name],
    ["NIP", o.nip],
    ["Pangkat/Golongan Ruang", pangkatGolongan(o.golongan)],
    ["Jabatan", jabatan(o.jenjang)],
    ["Unit Kerja", o.unit],
    ["Periode", `${data.period.from} s.d. ${data.period.to}`],
  ];
  const HEADER_ROW = 9;

  const work = wb.addWorksheet("Hasil Kerja");
  identity("Laporan Hasil Kerja").forEach((r, i) => {
    work.getRow(i + 1).values = r;
  });
  work.getRow(1).font = { bold: true, size: 13 };
  tableHeader(work, HEADER_ROW, [
    { header: "No.", width: 6 },
    { header: "Tanggal", width: 12 },
    { header: "Kode", width: 10 },
    { header: "Hasil Kerja", width: 40 },
    { header: "Judul", width: 60 },
    { header: "Bukti", width: 8 },
    { header: "Status", width: 12 },
  ]);
  data.entries.forEach((e, i) => {
    const row = work.getRow(HEADER_ROW + 1 + i);
    row.values = [i + 1, new Date(`${e.date}T00:00:00Z`), e.code, e.type, e.title, e.evidence, STATUS_NAME[e.status] ?? e.status];
    row.getCell(2).numFmt = "dd/mm/yyyy";
  });

  const ak = wb.addWorksheet("Angka Kredit");
  identity("Konversi Predikat Kinerja ke Angka Kredit").forEach((r, i) => {
    ak.getRow(i + 1).values = r;
  });
  ak.getRow(1).font = { bold: true, size: 13 };
  tableHeader(ak, HEADER_ROW, [
    { header: "No.", width: 6 },
    { header: "Periode Penilaian", width: 28 },
    { header: "Bulan Awal", width: 11 },
    { header: "Bulan Akhir", width: 11 },
    { header: "Jenjang", width: 14 },
    { header: "Predikat Kinerja", width: 18 },
    { header: "Persentase", width: 11 },
    { header: "Koefisien", width: 10 },
    { header: "Bulan", width: 8 },
    { header: "Angka Kredit", width: 13 },
  ]);
  data.ratings.forEach((r, i) => {
    ak.getRow(HEADER_ROW + 1 + i).values = [
      i + 1,
      monthRange(r.startMonth, r.endMonth),
      r.startMonth,
      r.endMonth,
      jenjangName(r.jenjang),
      predikatName(r.predikat),
      r.percent,
      r.koefisien,
      r.months,
      r.ak,
    ];
  });
  let next = HEADER_ROW + data.ratings.length + 2;
  const summary: [string, number | null][] = [
    ["AK awal pada jenjang ini", data.ak.akAwal],
    ["AK dari predikat sebelum periode ini", data.ak.before],
    ["AK dari predikat pada periode ini", data.ak.periodTotal],
    [`AK kumulatif per ${data.ak.asOf}`, data.ak.cumulative],
  ];
  if (data.ak.nextPangkat.threshold !== null) {
    summary.push(
      [`AK minimal kenaikan pangkat ke ${data.ak.nextPangkat.target}`, data.ak.nextPangkat.threshold],
      ["Kekurangan AK", data.ak.nextPangkat.remaining],
    );
  }
  for (const [label, value] of summary) {
    const row = ak.getRow(next++);
    row.getCell(2).value = label;
    row.getCell(10).value = value;
    row.font = { bold: true };
  }
  for (let r = HEADER_ROW + 1; r < next; r++) ak.getRow(r).getCell(10).numFmt = "0.00";
  return workbookBuffer(wb);
}
