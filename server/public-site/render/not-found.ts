import type { NewsroomOrg } from "../newsroom-queries";
import { html } from "./html";
import { feedPaths } from "./labels";
import { layout } from "./layout";

/** The newsroom's 404: an HTML page in Indonesian, framed by the top newsroom when there is one. */
export function renderNotFound(top: NewsroomOrg | null): string {
  const main = html`<h1>Halaman tidak ditemukan</h1>
<p>Maaf, halaman yang Anda cari tidak ada, sudah dipindahkan, atau belum diterbitkan.</p>
<p><a href="/">Kembali ke beranda ruang berita</a></p>`;
  if (!top) {
    return `<!doctype html>${html`<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Halaman tidak ditemukan</title></head><body><main>${main}</main></body></html>`}`;
  }
  return layout({
    title: `Halaman tidak ditemukan · ${top.name}`,
    description: "Halaman tidak ditemukan.",
    org: top,
    homeHref: "/",
    feedHref: feedPaths(top, top),
    main,
  });
}
