import { formatDateTime } from "../../public-site/render/format";
import { escapeHtml } from "../../public-site/render/html";

/** What the release email is made of; the same for every recipient of a send. */
export interface ReleaseSource {
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  embargoUntil: Date | null;
  organizationName: string;
  timeZone: string;
  publicUrl: string;
  pressKitUrl: string | null;
}

/** The shared body of a send (stored with it, so every batch sends the same text). */
export interface SharedMessage {
  html: string;
  text: string;
  embargoUntil: string | null;
}

const embargoLine = (until: Date, tz: string) =>
  `EMBARGO: informasi ini tidak untuk disiarkan atau diterbitkan sebelum ${formatDateTime(until, tz)}.`;

export function defaultSubject(item: Pick<ReleaseSource, "title" | "embargoUntil" | "timeZone">): string {
  return item.embargoUntil
    ? `[EMBARGO s.d. ${formatDateTime(item.embargoUntil, item.timeZone)}] ${item.title}`
    : `Siaran pers: ${item.title}`;
}

/** The release text in HTML (already sanitized by the content studio) and plain text. */
export function composeShared(item: ReleaseSource): SharedMessage {
  const embargo = item.embargoUntil && item.embargoUntil.getTime() > Date.now() ? item.embargoUntil : null;
  const notice = embargo ? embargoLine(embargo, item.timeZone) : null;
  const links = [
    `Baca di situs: ${item.publicUrl}`,
    ...(item.pressKitUrl
      ? [`Paket media (foto dan keterangan)${embargo ? ", tersedia setelah embargo berakhir" : ""}: ${item.pressKitUrl}`]
      : []),
  ];
  const text = [
    ...(notice ? [notice] : []),
    item.title,
    ...(item.summary ? [item.summary] : []),
    item.bodyText.trim(),
    links.join("\n"),
    `${item.organizationName}`,
  ].join("\n\n");
  const html = [
    notice ? `<p style="border:2px solid #c92a2a;padding:8px 12px;color:#c92a2a;font-weight:bold">${escapeHtml(notice)}</p>` : "",
    `<h1 style="font-size:20px">${escapeHtml(item.title)}</h1>`,
    item.summary ? `<p><strong>${escapeHtml(item.summary)}</strong></p>` : "",
    `<div>${item.bodyHtml}</div>`,
    `<p><a href="${escapeHtml(item.publicUrl)}">Baca di situs</a>${
      item.pressKitUrl ? ` · <a href="${escapeHtml(item.pressKitUrl)}">Unduh paket media</a>` : ""
    }</p>`,
    `<p>${escapeHtml(item.organizationName)}</p>`,
  ].join("");
  return { html, text, embargoUntil: embargo?.toISOString() ?? null };
}

/** A recipient's copy: the greeting, the shared body, and the unsubscribe (and pixel) footer. */
export function personalize(shared: SharedMessage, p: { name: string; unsubscribeUrl: string; pixelUrl: string | null }) {
  const greeting = `Yth. Bapak/Ibu ${p.name},`;
  const footer = "Anda menerima email ini karena terdaftar sebagai kontak media dan telah menyetujui penerimaan siaran pers.";
  const text = `${greeting}\n\n${shared.text}\n\n--\n${footer}\nBerhenti berlangganan: ${p.unsubscribeUrl}\n`;
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:680px"><p>${escapeHtml(greeting)}</p>${
    shared.html
  }<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(p.unsubscribeUrl)}">Berhenti berlangganan</a></p>${
    p.pixelUrl ? `<img src="${escapeHtml(p.pixelUrl)}" width="1" height="1" alt="">` : ""
  }</body></html>`;
  return { text, html };
}

/** The WhatsApp-ready text: bold title, lead, link, then the campaign's hashtags (WhatsApp markup). */
export function whatsappMessage(p: {
  title: string;
  summary: string;
  url: string;
  hashtags: string[];
  embargoUntil: Date | null;
  timeZone: string;
}) {
  const tags = p.hashtags.map((h) => (h.startsWith("#") ? h : `#${h}`)).join(" ");
  const embargo = p.embargoUntil && p.embargoUntil.getTime() > Date.now() ? `_${embargoLine(p.embargoUntil, p.timeZone)}_` : null;
  return [embargo, `*${p.title.trim()}*`, p.summary.trim(), p.url, tags].filter(Boolean).join("\n\n");
}
