/**
 * A news page as Indonesian regional news sites build them: a head full of meta tags, JSON-LD,
 * inline scripts and styles, a mega-menu, trending and "baca juga" boxes, ads, a comment block
 * and a long footer around the article. `chromeRepeat` grows the chrome (≈ 100 KB pages for the
 * extraction benchmark at about 6).
 */

export interface PageOutlet {
  name: string;
  host: string;
  origin: string;
}

export interface PageArticle {
  title: string;
  author: string;
  publishedAt: string;
  paragraphs: string[];
  image: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SECTIONS = [
  "Nasional",
  "Daerah",
  "Pemerintahan",
  "Politik",
  "Hukum",
  "Ekonomi",
  "Pariwisata",
  "Olahraga",
  "Pendidikan",
  "Kesehatan",
  "Opini",
  "Video",
];
const TRENDING = [
  "Harga Cabai Rawit di Pasar Badung Naik Dua Kali Lipat Jelang Galungan",
  "Gubernur Resmikan Jalan Lingkar Utara, Warga Sambut Gembira",
  "Bupati Minta OPD Percepat Serapan Anggaran Triwulan Ketiga",
  "Hujan Deras, Sejumlah Ruas Jalan di Denpasar Tergenang",
  "Festival Budaya Nusantara Digelar Akhir Pekan Ini di Lapangan Renon",
  "Dinas Kesehatan Gelar Vaksinasi Gratis di Puskesmas Kecamatan",
  "Pemkab Siapkan Beasiswa untuk Mahasiswa Berprestasi",
  "Polda Imbau Warga Waspada Penipuan Berkedok Bantuan Sosial",
];

function chrome(outlet: PageOutlet, repeat: number, seed: number) {
  const menu = SECTIONS.map(
    (s) =>
      `<li class="menu-item menu-item-type-taxonomy"><a href="${outlet.origin}/kanal/${s.toLowerCase()}" class="nav-link">${s}</a>
      <ul class="sub-menu">${TRENDING.slice(0, 4)
        .map((t, i) => `<li><a href="${outlet.origin}/kanal/${s.toLowerCase()}/${i}">${esc(t.slice(0, 30))}</a></li>`)
        .join("")}</ul></li>`,
  ).join("\n");
  const box = (title: string, k: number) =>
    `<div class="widget widget-popular"><h3 class="widget-title">${title}</h3><ol>${TRENDING.map(
      (t, i) =>
        `<li class="popular-item"><a href="${outlet.origin}/berita/populer-${seed}-${k}-${i}"><img src="${outlet.origin}/img/thumb-${i}.jpg" alt="" width="80" height="60" loading="lazy"><span class="popular-title">${esc(t)}</span></a><span class="meta">${i + 2} jam lalu</span></li>`,
    ).join("")}</ol></div>`;
  const boxes = Array.from({ length: repeat }, (_, k) => box(k % 2 ? "Terpopuler" : "Berita Terkini", k)).join("\n");
  const related = `<div class="baca-juga"><strong>Baca Juga:</strong><ul>${TRENDING.slice(0, 3)
    .map((t, i) => `<li><a href="${outlet.origin}/berita/terkait-${i}">${esc(t)}</a></li>`)
    .join("")}</ul></div>`;
  const ads = `<div class="ads ads-300x250" data-slot="div-gpt-ad-${seed}"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-${seed}");});</script></div>`;
  const style = `<style>${Array.from({ length: repeat * 6 }, (_, i) => `.c${i}{margin:0 ${i}px;padding:${i % 7}px;color:#${(i * 4097).toString(16).padStart(6, "0").slice(0, 6)}}`).join("")}</style>`;
  const script = `<script>window.dataLayer=window.dataLayer||[];${Array.from({ length: repeat * 4 }, (_, i) => `dataLayer.push({"event":"pv${i}","kanal":"daerah","id":${seed * 100 + i}});`).join("")}</script>`;
  return { menu, boxes, related, ads, style, script };
}

export function renderArticlePage(
  outlet: PageOutlet,
  article: PageArticle,
  url: string,
  opts: { chromeRepeat?: number; seed?: number; charset?: string } = {},
) {
  const repeat = opts.chromeRepeat ?? 1;
  const c = chrome(outlet, repeat, opts.seed ?? 1);
  const ld = JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: outlet.name, url: outlet.origin },
      {
        "@type": "NewsArticle",
        headline: article.title,
        datePublished: article.publishedAt,
        author: [{ "@type": "Person", name: article.author }],
        image: [article.image],
        publisher: { "@type": "Organization", name: outlet.name },
        mainEntityOfPage: url,
      },
    ],
  });
  const body = article.paragraphs.map((p, i) => (i === 2 ? `<p>${esc(p)}</p>\n${c.related}\n${c.ads}` : `<p>${esc(p)}</p>`)).join("\n");
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="${opts.charset ?? "utf-8"}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(article.title)} - ${esc(outlet.name)}</title>
<meta name="description" content="${esc(article.paragraphs[0]?.slice(0, 160) ?? "")}">
<meta name="author" content="${esc(article.author)}">
<link rel="canonical" href="${esc(url)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="og:title" content="${esc(article.title)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:image" content="${esc(article.image)}">
<meta property="article:published_time" content="${article.publishedAt}">
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">${ld}</script>
${c.style}
${c.script}
</head>
<body class="single single-post">
<header class="site-header"><div class="topbar"><span class="date">Minggu, 22 November 2026</span><a href="${outlet.origin}/indeks">Indeks Berita</a> <a href="${outlet.origin}/redaksi">Redaksi</a> <a href="${outlet.origin}/pedoman-media-siber">Pedoman Media Siber</a></div>
<a class="logo" href="${outlet.origin}/"><img src="${outlet.origin}/logo.png" alt="${esc(outlet.name)}"></a>
<nav class="main-nav"><ul class="menu">${c.menu}</ul></nav></header>
<div class="breadcrumb"><a href="${outlet.origin}/">Beranda</a> › <a href="${outlet.origin}/kanal/daerah">Daerah</a></div>
<main class="content-area"><article class="post">
<h1 class="entry-title">${esc(article.title)}</h1>
<div class="entry-meta"><span class="author">Penulis: ${esc(article.author)}</span> <time datetime="${article.publishedAt}">${article.publishedAt.slice(0, 10)}</time></div>
<figure class="featured"><img src="${esc(article.image)}" alt="${esc(article.title)}"><figcaption>Foto: Dok. ${esc(outlet.name)}</figcaption></figure>
<div class="entry-content">
${body}
</div>
<div class="tags"><a href="${outlet.origin}/tag/humas">humas</a> <a href="${outlet.origin}/tag/pemerintah">pemerintah</a> <a href="${outlet.origin}/tag/diskominfo">diskominfo</a></div>
<div class="share"><a href="https://www.facebook.com/sharer.php?u=${encodeURIComponent(url)}">Facebook</a> <a href="https://api.whatsapp.com/send?text=${encodeURIComponent(url)}">WhatsApp</a></div>
</article>
<section class="comments"><h3>Komentar</h3><div class="fb-comments" data-href="${esc(url)}"></div></section>
</main>
<aside class="sidebar">${c.boxes}</aside>
<footer class="site-footer"><ul class="footer-menu">${SECTIONS.map((s) => `<li><a href="${outlet.origin}/kanal/${s.toLowerCase()}">${s}</a></li>`).join("")}</ul>
<p>© 2026 ${esc(outlet.name)}. Hak cipta dilindungi undang-undang.</p></footer>
</body>
</html>`;
}
