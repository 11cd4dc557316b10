import type { FastifyRequest } from "fastify";
import { AppError } from "../../http/errors";

export interface UploadedFile {
  data: Buffer;
  fileName: string;
}

/**
 * Reads a multipart form with text fields and up to `maxFiles` named files, each at most
 * `maxMb`: a larger file answers 413 rather than being cut short.
 */
export async function readMultipartForm(request: FastifyRequest, maxMb: number, maxFiles = 2) {
  if (!request.isMultipart()) throw new AppError(400, "file_required");
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxMb * 1024 * 1024, files: maxFiles } })) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (data.length) files[part.fieldname] = { data, fileName: part.filename };
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value.trim();
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "file_too_large", { mb: maxMb });
    if (code === "FST_FILES_LIMIT") throw new AppError(413, "payload_too_large");
    throw err;
  }
  const field = (name: string) => (fields[name] ? fields[name] : null);
  return { field, files };
}
