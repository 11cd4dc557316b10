import { JOURNALIST_ROLES } from "../../../../common/media-relations-enums";
import { RSVP_ANSWERS } from "../../../../common/press-events-enums";
import { NEWSROOM_TYPES, type NewsroomOrg, type NewsroomType } from "../../../public-site/newsroom-queries";
import { formatDateTime } from "../../../public-site/render/format";
import { type Html, html, trusted } from "../../../public-site/render/html";
import { feedPaths, TYPE_LABELS } from "../../../public-site/render/labels";
import { type Crumb, layout } from "../../../public-site/render/layout";
import type { RoomSession } from "../journalist-sessions";
import type { RoomEvent, RoomItem } from "../room-queries";
import type { FieldErrors } from "./forms";

/** Media-room pages: the newsroom's look and escaping, Indonesian, no script. */
export const ROOM = "/media-room";

const ROLE_LABELS: Record<(typeof JOURNALIST_ROLES)[number], string> = {
  pemimpin_redaksi: "Pemimpin redaksi",
  redaktur: "Redaktur",
  reporter: "Reporter",
  kontributor: "Kontributor",
};
const RSVP_LABELS: Record<(typeof RSVP_ANSWERS)[number], string> = { hadir: "Hadir", tidak_hadir: "Tidak hadir", mungkin: "Mungkin" };

export interface Frame {
  org: NewsroomOrg;
  top: NewsroomOrg | null;
  session: RoomSession | null;
  /** The CSRF token forms on the page carry. */
  csrf: string;
}

function page(f: Frame, title: string, main: Html, crumbs: Crumb[] = []): string {
  const nav = f.session
    ? html`<nav aria-label="Menu ruang media" class="meta"><a href="${ROOM}">Rilis</a> · <a href="${ROOM}/acara">Acara</a> · <a href="${ROOM}/langganan">Langganan</a> · ${f.session.name} (${f.session.outlet})
<form method="post" action="${ROOM}/keluar">${csrfField(f)}<button type="submit">Keluar</button></form></nav>`
    : html`<nav aria-label="Menu ruang media" class="meta"><a href="${ROOM}/masuk">Masuk</a> · <a href="${ROOM}/daftar">Daftar</a></nav>`;
  return layout({
    title: `${title} · Ruang Media ${f.org.name}`,
    description: `Ruang media ${f.org.name} untuk wartawan terdaftar.`,
    org: f.org,
    homeHref: ROOM,
    feedHref: feedPaths(f.org, f.top),
    section: "Ruang Media",
    crumbs: [{ label: "Ruang Media", href: ROOM }, ...crumbs],
    main: html`${nav}${main}`,
  });
}

const csrfField = (f: Frame) => html`<input type="hidden" name="csrf" value="${f.csrf}">`;

function errorSummary(errors: FieldErrors): Html | string {
  const list = Object.values(errors);
  if (!list.length) return "";
  return html`<div role="alert" class="box" id="galat"><p><strong>Periksa kembali isian berikut:</strong></p><ul>${list.map((m) => html`<li>${m}</li>`)}</ul></div>`;
}

function field(name: string, label: string, errors: FieldErrors, value = "", type = "text", extra: Html | string = ""): Html {
  const err = errors[name];
  return html`<p><label for="${name}">${label}</label><br>
<input id="${name}" name="${name}" type="${type}" value="${type === "password" ? "" : value}" ${err ? trusted(`aria-invalid="true" aria-describedby="${name}-galat"`) : ""} ${extra}>
${err ? html`<br><span class="label" id="${name}-galat">${err}</span>` : ""}</p>`;
}

export function messagePage(f: Frame, title: string, text: string, status?: string): string {
  return page(f, title, html`<h1>${title}</h1><p role="status">${text}</p>${status ? html`<p><a href="${status}">Lanjut</a></p>` : ""}`);
}

