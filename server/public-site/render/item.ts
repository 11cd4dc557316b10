import type { ContentFields } from "../../../common/schemas/content";
import type { AssetRow, NewsroomOrg, PublicItem } from "../newsroom-queries";
import { formatDateTime, formatNumber } from "./format";
import { hoaxLabel } from "./home";
import { type Html, html, jsonForScript, trusted } from "./html";
import { absolute, feedPaths, homePath, itemPath, TYPE_LABELS } from "./labels";
import { type Crumb, layout } from "./layout";
import { image, previewImage } from "./media";
import { sectionsFor } from "./sections";

export interface ItemView {
  base: string;
  item: PublicItem;
  /** The item's own organization (its URL, time zone, "Tentang …"). */
  org: NewsroomOrg;
  top: NewsroomOrg | null;
  assets: Map<string, AssetRow>;
  /** Whether the item has images for a press kit (paket-media.zip). */
  pressKit: boolean;
}

/** The asset that represents the item in link previews: cover, else its first photo, image or video poster. */
export function leadAssetId(item: PublicItem, f: ContentFields): string | null {
  return item.coverId ?? f.photos?.[0]?.assetId ?? f.images?.[0]?.assetId ?? f.thumbnailAssetId ?? null;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function renderItem(v: ItemView): string {
  const { item, org, top } = v;
  const f = (item.fields ?? {}) as ContentFields;
  const path = itemPath(org.slug, item.slug);
  const canonical = absolute(v.base, path);
  const published = new Date(item.publicFrom);
  const modified = new Date(Math.max(item.updatedAt, item.publicFrom));
  const label = item.type === "klarifikasi" && f.hoaxLabel ? `[${f.hoaxLabel.toUpperCase()}] ` : "";
  const fullTitle = `${label}${item.title}`;
  const description = truncate(item.summary || f.lead || f.claim || item.title, 300);
  const preview = previewImage(v.assets.get(leadAssetId(item, f) ?? ""));
  const imageUrl = preview ? absolute(v.base, preview.path) : org.logoKey ? absolute(v.base, `/${org.slug}/logo.png`) : null;
  const orgHome = absolute(v.base, homePath(org, top));
  const publisher = {
    "@type": "Organization",
    name: org.name,
    url: orgHome,
    ...(org.logoKey ? { logo: { "@type": "ImageObject", url: absolute(v.base, `/${org.slug}/logo.png`) } } : {}),
  };
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: truncate(fullTitle, 110),
    description,
    datePublished: published.toISOString(),
    dateModified: modified.toISOString(),
    inLanguage: "id-ID",
    articleSection: TYPE_LABELS[item.type],
    url: canonical,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    ...(imageUrl ? { image: [imageUrl] } : {}),
    author: { "@type": "Organization", name: org.name, url: orgHome },
    publisher,
  };
  const head = html`<meta property="og:type" content="article">
<meta property="og:site_name" content="Ruang Berita ${org.name}">
<meta property="og:locale" content="id_ID">
<meta property="og:title" content="${fullTitle}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
${
  imageUrl
    ? html`<meta property="og:image" content="${imageUrl}">${
        preview?.width && preview.height
          ? html`
<meta property="og:image:width" content="${preview.width}">
<meta property="og:image:height" content="${preview.height}">`
          : ""
      }${
        preview?.alt
          ? html`
<meta property="og:image:alt" content="${preview.alt}">`
          : ""
      }`
    : ""
}
<meta property="article:published_time" content="${published.toISOString()}">
<meta property="article:modified_time" content="${modified.toISOString()}">
<meta property="article:section" content="${TYPE_LABELS[item.type]}">
<meta name="twitter:card" content="${imageUrl && preview ? "summary_large_image" : "summary"}">
<meta name="twitter:title" content="${fullTitle}">
<meta name="twitter:description" content="${description}">
${imageUrl ? html`<meta name="twitter:image" content="${imageUrl}">` : ""}
<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`;

  const crumbs: Crumb[] = [];
  if (top) crumbs.push({ label: top.shortName || top.name, href: "/" });
  if (!top || org.id !== top.id) crumbs.push({ label: org.shortName || org.name, href: `/${org.slug}` });
  crumbs.push({ label: truncate(item.title, 60) });

  const sections = sectionsFor({ item, fields: f, org, assets: v.assets });
  const cover = coverFigure(v);
  const main = html`<article>
<p class="type">${TYPE_LABELS[item.type]}</p>
<h1>${hoaxLabel(item.type, f.hoaxLabel)}${item.title}</h1>
<p class="meta">${org.name} · <time datetime="${published.toISOString()}">${formatDateTime(published, org.timeZone)}</time> · Dilihat ${formatNumber(item.views)} kali</p>
${item.summary ? html`<p class="summary">${item.summary}</p>` : ""}
${cover}
${sections.before}
${item.bodyHtml ? html`<div class="body">${trusted(item.bodyHtml)}</div>` : ""}
${sections.after}
${v.pressKit ? html`<p><a class="kit" href="${path}/paket-media.zip" download>Unduh paket media (ZIP)</a></p>` : ""}
</article>`;
  return layout({
    title: `${fullTitle} · ${org.name}`,
    description,
    canonical,
    org,
    homeHref: homePath(org, top),
    feedHref: feedPaths(org, top),
    head,
    crumbs,
    main,
  });
}

/** The cover above the text, except where the type's own media already lead (photos, images, video). */
function coverFigure(v: ItemView): Html | "" {
  if (!v.item.coverId || ["foto", "infografis", "video"].includes(v.item.type)) return "";
  const asset = v.assets.get(v.item.coverId);
  if (asset?.kind !== "image") return "";
  const img = image(asset, asset.altText || asset.caption);
  if (!img) return "";
  return html`<figure>${img}${
    asset.caption || asset.credit
      ? html`<figcaption>${asset.caption}${asset.credit ? html` <span class="credit">Foto: ${asset.credit}</span>` : ""}</figcaption>`
      : ""
  }</figure>`;
}
