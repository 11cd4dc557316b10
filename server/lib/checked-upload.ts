import { AppError } from "../http/errors";

/**
 * An uploaded file checked by its content (magic bytes), never by its name. Images come back
 * re-encoded as JPEG: that drops every metadata block (EXIF GPS included), applies the camera's
 * rotation and leaves nothing hidden after the image data. Other accepted types pass as they are.
 */
export type AcceptedTypes = Record<string, { ext: string; image?: boolean }>;

export interface CheckedUpload {
  data: Buffer;
  mime: string;
  ext: string;
}

export async function checkUpload(data: Buffer, accepted: AcceptedTypes, label: string, quality = 85): Promise<CheckedUpload> {
  const [{ fileTypeFromBuffer }, { default: sharp }] = await Promise.all([import("file-type"), import("sharp")]);
  const type = await fileTypeFromBuffer(data);
  const kind = type ? accepted[type.mime] : undefined;
  if (!type || !kind) throw new AppError(415, "file_type", { types: label });
  if (!kind.image) return { data, mime: type.mime, ext: kind.ext };
  try {
    const jpeg = await sharp(data).rotate().jpeg({ quality, mozjpeg: true }).toBuffer();
    return { data: jpeg, mime: "image/jpeg", ext: "jpg" };
  } catch {
    throw new AppError(400, "file_invalid");
  }
}

/** A stored file name: letters, digits and ". _ -" only, at most 150 characters. */
export const safeFileName = (name: string, fallback: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 150) || fallback;
