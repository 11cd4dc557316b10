import type { CampaignReport } from "../../../common/schemas/campaigns";
import { CONTENT_STATUSES } from "../../../common/schemas/content";
import { newWorkbook, tableHeader, workbookBuffer } from "../reports/xlsx";

const STATUS_LABELS: Record<string, string> = {
  draft: "Draf",
  returned: "Dikembalikan",
  in_review: "Ditinjau",
  approved: "Disetujui",
  scheduled: "Terjadwal",
  published: "Terbit",
  archived: "Diarsipkan",
};

/** Two sheets: adoption per agency (counts by status), and every published item with its links. */
export async function renderCampaignReportXlsx(report: CampaignReport): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet("Adopsi");
  ws.getCell("A1").value = `Laporan kampanye: ${report.campaign.name}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Periode ${report.campaign.startsOn} s.d. ${report.campaign.endsOn}`;
  ws.getCell("A3").value =
    `Adopsi: ${report.totals.adopted} dari ${report.totals.assigned} instansi (${report.totals.adoptionPercent.toLocaleString("id-ID")}%)`;
  tableHeader(ws, 5, [
    { header: "Instansi", width: 40 },
    ...CONTENT_STATUSES.map((s) => ({ header: STATUS_LABELS[s] ?? s, width: 12 })),
    { header: "Jumlah", width: 10 },
    { header: "Sudah terbit", width: 14 },
  ]);
  report.agencies.forEach((a, i) => {
    ws.getRow(6 + i).values = [
      a.organization.name,
      ...CONTENT_STATUSES.map((s) => a.byStatus[s] ?? 0),
      a.total,
      a.adopted ? "Ya" : "Belum",
    ];
  });
  const totalRow = ws.getRow(6 + report.agencies.length);
  totalRow.values = ["Total", ...CONTENT_STATUSES.map((s) => report.totals.byStatus[s] ?? 0), report.totals.items, report.totals.adopted];
  totalRow.font = { bold: true };

  const items = wb.addWorksheet("Konten terbit");
  tableHeader(items, 1, [
    { header: "Instansi", width: 36 },
    { header: "Judul", width: 50 },
    { header: "Jenis", width: 14 },
    { header: "Terbit", width: 20 },
    { header: "Tautan publik", width: 50 },
    { header: "Kanal", width: 50 },
  ]);
  let row = 2;
  for (const a of report.agencies) {
    for (const item of a.published) {
      items.getRow(row++).values = [
        a.organization.name,
        item.title,
        item.type,
        item.publishedAt ? new Date(item.publishedAt) : "",
        { text: item.publicUrl, hyperlink: item.publicUrl },
        item.publications.map((p) => `${p.platform} (${p.channelName}): ${p.url ?? "-"}`).join("\n"),
      ];
    }
  }
  items.getColumn(4).numFmt = "dd/mm/yyyy hh:mm";
  return workbookBuffer(wb);
}
