import { AppError } from "../http/errors";

const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp"]);

/**
 * Checks an uploaded image by its bytes and re-encodes it within `size` px: the result carries
 * no metadata from the original (EXIF, GPS), and the camera's rotation is applied.
 */
export async function reencodeImage(data: Buffer, size: number, format: "png" | "jpeg"): Promise<Buffer> {
  const [{ fileTypeFromBuffer }, { default: sharp }] = await Promise.all([import("file-type"), import("sharp")]);
  const type = await fileTypeFromBuffer(data);
  if (!type || !ACCEPTED.has(type.mime)) throw new AppError(415, "file_type", { types: "PNG, JPEG, WebP" });
  try {
    const image = sharp(data).rotate().resize(size, size, { fit: "inside", withoutEnlargement: true });
    return await (format === "png" ? image.png() : image.jpeg({ quality: 85 })).toBuffer();
  } catch {
    throw new AppError(400, "file_invalid");
  }
}
