import { longDate, shortDate } from "../reports/report-format";
import { RULE_NAME, rupiah, type SpjReport, TERM_STATUS_NAME } from "./spj-data";

type Doc = PDFKit.PDFDocument;
const MARGIN = { top: 50, bottom: 56, left: 57, right: 57 };
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

const width = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;

function heading(doc: Doc, text: string) {
  doc
    .moveDown(0.6)
    .font(BOLD)
    .fontSize(10.5)
    .fillColor("#000000")
    .text(text, MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.2);
}

/** Label–value lines, the label column fixed so the values align as in an official form. */
function fields(doc: Doc, rows: [string, string][]) {
  const labelWidth = 150;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(FONT).fontSize(9.5).text(label, MARGIN.left, y, { width: labelWidth });
    const after = doc.y;
    doc.text(`: ${value}`, MARGIN.left + labelWidth, y, { width: width(doc) - labelWidth });
    doc.y = Math.max(after, doc.y);
  }
}

function contractSection(doc: Doc, c: SpjReport["contracts"][number], index: number) {
  if (doc.y > doc.page.height - 220) doc.addPage();
  heading(doc, `${index + 1}. ${c.outletName} - Kontrak ${c.number}`);
  fields(doc, [
    ["Uraian", c.title],
    ["Bentuk kerja sama", `${c.formLabel} (${c.formCategory === "pemberitaan" ? "pemberitaan" : "non-pemberitaan"})`],
    ["Perangkat daerah", c.organizationName],
    ["Nilai kontrak", rupiah(c.valueRupiah)],
    ["Sudah dibayar", rupiah(c.paidRupiah)],
    ["Kuota publikasi", `${c.delivered} dari ${c.quota} terpenuhi`],
    ["Periode", `${longDate(c.periodStart)} s.d. ${longDate(c.periodEnd)}`],
    ["Kode rekening / sub kegiatan", c.budgetLine],
    ["Wartawan", c.journalists.length ? c.journalists.map((j) => j.name).join(", ") : "-"],
  ]);

  heading(doc, "Hasil pemeriksaan kelayakan");
  doc.font(FONT).fontSize(9.5);
  doc.text(
    `Diperiksa ${longDate(c.eligibility.checkedAt.slice(0, 10))}: ${c.eligibility.passed ? "MEMENUHI SYARAT" : "TIDAK MEMENUHI SYARAT"}`,
  );
  for (const r of c.eligibility.rules) {
    doc.text(`- ${RULE_NAME[r.kind] ?? r.kind}: ${r.passed ? "memenuhi" : "tidak memenuhi"}. ${r.reason}`, { width: width(doc) });
  }
  if (c.overrideReason) {
    doc
      .font(BOLD)
      .text(
        `Dilanjutkan dengan pengecualian oleh ${c.overrideByName ?? "-"}${c.overrideAt ? ` (${longDate(c.overrideAt.toISOString().slice(0, 10))})` : ""}:`,
      )
      .font(FONT)
      .text(c.overrideReason, { width: width(doc) });
  }

  heading(doc, "Bukti publikasi");
  doc.font(FONT).fontSize(9.5);
  if (!c.deliverables.length) doc.text("Belum ada publikasi tercatat.");
  c.deliverables.forEach((d, i) => {
    doc.text(`${i + 1}. ${shortDate(d.publishedOn)} - ${d.title}`, MARGIN.left, doc.y, { width: width(doc) });
    if (d.link)
      doc
        .fillColor("#1a4fa0")
        .text(`   ${d.link}`, { link: d.link, underline: true, width: width(doc) })
        .fillColor("#000000");
    const proof = [
      d.clippingName ? `kliping: ${d.clippingName}` : null,
      d.screenshotKey ? "tangkapan layar terlampir di Sinergi" : null,
    ].filter(Boolean);
    if (proof.length) doc.text(`   ${proof.join("; ")}`);
  });

  heading(doc, "Termin pembayaran");
  doc.font(FONT).fontSize(9.5);
  if (!c.terms.length) doc.text("Tidak ada termin tercatat.");
  for (const t of c.terms) {
    const paid = t.paidOn ? `, dibayar ${longDate(t.paidOn)}` : "";
    doc.text(
      `Termin ${t.position}: ${rupiah(t.amountRupiah)}, jatuh tempo ${longDate(t.dueOn)}, ${TERM_STATUS_NAME[t.status] ?? t.status}${paid}`,
    );
    if (t.eligibility) {
      const failed = t.eligibility.rules.filter((r) => !r.passed);
      doc.text(
        `   Pemeriksaan saat pembayaran: ${t.eligibility.passed ? "memenuhi syarat" : `tidak memenuhi (${failed.map((r) => r.reason).join(" ")})`}`,
        { width: width(doc) },
      );
    }
    if (t.overrideReason) doc.text(`   Pengecualian: ${t.overrideReason}`, { width: width(doc) });
  }
}

/** The SPJ report of paid media cooperation for one fiscal year (one outlet or all), in Indonesian. */
export async function renderSpjPdf(report: SpjReport): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    info: { Title: `Laporan SPJ Kerja Sama Media ${report.fiscalYear}`, Creator: "Sinergi" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font(BOLD).fontSize(13).text("LAPORAN PERTANGGUNGJAWABAN (SPJ)", { align: "center" });
  doc.text(`KERJA SAMA MEDIA TAHUN ANGGARAN ${report.fiscalYear}`, { align: "center" });
  doc.font(FONT).fontSize(10);
  if (report.organizationName) doc.text(report.organizationName, { align: "center" });
  if (report.outletName) doc.text(`Media: ${report.outletName}`, { align: "center" });
  const total = report.contracts.reduce((s, c) => s + c.valueRupiah, 0);
  const paid = report.contracts.reduce((s, c) => s + c.paidRupiah, 0);
  const quota = report.contracts.reduce((s, c) => s + c.quota, 0);
  const delivered = report.contracts.reduce((s, c) => s + c.delivered, 0);
  doc.moveDown(0.8);
  fields(doc, [
    ["Jumlah kontrak", String(report.contracts.length)],
    ["Total nilai kontrak", rupiah(total)],
    ["Total dibayar", rupiah(paid)],
    ["Publikasi terpenuhi", `${delivered} dari ${quota}`],
  ]);
  if (!report.contracts.length) doc.moveDown().text("Tidak ada kontrak pada tahun anggaran ini.");
  report.contracts.forEach((c, i) => {
    contractSection(doc, c, i);
  });
  doc
    .moveDown(2)
    .font(FONT)
    .fontSize(9.5)
    .text(`Dicetak dari Sinergi pada ${longDate(report.printedOn)}.`, MARGIN.left, doc.y);
  doc.end();
  return done;
}
