import type { ContentFields } from "../../../common/schemas/content";
import type { AssetRow, NewsroomOrg, PublicItem } from "../newsroom-queries";
import { formatDateTime, formatDuration, formatLooseDate } from "./format";
import { type Html, html, paragraphs } from "./html";
import { itemPath, mediaPath } from "./labels";
import { isWebUrl } from "./layout";
import { image } from "./media";

export interface SectionContext {
  item: PublicItem;
  fields: ContentFields;
  org: NewsroomOrg;
  assets: Map<string, AssetRow>;
}

/** What a type adds around the body: `before` sits above it, `after` below it. */
export interface Sections {
  before: Html | "";
  after: Html | "";
}

const none: Sections = { before: "", after: "" };

export function sectionsFor(ctx: SectionContext): Sections {
  switch (ctx.item.type) {
    case "siaran_pers":
      return pressRelease(ctx);
    case "foto":
      return { before: photoGallery(ctx), after: "" };
    case "infografis":
      return infographic(ctx);
    case "video":
      return { before: video(ctx), after: "" };
    case "pengumuman":
      return announcement(ctx);
    case "klarifikasi":
      return clarification(ctx);
    default:
      return none;
  }
}

/** Dateline and lead first (the lead paragraph of a release), then quotes, contact, boilerplate. */
function pressRelease({ fields: f, org }: SectionContext): Sections {
  const before = f.lead
    ? html`<p class="lead">${f.dateline ? html`<strong>${f.dateline.toUpperCase()}</strong> – ` : ""}${f.lead}</p>`
    : "";
  const quotes = (f.quotes ?? []).filter((q) => q.text.trim());
  const contact = f.contactName || f.contactPhone || f.contactEmail;
  const after = html`${quotes.map(
    (q) =>
      html`<figure class="quote"><blockquote>${paragraphs(q.text)}</blockquote><figcaption>— ${q.speaker}${q.role ? html`, ${q.role}` : ""}</figcaption></figure>`,
  )}
${
  contact
    ? html`<section class="box" aria-labelledby="narahubung"><h2 id="narahubung">Narahubung</h2><p>${f.contactName ?? ""}${
        f.contactPhone ? html`<br>Telepon: <a href="tel:${f.contactPhone.replace(/[^+\d]/g, "")}">${f.contactPhone}</a>` : ""
      }${f.contactEmail ? html`<br>Surel: <a href="mailto:${f.contactEmail}">${f.contactEmail}</a>` : ""}</p></section>`
    : ""
}
${f.boilerplate ? html`<section class="box" aria-labelledby="tentang"><h2 id="tentang">Tentang ${org.name}</h2>${paragraphs(f.boilerplate)}</section>` : ""}`;
  return { before, after };
}

/** A photo story: every photo with its caption, credit, place and the date it was taken. */
function photoGallery({ fields: f, assets, org }: SectionContext): Html | "" {
  const photos = (f.photos ?? []).map((p) => ({ p, asset: assets.get(p.assetId) })).filter((x) => x.asset);
  if (photos.length === 0) return "";
  return html`<section aria-label="Galeri foto">${photos.map(({ p, asset }, i) => {
    const a = asset as AssetRow;
    const taken = p.takenAt ? formatLooseDate(p.takenAt, org.timeZone) : a.takenAt ? formatDateTime(new Date(a.takenAt), org.timeZone) : "";
    const place = p.place || a.location;
    const credit = p.credit || a.credit;
    return html`<figure>${image(a, a.altText || p.caption || a.caption, { lazy: i > 0 })}<figcaption>${p.caption || a.caption}${
      credit ? html` <span class="credit">Foto: ${credit}</span>` : ""
    }${place || taken ? html`<br>${[place, taken].filter(Boolean).join(", ")}` : ""}</figcaption></figure>`;
  })}</section>`;
}

