/** The analytics view as a workbook (one sheet per section) and as a printable PDF with a volume chart. */
import type { AnalyticsView } from "../../../../common/schemas/monitoring-analytics";
import { newWorkbook, tableHeader, workbookBuffer } from "../../reports/xlsx";

const TONE_ID = { positive: "Positif", neutral: "Netral", negative: "Negatif", unrated: "Tanpa sebutan" } as const;

export async function analyticsXlsx(view: AnalyticsView, scopeName: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = (name: string, headers: { header: string; width: number }[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.getCell(1, 1).value = `Analitik pemantauan media — ${scopeName}, ${view.from} s.d. ${view.to}`;
    ws.getCell(1, 1).font = { bold: true };
    tableHeader(ws, 3, headers);
    rows.forEach((r, i) => {
      ws.getRow(4 + i).values = r;
    });
  };
  sheet(
    "Volume & nada",
    [
      { header: "Periode", width: 14 },
      { header: "Total", width: 10 },
      { header: TONE_ID.positive, width: 10 },
      { header: TONE_ID.neutral, width: 10 },
      { header: TONE_ID.negative, width: 10 },
      { header: TONE_ID.unrated, width: 14 },
    ],
    view.volume.map((v) => [v.bucket, v.total, v.positive, v.neutral, v.negative, v.unrated]),
  );
  sheet(
    "Media teratas",
    [
      { header: "Media", width: 36 },
      { header: "Artikel", width: 10 },
      { header: "Negatif", width: 10 },
    ],
    view.topOutlets.map((o) => [o.outlet, o.articles, o.negative]),
  );
  sheet(
    "Cerita teratas",
    [
      { header: "Cerita", width: 70 },
      { header: "Artikel", width: 10 },
      { header: "Media", width: 10 },
    ],
    view.topStories.map((s) => [s.title, s.articles, s.outlets]),
  );
  sheet(
    "Istilah",
    [
      { header: "Istilah", width: 30 },
      { header: "Jumlah", width: 10 },
    ],
    view.topTerms.map((t) => [t.term, t.count]),
  );
  sheet(
    "Share of voice",
    [
      { header: "Perangkat daerah", width: 50 },
      { header: "Artikel", width: 10 },
      { header: "Negatif", width: 10 },
      { header: "Porsi (%)", width: 10 },
    ],
    view.shareOfVoice.map((v) => [v.name, v.mentions, v.negative, Math.round(v.share * 1000) / 10]),
  );
  sheet(
    "Kabupaten-Kota",
    [
      { header: "Kode", width: 8 },
      { header: "Kabupaten/Kota", width: 36 },
      { header: "Artikel", width: 10 },
      { header: "Negatif", width: 10 },
    ],
    view.regions.map((r) => [r.code, r.name, r.articles, r.negative]),
  );
  return workbookBuffer(wb);
}

export async function analyticsPdf(view: AnalyticsView, scopeName: string): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `Analitik pemantauan media - ${scopeName}`, Creator: "Sinergi" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 96;
  doc.font("Helvetica-Bold").fontSize(15).text("Analitik Pemantauan Media");
  doc.font("Helvetica").fontSize(10).text(`${scopeName} — periode ${view.from} s.d. ${view.to}`);
  doc.moveDown(0.5);
  const t = view.tone;
  doc.text(
    `Total ${view.total} artikel: ${TONE_ID.positive} ${t.positive}, ${TONE_ID.neutral} ${t.neutral}, ${TONE_ID.negative} ${t.negative}, ${TONE_ID.unrated} ${t.unrated}.`,
  );
  doc.moveDown();

  // Volume chart: stacked bars (negative red at the bottom, then neutral grey, positive green, unrated light).
  doc.font("Helvetica-Bold").fontSize(11).text("Volume dan nada");
  const chartTop = doc.y + 6;
  const chartHeight = 120;
  const max = Math.max(1, ...view.volume.map((v) => v.total));
  const barW = width / Math.max(1, view.volume.length);
  view.volume.forEach((v, i) => {
    let y = chartTop + chartHeight;
    for (const [key, color] of [
      ["negative", "#d64545"],
      ["neutral", "#9aa0a6"],
      ["positive", "#2f9e44"],
      ["unrated", "#dee2e6"],
    ] as const) {
      const h = (v[key] / max) * chartHeight;
      if (h > 0) doc.rect(48 + i * barW + 1, y - h, Math.max(1, barW - 2), h).fill(color);
      y -= h;
    }
  });
  doc.fillColor("#000000").fontSize(8);
  doc.text(view.volume[0]?.bucket ?? "", 48, chartTop + chartHeight + 4);
  doc.text(view.volume.at(-1)?.bucket ?? "", 48, chartTop + chartHeight + 4, { width, align: "right" });
  doc.text(`maks. ${max}/periode`, 48, chartTop - 2, { width, align: "right" });
  doc.x = 48;
  doc.y = chartTop + chartHeight + 20;

  const table = (title: string, rows: string[]) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(11).text(title, 48);
    doc.font("Helvetica").fontSize(9);
    if (rows.length === 0) doc.fillColor("#666666").text("Tidak ada data.").fillColor("#000000");
    for (const r of rows) doc.text(r, { width });
    doc.moveDown(0.6);
  };
  table(
    "Media teratas",
    view.topOutlets.map((o, i) => `${i + 1}. ${o.outlet} — ${o.articles} artikel (${o.negative} negatif)`),
  );
  table(
    "Cerita teratas",
    view.topStories.map((s, i) => `${i + 1}. ${s.title} — ${s.articles} artikel, ${s.outlets} media`),
  );
  table("Istilah menonjol", [view.topTerms.map((x) => `${x.term} (${x.count})`).join(", ")].filter(Boolean));
  table(
    "Share of voice",
    view.shareOfVoice.map((v) => `${v.name}: ${v.mentions} artikel (${Math.round(v.share * 1000) / 10}%), ${v.negative} negatif`),
  );
  table(
    "Sebaran per kabupaten/kota",
    view.regions.filter((r) => r.articles > 0).map((r) => `${r.name}: ${r.articles} artikel (${r.negative} negatif)`),
  );
  doc.end();
  return done;
}
