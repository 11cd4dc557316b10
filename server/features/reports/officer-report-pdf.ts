import type { Letterhead, OfficerReportData, ReportPerson } from "./officer-report-data";
import {
  formatAk,
  jabatan,
  jenjangName,
  longDate,
  monthRange,
  pangkatGolongan,
  predikatName,
  STATUS_NAME,
  shortDate,
} from "./report-format";

type Doc = PDFKit.PDFDocument;

// A4 with the margins of Indonesian official documents (Perka ANRI on tata naskah dinas: ~2 cm).
const MARGIN = { top: 40, bottom: 56, left: 57, right: 57 };
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const LINE = "#000000";
const HEAD_FILL = "#e6e6e6";

interface Column {
  header: string;
  width: number;
  align?: "left" | "center" | "right";
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomLimit = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** Kop surat: emblem on the left, government and agency in capitals, contacts, a double rule. */
function drawLetterhead(doc: Doc, head: Letterhead) {
  const top = MARGIN.top;
  const logoSize = 64;
  const left = MARGIN.left;
  const width = contentWidth(doc);
  if (head.logo) {
    try {
      doc.image(head.logo, left, top, { fit: [logoSize, logoSize], align: "center", valign: "center" });
    } catch {
      // An unreadable stored logo must not cost the officer the report.
    }
  }
  // The text is centred on the page, kept clear of the emblem on both sides.
  const textLeft = left + logoSize + 6;
  const textWidth = width - 2 * (logoSize + 6);
  let y = top;
  if (head.government) {
    doc.font(BOLD).fontSize(13).text(head.government.toUpperCase(), textLeft, y, { width: textWidth, align: "center" });
    y = doc.y;
  }
  doc
    .font(BOLD)
    .fontSize(head.government ? 14 : 15)
    .text(head.agency.toUpperCase(), textLeft, y, { width: textWidth, align: "center" });
  y = doc.y + 1;
  doc.font(FONT).fontSize(8.5);
  if (head.address) {
    doc.text(head.address, textLeft, y, { width: textWidth, align: "center" });
    y = doc.y;
  }
  const contacts = [
    head.phone ? `Telepon ${head.phone}` : null,
    head.email ? `Pos-el ${head.email}` : null,
    head.website ? `Laman ${head.website.replace(/^https?:\/\//, "")}` : null,
  ].filter(Boolean);
  if (contacts.length) {
    doc.text(contacts.join("  |  "), textLeft, y, { width: textWidth, align: "center" });
    y = doc.y;
  }
  y = Math.max(y, top + logoSize) + 5;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(2.2)
    .strokeColor(LINE)
    .stroke();
  doc
    .moveTo(left, y + 3)
    .lineTo(left + width, y + 3)
    .lineWidth(0.7)
    .stroke();
  doc.y = y + 16;
}

function drawTitle(doc: Doc, title: string, data: OfficerReportData) {
  const left = MARGIN.left;
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(12).text(title, left, doc.y, { width, align: "center", underline: true });
  doc.font(FONT).fontSize(10);
  doc.text("PEJABAT FUNGSIONAL PRANATA HUBUNGAN MASYARAKAT", left, doc.y + 2, { width, align: "center" });
  doc.text(`Periode ${longDate(data.period.from)} s.d. ${longDate(data.period.to)}`, { width, align: "center" });
  doc.y += 12;
}

/** Draws a bordered table row by row; a row that does not fit starts a new page under a repeated header. */
function drawTable(doc: Doc, columns: Column[], rows: string[][], opts: { empty?: string; headerRepeat?: boolean } = {}) {
  const left = MARGIN.left;
  const pad = 4;
  const size = 9;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: columns[i].width - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = heightOf(cells, font);
    let x = left;
    const y = doc.y;
    for (const [i, col] of columns.entries()) {
      if (fill) doc.rect(x, y, col.width, h).fillColor(fill).fill();
      doc.rect(x, y, col.width, h).lineWidth(0.6).strokeColor(LINE).stroke();
      doc
        .fillColor("#000000")
        .font(font)
        .fontSize(size)
        .text(cells[i] ?? "", x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? "left" });
      x += col.width;
    }
    doc.y = y + h;
  };
  const header = () =>
    drawRow(
      columns.map((c) => c.header),
      BOLD,
      HEAD_FILL,
    );
  if (
    doc.y +
      heightOf(
        columns.map((c) => c.header),
        BOLD,
      ) +
      20 >
    bottomLimit(doc)
  )
    doc.addPage();
  header();
  if (rows.length === 0 && opts.empty) {
    const total = columns.reduce((s, c) => s + c.width, 0);
    doc.font(FONT).fontSize(size);
    const h = doc.heightOfString(opts.empty, { width: total - 2 * pad }) + 2 * pad;
    const y = doc.y;
    doc.rect(left, y, total, h).lineWidth(0.6).stroke();
    doc.fillColor("#000000").text(opts.empty, left + pad, y + pad, { width: total - 2 * pad, align: "center", oblique: true });
    doc.y = y + h;
  }
  for (const row of rows) {
    if (doc.y + heightOf(row, FONT) > bottomLimit(doc)) {
      doc.addPage();
      doc.y = MARGIN.top;
      if (opts.headerRepeat !== false) header();
    }
    drawRow(row, FONT);
  }
  doc.y += 10;
}