export function signInPage(f: Frame, errors: FieldErrors = {}, email = "", notice = ""): string {
  return page(
    f,
    "Masuk",
    html`<h1>Masuk ke Ruang Media</h1>
${notice ? html`<p role="status">${notice}</p>` : ""}${errorSummary(errors)}
<form method="post" action="${ROOM}/masuk">${csrfField(f)}
${field("email", "Email", errors, email, "email", trusted('autocomplete="username" required'))}
${field("password", "Kata sandi", errors, "", "password", trusted('autocomplete="current-password" required'))}
<p><button type="submit">Masuk</button></p></form>
<p><a href="${ROOM}/lupa-sandi">Lupa kata sandi?</a> · Belum punya akun? <a href="${ROOM}/daftar">Daftar sebagai wartawan</a></p>`,
    [{ label: "Masuk" }],
  );
}

export function registerPage(f: Frame, orgs: NewsroomOrg[], errors: FieldErrors = {}, values: Record<string, string> = {}): string {
  const select = (name: string, label: string, options: [string, string][]) => html`<p><label for="${name}">${label}</label><br>
<select id="${name}" name="${name}" required ${errors[name] ? trusted(`aria-invalid="true" aria-describedby="${name}-galat"`) : ""}><option value="">— pilih —</option>${options.map(
    ([v, l]) => html`<option value="${v}" ${values[name] === v ? trusted("selected") : ""}>${l}</option>`,
  )}</select>${errors[name] ? html`<br><span class="label" id="${name}-galat">${errors[name]}</span>` : ""}</p>`;
  return page(
    f,
    "Daftar",
    html`<h1>Daftar sebagai wartawan</h1>
<p>Pendaftaran diperiksa oleh humas instansi yang Anda pilih. Setelah disetujui, Anda dapat membaca siaran pers, termasuk materi berembargo, dan mendaftar ke acara pers.</p>
${errorSummary(errors)}
<form method="post" action="${ROOM}/daftar">${csrfField(f)}
${select(
  "organizationId",
  "Instansi",
  orgs.map((o) => [o.id, `${"— ".repeat(o.depth)}${o.name}`]),
)}
${field("name", "Nama lengkap", errors, values.name, "text", trusted('autocomplete="name" required'))}
${field("email", "Email", errors, values.email, "email", trusted('autocomplete="email" required'))}
${field("outlet", "Nama media", errors, values.outlet, "text", trusted("required"))}
${select(
  "role",
  "Jabatan di media",
  JOURNALIST_ROLES.map((r) => [r, ROLE_LABELS[r]]),
)}
${field("pressCardNumber", "Nomor kartu pers / sertifikat UKW", errors, values.pressCardNumber, "text", trusted("required"))}
${field("phone", "Nomor telepon (08… atau +62…)", errors, values.phone, "tel", trusted('autocomplete="tel" required'))}
${field("password", "Kata sandi (minimal 10 karakter, sulit ditebak)", errors, "", "password", trusted('autocomplete="new-password" required'))}
<p>Data Anda dipakai untuk memeriksa pendaftaran dan mengirimkan informasi pers sesuai UU 27/2022 tentang Pelindungan Data Pribadi.</p>
<p><button type="submit">Kirim pendaftaran</button></p></form>`,
    [{ label: "Daftar" }],
  );
}

export function resetRequestPage(f: Frame, errors: FieldErrors = {}, sent = false): string {
  return page(
    f,
    "Lupa kata sandi",
    html`<h1>Lupa kata sandi</h1>
${sent ? html`<p role="status">Jika email tersebut terdaftar dan aktif, tautan untuk mengatur ulang kata sandi telah dikirim.</p>` : ""}
${errorSummary(errors)}
<form method="post" action="${ROOM}/lupa-sandi">${csrfField(f)}
${field("email", "Email", errors, "", "email", trusted('autocomplete="username" required'))}
<p><button type="submit">Kirim tautan</button></p></form>`,
    [{ label: "Lupa kata sandi" }],
  );
}

