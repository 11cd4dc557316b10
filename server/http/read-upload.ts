import type { FastifyRequest } from "fastify";
import { AppError } from "./errors";

/** Reads the single file of a multipart request, answering 415/400/413 precisely. */
export async function readSingleFile(request: FastifyRequest, maxBytes?: number): Promise<{ data: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError(415, "unsupported_media_type");
  const file = await request.file(maxBytes ? { limits: { fileSize: maxBytes, files: 1 } } : undefined);
  if (!file) throw new AppError(400, "file_required");
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "payload_too_large");
    throw err;
  });
  return { data, fileName: file.filename };
}