/** Label : value lines without borders, the way a naskah dinas lists identity. */
function drawIdentity(doc: Doc, data: OfficerReportData) {
  const left = MARGIN.left;
  const labelWidth = 130;
  const valueWidth = contentWidth(doc) - labelWidth - 12;
  const o = data.officer;
  const lines: [string, string][] = [
    ["Nama", o.name],
    ["NIP", o.nip],
    ["Pangkat/Golongan Ruang", pangkatGolongan(o.golongan)],
    ["Jabatan", jabatan(o.jenjang)],
    ["Unit Kerja", o.unit],
  ];
  doc.fontSize(10);
  for (const [label, value] of lines) {
    const y = doc.y;
    doc.font(FONT).text(label, left, y, { width: labelWidth });
    doc.text(":", left + labelWidth, y, { width: 10 });
    doc.font(label === "Nama" ? BOLD : FONT).text(value, left + labelWidth + 12, y, { width: valueWidth });
    doc.y = Math.max(doc.y, y + 14) + 1;
  }
  doc.y += 10;
}

function personBlock(doc: Doc, x: number, y: number, width: number, role: string, person: ReportPerson | null) {
  doc.font(FONT).fontSize(10).text(`${role},`, x, y, { width, align: "center" });
  doc.text(person ? jabatan(person.jenjang) : "", x, doc.y, { width, align: "center" });
  const nameY = y + 90;
  if (person) {
    doc.font(BOLD).text(person.name, x, nameY, { width, align: "center", underline: true });
    doc.font(FONT).text(`NIP. ${person.nip}`, x, doc.y, { width, align: "center" });
  } else {
    // No supervisor on record: blank lines to fill in by hand.
    doc.font(FONT).text("(.......................................................)", x, nameY, { width, align: "center" });
    doc.text("NIP. .......................................", x, doc.y, { width, align: "center" });
  }
}

/** Place and date above the right column; the officer signs left, the direct supervisor right. */
function drawSignatures(doc: Doc, data: OfficerReportData) {
  const needed = 150;
  if (doc.y + needed > bottomLimit(doc)) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
  const left = MARGIN.left;
  const colWidth = contentWidth(doc) / 2 - 10;
  const rightX = left + contentWidth(doc) / 2 + 10;
  const y = doc.y + 6;
  const place = data.letterhead.city ? `${data.letterhead.city}, ${longDate(data.date)}` : longDate(data.date);
  doc.font(FONT).fontSize(10).text(place, rightX, y, { width: colWidth, align: "center" });
  const rolesY = doc.y;
  personBlock(doc, left, rolesY, colWidth, "Pejabat Fungsional", data.officer);
  personBlock(doc, rightX, rolesY, colWidth, "Atasan Langsung", data.supervisor);
  doc.y = rolesY + 125;
}

function workReport(doc: Doc, data: OfficerReportData) {
  drawLetterhead(doc, data.letterhead);
  drawTitle(doc, "LAPORAN HASIL KERJA", data);
  drawIdentity(doc, data);
  doc.font(BOLD).fontSize(10).text("Hasil kerja yang telah diverifikasi atasan langsung:", MARGIN.left, doc.y);
  doc.y += 4;
  const w = contentWidth(doc);
  const fixed = 24 + 62 + 140 + 36 + 62;
  drawTable(
    doc,
    [
      { header: "No.", width: 24, align: "center" },
      { header: "Tanggal", width: 62, align: "center" },
      { header: "Hasil Kerja", width: 140 },
      { header: "Judul / Uraian", width: w - fixed },
      { header: "Bukti", width: 36, align: "center" },
      { header: "Status", width: 62, align: "center" },
    ],
    data.entries.map((e, i) => [
      String(i + 1),
      shortDate(e.date),
      `${e.code} ${e.type}`,
      e.title,
      String(e.evidence),
      STATUS_NAME[e.status] ?? e.status,
    ]),
    { empty: "Tidak ada hasil kerja yang disetujui pada periode ini." },
  );
  doc.font(FONT).fontSize(10).text(`Jumlah hasil kerja yang disetujui: ${data.entries.length}`, MARGIN.left, doc.y);
  doc.y += 8;
  drawSignatures(doc, data);
}