export function resetConfirmPage(f: Frame, token: string, errors: FieldErrors = {}): string {
  return page(
    f,
    "Atur ulang kata sandi",
    html`<h1>Atur ulang kata sandi</h1>${errorSummary(errors)}
<form method="post" action="${ROOM}/atur-ulang-sandi">${csrfField(f)}<input type="hidden" name="token" value="${token}">
${field("password", "Kata sandi baru", errors, "", "password", trusted('autocomplete="new-password" required'))}
<p><button type="submit">Simpan kata sandi</button></p></form>`,
    [{ label: "Atur ulang kata sandi" }],
  );
}

/** The embargo notice, in the item organization's zone: "EMBARGO hingga Sabtu, 21 November 2026 10.00 WITA". */
export const embargoNotice = (item: RoomItem) =>
  item.embargoed && item.embargoUntil !== null ? `EMBARGO hingga ${formatDateTime(new Date(item.embargoUntil), item.timeZone)}` : "";

export interface HomeFilter {
  type?: NewsroomType;
  embargoOnly: boolean;
  page: number;
}

function homeQuery(filter: HomeFilter, page: number) {
  const p = new URLSearchParams();
  if (filter.type) p.set("type", filter.type);
  if (filter.embargoOnly) p.set("embargo", "1");
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function homePage(f: Frame, items: RoomItem[], filter: HomeFilter, hasNext: boolean): string {
  const list = items.length
    ? html`<ol class="items" aria-labelledby="daftar">${items.map(
        (item) => html`<li><div>
<p class="type">${TYPE_LABELS[item.type] ?? item.type}${item.embargoed ? html` <strong class="label">${embargoNotice(item)}</strong>` : ""}</p>
<h3><a href="${ROOM}/rilis/${item.id}">${item.title}</a></h3>
<p class="meta">${item.orgName} · ${item.embargoed ? "Terbit otomatis saat embargo berakhir" : formatDateTime(new Date(item.publicFrom), item.timeZone)}</p>
${item.summary ? html`<p>${item.summary}</p>` : ""}</div></li>`,
      )}</ol>`
    : html`<p>${filter.type || filter.embargoOnly ? "Belum ada rilis dengan filter ini." : "Belum ada rilis untuk Anda."}</p>`;
  return page(
    f,
    "Rilis",
    html`<h1>Rilis untuk wartawan</h1>
<form class="filters" method="get" action="${ROOM}" role="search">
<label for="type">Jenis<select id="type" name="type"><option value="">Semua jenis</option>${NEWSROOM_TYPES.map(
      (t) => html`<option value="${t}" ${filter.type === t ? trusted("selected") : ""}>${TYPE_LABELS[t]}</option>`,
    )}</select></label>
<label for="embargo"><span>Hanya embargo</span><input id="embargo" type="checkbox" name="embargo" value="1" ${filter.embargoOnly ? trusted("checked") : ""}></label>
<button type="submit">Terapkan</button></form>
<h2 id="daftar">Daftar rilis</h2>
${list}
<nav class="pages" aria-label="Halaman">${filter.page > 1 ? html`<a href="${ROOM}${homeQuery(filter, filter.page - 1)}" rel="prev">‹ Sebelumnya</a>` : html`<span></span>`}
<span>Halaman ${filter.page}</span>${hasNext ? html`<a href="${ROOM}${homeQuery(filter, filter.page + 1)}" rel="next">Berikutnya ›</a>` : html`<span></span>`}</nav>`,
  );
}

export function itemPage(f: Frame, item: RoomItem, pressKit: boolean, publicUrl: string | null): string {
  const notice = embargoNotice(item);
  return page(
    f,
    item.title,
    html`<article>
${notice ? html`<p role="note" class="box"><strong class="label">${notice}</strong><br>Materi ini belum boleh diberitakan sebelum waktu tersebut. Setiap akses Anda ke materi berembargo dicatat.</p>` : ""}
<p class="type">${TYPE_LABELS[item.type] ?? item.type}</p>
<h1>${item.title}</h1>
<p class="meta">${item.orgName}${item.embargoed ? "" : html` · ${formatDateTime(new Date(item.publicFrom), item.timeZone)}`}</p>
${item.summary ? html`<p class="summary">${item.summary}</p>` : ""}
${trusted(item.bodyHtml)}
${pressKit ? html`<p><a class="kit" href="${ROOM}/rilis/${item.id}/paket-media.zip" download>Unduh paket media (ZIP)</a></p>` : ""}
${publicUrl ? html`<p>Tautan publik: <a href="${publicUrl}">${publicUrl}</a></p>` : ""}
</article>`,
    [{ label: item.title }],
  );
}

export function eventsPage(f: Frame, events: RoomEvent[], canRsvp: boolean, notice = ""): string {
  return page(
    f,
    "Acara pers",
    html`<h1>Acara pers mendatang</h1>${notice ? html`<p role="status">${notice}</p>` : ""}
${
  events.length
    ? html`<ol class="items">${events.map(
        (e) => html`<li><div><h3>${e.title}</h3>
<p class="meta">${e.orgName} · ${formatDateTime(new Date(e.startsAt), e.timeZone)} · ${e.placeAddress}</p>
${e.description ? html`<p>${e.description}</p>` : ""}
${e.rsvp ? html`<p>Jawaban Anda: <strong>${RSVP_LABELS[e.rsvp as keyof typeof RSVP_LABELS] ?? e.rsvp}</strong></p>` : ""}
${
  canRsvp
    ? html`<form method="post" action="${ROOM}/acara/${e.id}/rsvp">${csrfField(f)}<fieldset><legend>Konfirmasi kehadiran</legend>${RSVP_ANSWERS.map(
        (a) =>
          html`<label><input type="radio" name="answer" value="${a}" ${e.rsvp === a ? trusted("checked") : ""} required> ${RSVP_LABELS[a]}</label> `,
      )}<button type="submit">Kirim</button></fieldset></form>`
    : ""
}</div></li>`,
      )}</ol>`
    : html`<p>Belum ada acara pers mendatang.</p>`
}
${canRsvp ? "" : html`<p class="meta">Konfirmasi kehadiran tersedia setelah humas menautkan akun Anda dengan data wartawan.</p>`}`,
    [{ label: "Acara" }],
  );
}

export function subscriptionsPage(
  f: Frame,
  subs: { id: string; kind: string; value: string }[],
  orgs: { id: string; name: string; depth: number }[],
  errors: FieldErrors = {},
): string {
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const label = (s: { kind: string; value: string }) =>
    s.kind === "type"
      ? `Jenis: ${TYPE_LABELS[s.value as NewsroomType] ?? s.value}`
      : `Instansi: ${orgName.get(s.value) ?? "(tidak lagi tersedia)"}`;
  return page(
    f,
    "Langganan",
    html`<h1>Langganan email</h1>
<p>Anda menerima email setiap kali rilis yang sesuai terbit.</p>${errorSummary(errors)}
${
  subs.length
    ? html`<ul>${subs.map(
        (s) =>
          html`<li>${label(s)} <form method="post" action="${ROOM}/langganan/${s.id}/hapus">${csrfField(f)}<button type="submit">Berhenti</button></form></li>`,
      )}</ul>`
    : html`<p>Anda belum berlangganan apa pun.</p>`
}
<h2>Tambah langganan</h2>
<form method="post" action="${ROOM}/langganan" class="filters">${csrfField(f)}<input type="hidden" name="kind" value="organization">
<label for="org">Instansi<select id="org" name="value" required>${orgs.map((o) => html`<option value="${o.id}">${"— ".repeat(o.depth)}${o.name}</option>`)}</select></label>
<button type="submit">Langganan instansi</button></form>
<form method="post" action="${ROOM}/langganan" class="filters">${csrfField(f)}<input type="hidden" name="kind" value="type">
<label for="jenis">Jenis konten<select id="jenis" name="value" required>${NEWSROOM_TYPES.map((t) => html`<option value="${t}">${TYPE_LABELS[t]}</option>`)}</select></label>
<button type="submit">Langganan jenis</button></form>`,
    [{ label: "Langganan" }],
  );
}
