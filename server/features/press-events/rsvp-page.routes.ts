import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { RSVP_ANSWERS, type RsvpAnswer } from "../../../common/press-events-enums";
import { AppError } from "../../http/errors";
import { PUBLIC_ROUTE } from "../../public-site/public-route";
import { type Html, html, trusted } from "../../public-site/render/html";
import { invitationByRsvpToken, MAX_CREW, type RsvpPageData, rsvpByToken, rsvpClosed } from "./commands/rsvp";
import { ianaZone } from "./press-event-queries";

const CSS = `body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;border-top:4px solid #0a4d8c}
h1{font-size:1.4rem;line-height:1.3;margin:.25rem 0 1rem}.meta{color:#4a5360;margin:.25rem 0}.kind{font-weight:700;text-transform:uppercase;font-size:.8rem;color:#0a4d8c}
fieldset{border:1px solid #d5dae1;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}label{display:block;margin:.35rem 0}
input,button{font:inherit}input[type=number]{width:5rem;padding:.3rem}button{background:#0a4d8c;color:#fff;border:0;border-radius:.375rem;padding:.5rem 1.25rem;cursor:pointer}
.note{background:#e7f3ec;border-left:4px solid #1a7f4b;padding:.5rem .75rem}.warn{background:#fdecec;border-left:4px solid #a1001e;padding:.5rem .75rem}
a{color:#0a4d8c}`;
const CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const KIND: Record<string, string> = { konferensi_pers: "Konferensi pers", media_gathering: "Media gathering", press_tour: "Press tour" };
const ANSWER: Record<RsvpAnswer, string> = { hadir: "Hadir", tidak_hadir: "Tidak hadir", mungkin: "Mungkin hadir" };

function page(reply: FastifyReply, status: number, title: string, main: Html) {
  const body = `<!doctype html>${html`<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${trusted(CSS)}</style></head><body><main>${main}</main></body></html>`}`;
  return reply
    .code(status)
    .header("content-security-policy", CSP)
    .header("cache-control", "private, no-store")
    .header("referrer-policy", "no-referrer")
    .type("text/html; charset=utf-8")
    .send(body);
}

function when(d: RsvpPageData) {
  const zone = ianaZone(d.timeZone);
  const date = new Intl.DateTimeFormat("id-ID", { timeZone: zone, dateStyle: "full" }).format(d.event.startsAt);
  const time = (t: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: zone, timeStyle: "short" }).format(t);
  return `${date}, ${time(d.event.startsAt)}–${time(d.event.endsAt)} ${d.timeZone}`;
}

function eventBlock(d: RsvpPageData) {
  const e = d.event;
  return html`<p class="kind">${KIND[e.kind] ?? "Acara pers"} · ${d.organizationName}</p>
<h1>${e.title}</h1>
<p class="meta">${when(d)}</p>
<p class="meta">${e.placeAddress}${e.placeMapUrl ? html` · <a href="${e.placeMapUrl}" rel="noopener noreferrer">Peta lokasi</a>` : ""}</p>
${e.speakers.length ? html`<p class="meta">Narasumber: ${e.speakers.map((s, i) => html`${i ? ", " : ""}${s.name} (${s.position})`)}</p>` : ""}
<p>Kepada Yth. <strong>${d.invitation.guestName}</strong>${d.invitation.guestOutlet ? html`, ${d.invitation.guestOutlet}` : ""}</p>`;
}

function form(d: RsvpPageData, error?: string) {
  const current = d.invitation.rsvp as RsvpAnswer | null;
  return html`${error ? html`<p class="warn" role="alert">${error}</p>` : ""}
${current ? html`<p class="note">Jawaban Anda saat ini: <strong>${ANSWER[current]}</strong>${current === "hadir" && d.invitation.rsvpCrew ? html` bersama ${d.invitation.rsvpCrew} kru` : ""}. Anda dapat mengubahnya.</p>` : ""}
<form method="post">
<fieldset><legend>Konfirmasi kehadiran</legend>
${RSVP_ANSWERS.map((a) => html`<label><input type="radio" name="jawaban" value="${a}" ${current === a ? html`checked` : ""} required> ${ANSWER[a]}</label>`)}
<label>Jumlah kru yang ikut (juru kamera, fotografer), bila hadir: <input type="number" name="kru" min="0" max="${MAX_CREW}" value="${d.invitation.rsvpCrew ?? 0}"></label>
</fieldset>
<button type="submit">Kirim jawaban</button>
</form>`;
}

