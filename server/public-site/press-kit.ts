import type { Readable } from "node:stream";
import type { ContentFields } from "../../common/schemas/content";
import type { FileStore } from "../lib/file-store";
import { type ZipEntry, zipStream } from "../lib/zip";
import type { AssetRow, NewsroomOrg, PublicItem } from "./newsroom-queries";
import { formatDateTime, formatLooseDate } from "./render/format";

interface KitPhoto {
  asset: AssetRow;
  rendition: { key: string; mime: string };
  caption: string;
  credit: string;
  place: string;
  taken: string;
}

const RIGHTS: Record<string, string> = {
  free: "Bebas digunakan untuk pemberitaan; cantumkan kredit.",
  attribution: "Wajib mencantumkan kredit.",
  limited: "Penggunaan terbatas",
};

/** Images of the item a journalist may take away: photos, infographic images, then the cover. */
export function pressKitPhotos(item: PublicItem, assets: Map<string, AssetRow>, org: NewsroomOrg): KitPhoto[] {
  const f = (item.fields ?? {}) as ContentFields;
  const seen = new Set<string>();
  const out: KitPhoto[] = [];
  const add = (assetId: string | null | undefined, extra: { caption?: string; credit?: string; place?: string; takenAt?: string }) => {
    const asset = assetId ? assets.get(assetId) : undefined;
    if (asset?.kind !== "image" || seen.has(asset.id)) return;
    // The large rendition (re-encoded, no EXIF); never the original upload.
    const rendition = asset.renditions.large ?? asset.renditions.medium;
    if (!rendition) return;
    seen.add(asset.id);
    out.push({
      asset,
      rendition,
      caption: extra.caption || asset.caption,
      credit: extra.credit || asset.credit,
      place: extra.place || asset.location,
      taken: extra.takenAt
        ? formatLooseDate(extra.takenAt, org.timeZone)
        : asset.takenAt
          ? formatDateTime(new Date(asset.takenAt), org.timeZone)
          : "",
    });
  };
  for (const p of f.photos ?? []) add(p.assetId, p);
  for (const img of f.images ?? []) add(img.assetId, { caption: img.altText });
  add(item.coverId, {});
  return out;
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The zip: each image as NN-<item-slug>.<ext>, and credits.txt naming caption, credit and rights of each. */
export function pressKitZip(files: FileStore, item: PublicItem, org: NewsroomOrg, url: string, photos: KitPhoto[]): Readable {
  const modified = new Date(item.publicFrom);
  async function* entries(): AsyncGenerator<ZipEntry> {
    const lines = [
      `Paket media: ${item.title}`,
      org.name,
      `Diterbitkan: ${formatDateTime(modified, org.timeZone)}`,
      `Tautan: ${url}`,
      "",
      "Berkas, keterangan dan kredit:",
    ];
    let n = 0;
    for (const photo of photos) {
      const data = await files.get(photo.rendition.key);
      if (!data) continue;
      n++;
      const name = `${String(n).padStart(2, "0")}-${item.slug}.${EXTENSIONS[photo.rendition.mime] ?? "jpg"}`;
      yield { name, data, modified };
      lines.push("", name);
      if (photo.caption) lines.push(`  Keterangan: ${photo.caption}`);
      if (photo.credit) lines.push(`  Kredit: ${photo.credit}`);
      if (photo.place) lines.push(`  Lokasi: ${photo.place}`);
      if (photo.taken) lines.push(`  Tanggal: ${photo.taken}`);
      const rights = RIGHTS[photo.asset.rights] ?? RIGHTS.attribution;
      lines.push(
        `  Hak penggunaan: ${rights}${photo.asset.rights === "limited" && photo.asset.rightsNote ? ` — ${photo.asset.rightsNote}` : ""}`,
      );
    }
    lines.push("", `Sumber: ${org.name}. Cantumkan kredit setiap foto saat digunakan.`, "");
    // CRLF: the file is read in Windows Notepad as often as anywhere else.
    yield { name: "credits.txt", data: Buffer.from(lines.join("\r\n"), "utf8"), modified };
  }
  return zipStream(entries());
}
