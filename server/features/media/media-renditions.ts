import type { MediaRendition } from "../../../common/schemas/media";
import { AppError } from "../../http/errors";
import { exifTakenAt } from "./exif-date";

export interface Rendition {
  name: MediaRendition;
  data: Buffer;
  mime: string;
  ext: string;
  width: number;
  height: number;
}

export interface ProcessedImage {
  /** As displayed, i.e. after the camera's orientation is applied. */
  width: number;
  height: number;
  takenAt: Date | null;
  renditions: Rendition[];
}

/**
 * Re-encodes a photo into the library's renditions: three widths in WebP for the web and a
 * 1200×630 JPEG crop for link previews (Open Graph). sharp writes no metadata unless asked,
 * so none of them carries EXIF (GPS included); `rotate()` first bakes the orientation in.
 */
export async function processImage(input: Buffer, fallbackOffset: string): Promise<ProcessedImage> {
  const { default: sharp } = await import("sharp");
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new AppError(400, "file_invalid");
  }
  if (!meta.width || !meta.height) throw new AppError(400, "file_invalid");
  const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
  const source = sharp(input).rotate();
  const widths = [
    ["thumb", 320],
    ["medium", 1280],
    ["large", 2048],
  ] as const;
  try {
    const renditions = await Promise.all([
      ...widths.map(async ([name, width]) => {
        const { data, info } = await source
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: name === "thumb" ? 75 : 82 })
          .toBuffer({ resolveWithObject: true });
        return { name, data, mime: "image/webp", ext: "webp", width: info.width, height: info.height };
      }),
      (async () => {
        // "attention" keeps the busiest part (faces, people) in the crop rather than the centre.
        const { data, info } = await source
          .clone()
          .resize({ width: 1200, height: 630, fit: "cover", position: sharp.strategy.attention })
          .jpeg({ quality: 85, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
        return { name: "og" as const, data, mime: "image/jpeg", ext: "jpg", width: info.width, height: info.height };
      })(),
    ]);
    return { width: oriented.width, height: oriented.height, takenAt: exifTakenAt(meta.exif, fallbackOffset), renditions };
  } catch {
    // The header read but the pixels did not (a truncated file): the client's fault, not a 500.
    throw new AppError(400, "file_invalid");
  }
}