const closedPage = (reply: FastifyReply, d: RsvpPageData) =>
  page(
    reply,
    410,
    "Undangan sudah ditutup",
    html`${eventBlock(d)}<p class="warn">Acara ini sudah ${d.event.status === "cancelled" ? "dibatalkan" : "berlalu"}; undangan tidak dapat dijawab lagi.</p>`,
  );
const notFoundPage = (reply: FastifyReply) =>
  page(
    reply,
    404,
    "Undangan tidak ditemukan",
    html`<h1>Undangan tidak ditemukan</h1><p>Tautan undangan ini tidak valid. Periksa kembali tautan pada email atau pesan undangan Anda.</p>`,
  );

/**
 * The public RSVP page behind the link in an invitation (`/rsvp/<token>`): server-rendered, in
 * Indonesian, a plain form that works without JavaScript. No session is read or set.
 */
export async function rsvpPagePlugin(app: FastifyInstance) {
  const { db, env } = app.services;
  // Only this plugin reads HTML form posts; the API stays JSON-only.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 2048 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const load = async (token: string) =>
    invitationByRsvpToken(db, env, token).catch((err) => (err instanceof AppError ? null : Promise.reject(err)));

  app.get<{ Params: { token: string } }>("/rsvp/:token", PUBLIC_ROUTE, async (request, reply) => {
    const d = await load(request.params.token);
    if (!d) return notFoundPage(reply);
    if (rsvpClosed(d)) return closedPage(reply, d);
    return page(reply, 200, `Undangan: ${d.event.title}`, html`${eventBlock(d)}${form(d)}`);
  });

  app.post<{ Params: { token: string }; Body: Record<string, string> | undefined }>(
    "/rsvp/:token",
    PUBLIC_ROUTE,
    async (request, reply) => {
      const d = await load(request.params.token);
      if (!d) return notFoundPage(reply);
      if (rsvpClosed(d)) return closedPage(reply, d);
      const answer = request.body?.jawaban as RsvpAnswer | undefined;
      const crewText = (request.body?.kru ?? "0").trim() || "0";
      const crew = Number(crewText);
      if (!answer || !RSVP_ANSWERS.includes(answer)) {
        return page(
          reply,
          400,
          `Undangan: ${d.event.title}`,
          html`${eventBlock(d)}${form(d, "Pilih salah satu jawaban: hadir, tidak hadir, atau mungkin.")}`,
        );
      }
      if (!/^\d{1,2}$/.test(crewText) || crew > MAX_CREW) {
        return page(
          reply,
          400,
          `Undangan: ${d.event.title}`,
          html`${eventBlock(d)}${form(d, `Jumlah kru harus angka 0 sampai ${MAX_CREW}.`)}`,
        );
      }
      const saved = await db
        .transaction((tx) => rsvpByToken(tx, env, request.params.token, answer, crew))
        .catch((err) => (err instanceof AppError && err.status === 410 ? null : Promise.reject(err)));
      if (!saved) return closedPage(reply, d);
      return page(
        reply,
        200,
        "Terima kasih",
        html`${eventBlock(saved)}<p class="note" role="status">Terima kasih, jawaban Anda sudah kami terima: <strong>${ANSWER[answer]}</strong>${answer === "hadir" && crew ? html` bersama ${crew} kru` : ""}.</p>${answer === "tidak_hadir" ? "" : html`<p>Tunjukkan kartu undangan atau sebutkan nama Anda di meja registrasi.</p>`}${form(saved)}`,
      );
    },
  );
}
