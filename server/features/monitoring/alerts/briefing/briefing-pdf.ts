import { type TimeZoneCode, UTC_OFFSET } from "../../../../../common/roles";
import type { BriefingData } from "./briefing-data";

const MARGIN = 50;
const SEVERITY: Record<string, string> = { rendah: "Rendah", sedang: "Sedang", tinggi: "Tinggi", krisis: "Krisis" };
const STATUS: Record<string, string> = {
  baru: "Baru",
  ditangani: "Ditangani",
  klarifikasi_disiapkan: "Klarifikasi disiapkan",
  dipantau: "Dipantau",
  selesai: "Selesai",
};

/** "22 November 2026 07.00 WITA" in the organization's zone. */
export function localDateTime(d: Date, zone: string): string {
  const offset = UTC_OFFSET[zone as TimeZoneCode] ?? "+07:00";
  const minutes = (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(d.getTime() + minutes * 60_000);
  const date = local.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const time = local.toISOString().slice(11, 16).replace(":", ".");
  return `${date} ${time} ${zone}`;
}

const pct = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : "0%");

/** The daily briefing as an A4 PDF (pdfkit, loaded on first use like the officer report). */
export async function renderBriefingPdf(data: BriefingData): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `Briefing Media Harian - ${data.organization.name} - ${data.day}`, Author: data.organization.name, Creator: "Sinergi" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const zone = data.organization.timeZone;
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).text(text);
    doc.moveDown(0.3).font("Helvetica").fontSize(10);
  };
  doc.font("Helvetica-Bold").fontSize(16).text("Briefing Media Harian");
  doc.font("Helvetica").fontSize(11).text(data.organization.name);
  doc
    .fontSize(9)
    .fillColor("#444")
    .text(`Periode ${localDateTime(data.from, zone)} s.d. ${localDateTime(data.to, zone)}`)
    .fillColor("#000");

  heading("Nada pemberitaan");
  const t = data.tone;
  doc.text(`Total artikel: ${t.total}`);
  doc.text(
    `Positif: ${t.positive} (${pct(t.positive, t.total)})   Netral: ${t.neutral} (${pct(t.neutral, t.total)})   Negatif: ${t.negative} (${pct(t.negative, t.total)})`,
  );

  heading("Berita utama");
  if (data.stories.length === 0) doc.text("Tidak ada pemberitaan dalam 24 jam terakhir.");
  data.stories.forEach((s, i) => {
    doc.font("Helvetica-Bold").text(`${i + 1}. ${s.title}`);
    doc
      .font("Helvetica")
      .fillColor("#444")
      .text(`${s.articles} artikel, ${s.outlets} media, ${s.negative} bernada negatif — ${s.url}`)
      .fillColor("#000");
    doc.moveDown(0.2);
  });

  heading("Isu terbuka");
  if (data.openIssues.length === 0) doc.text("Tidak ada isu terbuka.");
  for (const issue of data.openIssues) {
    const due = `${issue.breached ? "MELEWATI SLA" : "batas"} ${localDateTime(issue.dueAt, zone)}`;
    doc.text(
      `• [${SEVERITY[issue.severity] ?? issue.severity}] ${issue.title} — ${issue.organization}, ${STATUS[issue.status] ?? issue.status}, ${due}`,
    );
  }
  heading("Pemuatan siaran pers");
  if (data.pickups.length === 0) doc.text("Tidak ada siaran pers yang dimuat media dalam 24 jam terakhir.");
  for (const p of data.pickups) {
    const early = p.beforeRelease ? ` — ${p.beforeRelease} tayang sebelum rilis (embargo?)` : "";
    doc.text(`• ${p.release} — dimuat ${p.outlets} media (${p.articles} artikel)${early}`);
  }
  doc.end();
  return done;
}