function akStatement(doc: Doc, data: OfficerReportData) {
  drawLetterhead(doc, data.letterhead);
  drawTitle(doc, "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT", data);
  drawIdentity(doc, data);
  const w = contentWidth(doc);
  const fixed = 24 + 70 + 72 + 60 + 52 + 36 + 56;
  drawTable(
    doc,
    [
      { header: "No.", width: 24, align: "center" },
      { header: "Periode Penilaian", width: w - fixed },
      { header: "Jenjang", width: 70, align: "center" },
      { header: "Predikat Kinerja", width: 72, align: "center" },
      { header: "Persentase", width: 60, align: "center" },
      { header: "Koefisien per Tahun", width: 52, align: "center" },
      { header: "Bulan", width: 36, align: "center" },
      { header: "Angka Kredit", width: 56, align: "right" },
    ],
    data.ratings.map((r, i) => [
      String(i + 1),
      monthRange(r.startMonth, r.endMonth),
      jenjangName(r.jenjang),
      predikatName(r.predikat),
      r.percent === null ? "-" : `${r.percent}%`,
      formatAk(r.koefisien),
      String(r.months),
      formatAk(r.ak),
    ]),
    { empty: "Belum ada predikat kinerja yang ditetapkan pada periode ini." },
  );
  const ak = data.ak;
  const summary: [string, string][] = [
    ["Angka kredit awal pada jenjang ini (integrasi/konversi sebelumnya)", formatAk(ak.akAwal)],
    ["Angka kredit dari predikat kinerja sebelum periode ini", formatAk(ak.before)],
    ["Angka kredit dari predikat kinerja pada periode ini", formatAk(ak.periodTotal)],
    [`Angka kredit kumulatif per ${longDate(ak.asOf)}`, formatAk(ak.cumulative)],
  ];
  if (ak.nextPangkat.threshold !== null) {
    summary.push(
      [`Angka kredit minimal untuk kenaikan pangkat ke ${ak.nextPangkat.target}`, formatAk(ak.nextPangkat.threshold)],
      ["Kekurangan angka kredit", formatAk(ak.nextPangkat.remaining)],
    );
  }
  drawTable(
    doc,
    [
      { header: "Uraian", width: w - 90 },
      { header: "Angka Kredit", width: 90, align: "right" },
    ],
    summary,
  );
  doc.font(FONT).fontSize(8.5);
  const note = [
    "AK = (jumlah bulan / 12) × persentase predikat kinerja × koefisien per tahun (PermenPANRB 1/2023; Peraturan BKN 3/2023). " +
      "AK kumulatif menjumlahkan predikat pada jenjang saat ini sejak TMT jenjang.",
    ak.note ? `Catatan: angka kredit kumulatif tidak dapat dihitung (${ak.note}).` : null,
  ]
    .filter(Boolean)
    .join("\n");
  doc.text(note, MARGIN.left, doc.y, { width: w });
  doc.y += 8;
  drawSignatures(doc, data);
}

/** Both documents as one PDF: the work report, then the AK conversion statement on a new page. */
export async function renderOfficerReportPdf(data: OfficerReportData): Promise<Buffer> {
  // Loaded on first use: pdfkit and its font metrics cost start-up time every process would pay.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `Laporan Hasil Kerja dan Konversi Angka Kredit - ${data.officer.name}`,
      Author: data.letterhead.agency,
      Subject: `Periode ${data.period.from} s.d. ${data.period.to}`,
      Creator: "Sinergi",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  workReport(doc, data);
  doc.addPage();
  akStatement(doc, data);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 36;
    doc.font(FONT).fontSize(8).fillColor("#444444");
    doc.text(`${data.officer.name} - NIP ${data.officer.nip}`, MARGIN.left, y, { width: contentWidth(doc) / 2, lineBreak: false });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, MARGIN.left + contentWidth(doc) / 2, y, {
      width: contentWidth(doc) / 2,
      align: "right",
      lineBreak: false,
    });
    doc.fillColor("#000000");
  }
  doc.end();
  return done;
}
