import { AppError } from "../../../http/errors";

/** Proof files are checked by content, not by name; images are re-encoded to drop metadata. */
const DOCUMENT_TYPES: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

export interface CheckedFile {
  data: Buffer;
  mime: string;
  ext: string;
}

/** A PDF passes as is; an image comes back as a fresh JPEG. `imagesOnly` refuses PDFs. */
export async function checkUpload(data: Buffer, imagesOnly = false): Promise<CheckedFile> {
  const [{ fileTypeFromBuffer }, { default: sharp }] = await Promise.all([import("file-type"), import("sharp")]);
  const type = await fileTypeFromBuffer(data);
  if (!type || !DOCUMENT_TYPES[type.mime] || (imagesOnly && !IMAGE_TYPES.has(type.mime))) {
    throw new AppError(415, "file_type", { types: imagesOnly ? "JPEG, PNG, WebP" : "PDF, JPEG, PNG, WebP" });
  }
  if (!IMAGE_TYPES.has(type.mime)) return { data, mime: type.mime, ext: DOCUMENT_TYPES[type.mime] };
  try {
    const jpeg = await sharp(data).rotate().jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    return { data: jpeg, mime: "image/jpeg", ext: "jpg" };
  } catch {
    throw new AppError(400, "file_invalid");
  }
}

export const safeFileName = (name: string, fallback: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 150) || fallback;