function infographic({ fields: f, assets }: SectionContext): Sections {
  const images = (f.images ?? []).map((img) => ({ img, asset: assets.get(img.assetId) })).filter((x) => x.asset);
  return {
    before: html`${images.map(({ img, asset }, i) => html`<figure>${image(asset as AssetRow, img.altText || (asset as AssetRow).altText, { lazy: i > 0 })}</figure>`)}`,
    after: f.dataSource ? html`<p class="meta">Sumber data: ${f.dataSource}</p>` : "",
  };
}

const LANGUAGES: Record<string, string> = { id: "Bahasa Indonesia", en: "English", jv: "Basa Jawa", su: "Basa Sunda", ban: "Basa Bali" };

/**
 * An uploaded video plays here with its subtitles (served as WebVTT beside the item); a video
 * hosted elsewhere is a link, so no third-party player loads on a government page.
 */
function video({ item, fields: f, assets }: SectionContext): Html {
  const asset = f.videoAssetId ? assets.get(f.videoAssetId) : undefined;
  const thumb = f.thumbnailAssetId ? assets.get(f.thumbnailAssetId) : undefined;
  const poster = thumb && (thumb.renditions.large ? "large" : thumb.renditions.medium ? "medium" : null);
  const base = itemPath(item.orgSlug, item.slug);
  const player =
    asset?.kind === "video"
      ? html`<figure><video controls preload="metadata"${poster && thumb ? html` poster="${mediaPath(thumb.id, poster)}"` : ""}${
          asset.width && asset.height ? html` width="${asset.width}" height="${asset.height}"` : ""
        }><source src="${mediaPath(asset.id, "video")}" type="${asset.mime}">${(f.subtitles ?? []).map(
          (s, i) =>
            html`<track kind="${s.language === "id" ? "captions" : "subtitles"}" srclang="${s.language}" label="${LANGUAGES[s.language] ?? s.language}" src="${base}/subtitles/${s.language}.vtt"${
              i === 0 ? html` default` : ""
            }>`,
        )}<a href="${mediaPath(asset.id, "video")}">Unduh video</a></video>${
          f.durationSeconds ? html`<figcaption>Durasi ${formatDuration(f.durationSeconds)}</figcaption>` : ""
        }</figure>`
      : "";
  const link =
    f.videoUrl && isWebUrl(f.videoUrl)
      ? html`<p><a href="${f.videoUrl}" rel="noopener noreferrer">Tonton video di ${hostOf(f.videoUrl)}</a>${
          !player && f.durationSeconds ? html` (durasi ${formatDuration(f.durationSeconds)})` : ""
        }</p>`
      : "";
  return html`${player}${link}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function announcement({ fields: f, org }: SectionContext): Sections {
  return {
    before: f.validUntil ? html`<p class="meta"><strong>Berlaku hingga:</strong> ${formatLooseDate(f.validUntil, org.timeZone)}</p>` : "",
    after: "",
  };
}

/** The claim and where it circulated, the facts, the agency's statement, the references. */
function clarification({ fields: f, org }: SectionContext): Sections {
  const before = html`${
    f.claim
      ? html`<section class="box" aria-labelledby="klaim"><h2 id="klaim">Klaim yang beredar</h2>${paragraphs(f.claim)}${
          f.circulatedOn ? html`<p class="meta"><strong>Beredar di:</strong> ${f.circulatedOn}</p>` : ""
        }</section>`
      : ""
  }${f.facts ? html`<section aria-labelledby="fakta"><h2 id="fakta">Fakta</h2>${paragraphs(f.facts)}</section>` : ""}`;
  const references = (f.references ?? []).filter(isWebUrl);
  const after = html`${
    f.agencyStatement
      ? html`<section class="box" aria-labelledby="pernyataan"><h2 id="pernyataan">Pernyataan ${org.name}</h2>${paragraphs(f.agencyStatement)}</section>`
      : ""
  }${
    references.length
      ? html`<section aria-labelledby="referensi"><h2 id="referensi">Referensi</h2><ul>${references.map(
          (r) => html`<li><a href="${r}" rel="noopener noreferrer">${r}</a></li>`,
        )}</ul></section>`
      : ""
  }`;
  return { before, after };
}
