import { createHash } from "node:crypto";
import type { NewsroomOrg } from "../newsroom-queries";
import { type Html, html, trusted } from "./html";

/**
 * The whole stylesheet, inline (one request per page, no flash of unstyled text) and allowed by
 * its hash in the page's Content-Security-Policy. Colours meet WCAG AA contrast on white.
 */
const CSS = `*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
a{color:#0a4d8c}a:hover,a:focus{color:#06325c}
:focus-visible{outline:3px solid #0a4d8c;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}.skip:focus{left:1rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:4px solid #0a4d8c;padding:1rem 0}
a.brand{display:flex;align-items:center;gap:.75rem;text-decoration:none;color:#1b1f24;font-weight:700;font-size:1.25rem}
a.brand img{width:3rem;height:3rem;object-fit:contain}
a.brand small{display:block;font-weight:400;font-size:.875rem;color:#4a5360}
nav.crumbs ol{list-style:none;padding:0;margin:1rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9375rem}
nav.crumbs li+li:before{content:"›";margin-right:.25rem;color:#4a5360}
main{padding:1rem 0 2rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.3rem;line-height:1.3}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:#f3f5f8;padding:1rem;border-radius:.5rem}
form.filters label{display:flex;flex-direction:column;font-size:.875rem;font-weight:600;gap:.25rem}
input,select,button{font:inherit;padding:.4rem .6rem;border:1px solid #6b7480;border-radius:.375rem;background:#fff;color:#1b1f24}
button{background:#0a4d8c;color:#fff;border-color:#0a4d8c;cursor:pointer}
ol.items{list-style:none;padding:0;margin:1.5rem 0}
ol.items li{display:flex;gap:1rem;padding:1rem 0;border-bottom:1px solid #d5dae1}
ol.items img{width:8rem;height:5.5rem;object-fit:cover;flex:none;border-radius:.25rem;background:#e7eaee}
ol.items h2,ol.items h3{margin:0 0 .25rem;font-size:1.15rem}
.meta{color:#4a5360;font-size:.9rem;margin:0}
.type{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.03em;color:#4a5360}
.label{background:#a1001e;color:#fff;padding:0 .35rem;border-radius:.25rem}
mark{background:#fde68a;color:inherit}
nav.pages{display:flex;justify-content:space-between;align-items:center;gap:1rem}
article .summary{font-size:1.15rem;color:#2d333b}
figure{margin:1.5rem 0}figure img,video{max-width:100%;height:auto;display:block;border-radius:.25rem}
figcaption{font-size:.9rem;color:#4a5360;margin-top:.35rem}
blockquote{margin:1.5rem 0;padding:.5rem 1rem;border-left:4px solid #0a4d8c;background:#f3f5f8}
blockquote p{margin:.25rem 0}
section.box{border:1px solid #d5dae1;border-radius:.5rem;padding:0 1rem;margin:1.5rem 0}
.kit{display:inline-block;padding:.5rem 1rem;border:1px solid #0a4d8c;border-radius:.375rem;font-weight:600}
footer.site{border-top:1px solid #d5dae1;padding:1.5rem 0;font-size:.9rem;color:#4a5360}
footer.site p{margin:.25rem 0}
@media (max-width:36rem){ol.items img{width:5.5rem;height:4rem}h1{font-size:1.45rem}}`;

export const STYLE_HASH = `'sha256-${createHash("sha256").update(CSS).digest("base64")}'`;

/**
 * The newsroom pages' own policy, stricter than the staff app's: nothing runs (no script at
 * all), styles only from the hash above, media only from this site.
 */
export const NEWSROOM_CSP = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' data:",
  "media-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Only web addresses become links (a stored value must never become a javascript: URL). */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutInput {
  title: string;
  description: string;
  /** Absent on pages search engines should not keep (404). */
  canonical?: string;
  /** The newsroom whose header and footer frame the page. */
  org: NewsroomOrg;
  homeHref: string;
  feedHref: { rss: string; atom: string };
  head?: Html;
  /** The name under the brand; the media room says "Ruang Media". */
  section?: string;
  crumbs?: Crumb[];
  main: Html;
}

export function layout(p: LayoutInput): string {
  const org = p.org;
  const contact = [org.address, org.phone && `Telepon ${org.phone}`].filter(Boolean).join(" · ");
  return `<!doctype html>${html`<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${p.description}">
${p.canonical ? html`<link rel="canonical" href="${p.canonical}">` : html`<meta name="robots" content="noindex">`}
<link rel="alternate" type="application/rss+xml" title="RSS ${org.name}" href="${p.feedHref.rss}">
<link rel="alternate" type="application/atom+xml" title="Atom ${org.name}" href="${p.feedHref.atom}">
<link rel="icon" href="${org.logoKey ? `/${org.slug}/logo.png` : "data:,"}">
${p.head ?? ""}
<style>${trusted(CSS)}</style>
</head>
<body>
<a class="skip" href="#konten">Lewati ke konten utama</a>
<header class="site"><div class="wrap">
<a class="brand" href="${p.homeHref}">${org.logoKey ? html`<img src="/${org.slug}/logo.png" alt="" width="48" height="48">` : ""}<span>${org.name}<small>${p.section ?? "Ruang Berita"}</small></span></a>
${p.crumbs?.length ? crumbs(p.crumbs) : ""}
</div></header>
<main id="konten"><div class="wrap">
${p.main}
</div></main>
<footer class="site"><div class="wrap">
<p><strong>${org.name}</strong></p>
${contact ? html`<p>${contact}</p>` : ""}
${org.email ? html`<p>Surel: <a href="mailto:${org.email}">${org.email}</a></p>` : ""}
${org.website && isWebUrl(org.website) ? html`<p>Situs web: <a href="${org.website}" rel="noopener">${org.website}</a></p>` : ""}
<p>Langganan: <a href="${p.feedHref.rss}">RSS</a> · <a href="${p.feedHref.atom}">Atom</a></p>
</div></footer>
</body>
</html>
`}`;
}

function crumbs(list: Crumb[]): Html {
  return html`<nav class="crumbs" aria-label="Remah roti"><ol>${list.map((c, i) =>
    i === list.length - 1 || !c.href
      ? html`<li><span aria-current="page">${c.label}</span></li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`,
  )}</ol></nav>`;
}
