import type { AssetRow } from "../newsroom-queries";
import { type Html, html } from "./html";
import { mediaPath } from "./labels";

/** Renditions an image may be shown in, smallest first (the media library makes them). */
const SIZES = ["medium", "large"] as const;

export const hasRendition = (asset: AssetRow | undefined, name: string) => Boolean(asset?.renditions?.[name]);

/**
 * An <img> of a public asset: the large rendition with a srcset of the sizes that exist, and
 * its dimensions so the page does not jump while it loads. Never the original.
 */
export function image(asset: AssetRow, alt: string, opts: { lazy?: boolean } = {}): Html | "" {
  const available = SIZES.filter((s) => hasRendition(asset, s));
  if (available.length === 0) return "";
  const main = asset.renditions[available[available.length - 1]];
  const srcset = available
    .filter((s) => asset.renditions[s].width)
    .map((s) => `${mediaPath(asset.id, s)} ${asset.renditions[s].width}w`)
    .join(", ");
  return html`<img src="${mediaPath(asset.id, available[available.length - 1])}"${srcset ? html` srcset="${srcset}" sizes="(max-width: 60rem) 100vw, 58rem"` : ""}${
    main.width && main.height ? html` width="${main.width}" height="${main.height}"` : ""
  } alt="${alt}"${opts.lazy ? html` loading="lazy"` : ""}>`;
}

/** The best image for link previews: the "og" rendition (1200×630), else the large one. */
export function previewImage(asset: AssetRow | undefined): { path: string; width?: number; height?: number; alt: string } | null {
  if (!asset) return null;
  for (const name of ["og", "large", "medium"]) {
    const r = asset.renditions?.[name];
    if (r) return { path: mediaPath(asset.id, name), width: r.width, height: r.height, alt: asset.altText || asset.caption };
  }
  return null;
}
