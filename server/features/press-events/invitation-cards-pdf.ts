import type { PressEventView } from "../../../common/schemas/press-events";
import { ianaZone } from "./press-event-queries";

const KIND_LABEL: Record<string, string> = {
  konferensi_pers: "Konferensi Pers",
  media_gathering: "Media Gathering",
  press_tour: "Press Tour",
};
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";

export interface CardGuest {
  name: string;
  outlet: string | null;
  checkInUrl: string;
  rsvpUrl: string;
}

/** "Selasa, 24 November 2026, 09.00–11.00 WITA" in the organization's zone. */
function when(event: PressEventView) {
  const timeZone = ianaZone(event.timeZone);
  const day = new Intl.DateTimeFormat("id-ID", { timeZone, dateStyle: "full" }).format(new Date(event.startsAt));
  const time = (iso: string) => new Intl.DateTimeFormat("id-ID", { timeZone, timeStyle: "short" }).format(new Date(iso));
  return `${day}, ${time(event.startsAt)}–${time(event.endsAt)} ${event.timeZone}`;
}

/**
 * Printable invitation cards, four per A4 page (cut along the lines): the event, the guest's
 * name and outlet, and the QR code the door scans. The QR holds the signed check-in URL.
 */
export async function renderInvitationCards(event: PressEventView, guests: CardGuest[]): Promise<Buffer> {
  // Loaded on first use, like the reports: pdfkit and qrcode cost start-up time otherwise.
  const [{ default: PDFDocument }, QRCode] = await Promise.all([import("pdfkit"), import("qrcode")]);
  const doc = new PDFDocument({ size: "A4", margin: 0, info: { Title: `Kartu undangan - ${event.title}`, Creator: "Sinergi" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const cardW = doc.page.width / 2;
  const cardH = doc.page.height / 2;
  const pad = 28;
  for (let i = 0; i < guests.length; i++) {
    if (i > 0 && i % 4 === 0) doc.addPage();
    const g = guests[i];
    const x = (i % 2) * cardW;
    const y = (Math.floor(i / 2) % 2) * cardH;
    doc.save().dash(4, { space: 4 }).strokeColor("#999999").rect(x, y, cardW, cardH).stroke().restore();
    const w = cardW - 2 * pad;
    doc
      .fillColor("#0a4d8c")
      .font(BOLD)
      .fontSize(9)
      .text(`${KIND_LABEL[event.kind] ?? "Acara Pers"} · ${event.organizationName}`.toUpperCase(), x + pad, y + pad, { width: w });
    doc.moveDown(0.4).fillColor("#1b1f24").font(BOLD).fontSize(13).text(event.title, { width: w });
    doc.moveDown(0.3).font(FONT).fontSize(9).text(when(event), { width: w });
    doc.text(event.placeAddress, { width: w });
    doc.moveDown(0.6).font(FONT).fontSize(8).fillColor("#4a5360").text("Kepada Yth.", { width: w });
    doc.font(BOLD).fontSize(12).fillColor("#1b1f24").text(g.name, { width: w });
    if (g.outlet) doc.font(FONT).fontSize(10).text(g.outlet, { width: w });
    const qr = await QRCode.toBuffer(g.checkInUrl, { errorCorrectionLevel: "M", margin: 1, width: 360 });
    const size = 130;
    doc.image(qr, x + (cardW - size) / 2, y + cardH - pad - size - 34, { width: size, height: size });
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor("#4a5360")
      .text("Tunjukkan kode QR ini kepada petugas registrasi.", x + pad, y + cardH - pad - 28, { width: w, align: "center" })
      .text(`Konfirmasi kehadiran: ${g.rsvpUrl}`, { width: w, align: "center", link: g.rsvpUrl });
  }
  if (!guests.length) doc.font(FONT).fontSize(12).text("Belum ada tamu dalam daftar undangan.", 48, 48);
  doc.end();
  return done;
}
