import { type ListedItem, NEWSROOM_TYPES, type NewsroomOrg, type NewsroomType, SEARCH_CANDIDATES } from "../newsroom-queries";
import { formatDateTime, formatNumber } from "./format";
import { type Html, highlighted, html } from "./html";
import { absolute, feedPaths, homePath, itemPath, mediaPath, TYPE_LABELS } from "./labels";
import { layout } from "./layout";

export interface HomeFilters {
  q?: string;
  type?: NewsroomType;
  /** The agency chosen among the subtree (its slug). */
  org?: string;
}

export interface HomeView {
  base: string;
  org: NewsroomOrg;
  top: NewsroomOrg | null;
  /** Agencies offered in the filter: the newsroom's direct sub-organizations. */
  agencies: NewsroomOrg[];
  filters: HomeFilters;
  page: number;
  items: ListedItem[];
  hasNext: boolean;
  /** Search only: how many matches were ranked. */
  matches?: number;
}

function query(filters: HomeFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.type) params.set("type", filters.type);
  if (filters.org) params.set("org", filters.org);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function renderHome(v: HomeView): string {
  const home = homePath(v.org, v.top);
  const filtered = Boolean(v.filters.q || v.filters.type || v.filters.org);
  const heading = v.filters.q ? `Hasil pencarian “${v.filters.q}”` : filtered ? "Konten sesuai filter" : "Terbaru";
  const titleParts = [v.filters.q ? `Cari “${v.filters.q}”` : null, v.page > 1 ? `Halaman ${v.page}` : null, `Ruang Berita ${v.org.name}`];
  const main = html`<h1>${v.org.name}</h1>
${filterForm(v, home, filtered)}
<h2 id="daftar">${heading}</h2>
${v.filters.q && v.items.length ? searchCount(v.matches ?? v.items.length) : ""}
${v.items.length ? html`<ol class="items" aria-labelledby="daftar">${v.items.map((item) => listItem(item))}</ol>` : emptyState(v, filtered, home)}
${pager(v, home)}`;
  return layout({
    title: titleParts.filter(Boolean).join(" · "),
    description: `Siaran pers, berita, foto, infografis, video, pengumuman dan klarifikasi resmi dari ${v.org.name}.`,
    // Search results are not for search engines to keep (noindex instead of a canonical).
    canonical: v.filters.q ? undefined : absolute(v.base, `${home}${query(v.filters, v.page)}`),
    org: v.org,
    homeHref: home,
    feedHref: feedPaths(v.org, v.top),
    main,
  });
}

function filterForm(v: HomeView, home: string, filtered: boolean): Html {
  return html`<form class="filters" method="get" action="${home}" role="search" aria-label="Cari dan saring konten">
<label>Kata kunci<input type="search" name="q" value="${v.filters.q ?? ""}" maxlength="100"></label>
<label>Jenis konten<select name="type"><option value="">Semua jenis</option>${NEWSROOM_TYPES.map(
    (t) => html`<option value="${t}"${v.filters.type === t ? html` selected` : ""}>${TYPE_LABELS[t]}</option>`,
  )}</select></label>
${
  v.agencies.length
    ? html`<label>Instansi<select name="org"><option value="">Semua instansi</option>${v.agencies.map(
        (o) => html`<option value="${o.slug}"${v.filters.org === o.slug ? html` selected` : ""}>${o.name}</option>`,
      )}</select></label>`
    : ""
}
<button type="submit">Terapkan</button>
${filtered ? html`<a href="${home}">Hapus filter</a>` : ""}
</form>`;
}

function listItem(item: ListedItem): Html {
  const href = itemPath(item.orgSlug, item.slug);
  const title = item.titleMarked ? highlighted(item.titleMarked) : item.title;
  const text = item.snippet ? highlighted(item.snippet) : item.summary;
  return html`<li>${item.coverAssetId ? html`<img src="${mediaPath(item.coverAssetId, "thumb")}" alt="" width="128" height="88" loading="lazy">` : ""}<div>
<p class="type">${TYPE_LABELS[item.type] ?? item.type}</p>
<h3><a href="${href}">${hoaxLabel(item.type, item.hoaxLabel)}${title}</a></h3>
<p class="meta"><time datetime="${new Date(item.publicFrom).toISOString()}">${formatDateTime(new Date(item.publicFrom), item.timeZone)}</time> · ${item.orgShortName}</p>
${text ? html`<p>${text}</p>` : ""}
</div></li>`;
}

/** "[HOAKS] " before a clarification's title (DOMAIN.md §5): lists carry it too. */
export function hoaxLabel(type: string, label: string | null | undefined): Html | "" {
  const text = (label ?? "").trim();
  if (type !== "klarifikasi" || !text) return "";
  return html`<span class="label">[${text.toUpperCase()}]</span> `;
}

function searchCount(matches: number): Html {
  return matches >= SEARCH_CANDIDATES
    ? html`<p class="meta">Lebih dari ${formatNumber(SEARCH_CANDIDATES)} hasil; yang ditampilkan ${formatNumber(SEARCH_CANDIDATES)} terbaru yang cocok. Tambahkan kata kunci agar lebih tepat.</p>`
    : html`<p class="meta">${formatNumber(matches)} hasil</p>`;
}

function emptyState(v: HomeView, filtered: boolean, home: string): Html {
  if (v.page > 1)
    return html`<p>Tidak ada konten lagi di halaman ini. <a href="${home}${query(v.filters, 1)}">Kembali ke halaman pertama</a>.</p>`;
  if (v.filters.q)
    return html`<p>Tidak ada konten yang cocok dengan pencarian “${v.filters.q}”. Coba kata kunci lain yang lebih umum, atau <a href="${home}">lihat semua konten terbaru</a>.</p>`;
  if (filtered) return html`<p>Belum ada konten dengan filter ini. <a href="${home}">Lihat semua konten terbaru</a>.</p>`;
  return html`<p>Belum ada konten yang diterbitkan di ruang berita ini.</p>`;
}

function pager(v: HomeView, home: string): Html | "" {
  if (v.page === 1 && !v.hasNext) return "";
  return html`<nav class="pages" aria-label="Halaman">
${v.page > 1 ? html`<a rel="prev" href="${home}${query(v.filters, v.page - 1)}">← Sebelumnya</a>` : html`<span></span>`}
<span>Halaman ${v.page}</span>
${v.hasNext ? html`<a rel="next" href="${home}${query(v.filters, v.page + 1)}">Berikutnya →</a>` : html`<span></span>`}
</nav>`;
}
