import type { MediaKind } from "../../../common/schemas/media";
import { AppError } from "../../http/errors";

interface Accepted {
  kind: MediaKind;
  /** The mime stored and served (file-type's aliases folded into the common name). */
  mime: string;
  ext: string;
}

/** What the media library accepts, keyed by the mime file-type reports from the magic bytes. */
const ACCEPTED: Record<string, Accepted> = {
  "image/jpeg": { kind: "image", mime: "image/jpeg", ext: "jpg" },
  "image/png": { kind: "image", mime: "image/png", ext: "png" },
  "image/webp": { kind: "image", mime: "image/webp", ext: "webp" },
  "image/gif": { kind: "image", mime: "image/gif", ext: "gif" },
  "video/mp4": { kind: "video", mime: "video/mp4", ext: "mp4" },
  "video/x-m4v": { kind: "video", mime: "video/mp4", ext: "mp4" },
  "video/webm": { kind: "video", mime: "video/webm", ext: "webm" },
  "video/quicktime": { kind: "video", mime: "video/quicktime", ext: "mov" },
  "application/pdf": { kind: "pdf", mime: "application/pdf", ext: "pdf" },
  "audio/mpeg": { kind: "audio", mime: "audio/mpeg", ext: "mp3" },
  "audio/mp4": { kind: "audio", mime: "audio/mp4", ext: "m4a" },
  "audio/x-m4a": { kind: "audio", mime: "audio/mp4", ext: "m4a" },
  "audio/ogg": { kind: "audio", mime: "audio/ogg", ext: "ogg" },
  "audio/ogg; codecs=opus": { kind: "audio", mime: "audio/ogg", ext: "ogg" },
  "audio/wav": { kind: "audio", mime: "audio/wav", ext: "wav" },
};

/**
 * Decides the type of an uploaded file by its content. Anything else is refused with 415
 * naming what was found (an .exe says application/x-msdownload, whatever it was called).
 */
export async function detectMediaType(filePath: string): Promise<Accepted> {
  const { fileTypeFromFile } = await import("file-type");
  const found = await fileTypeFromFile(filePath).catch(() => undefined);
  if (!found) throw new AppError(415, "media_type_unknown");
  const accepted = ACCEPTED[found.mime];
  if (!accepted) throw new AppError(415, "media_type_unsupported", { detected: found.mime });
  return accepted;
}

/** The largest file of a kind, in MB: photos are decoded in memory, so they get less room. */
export function mediaLimitMb(env: { MEDIA_IMAGE_MAX_MB: number; MEDIA_MAX_MB: number }, kind: MediaKind | null): number {
  return kind === "image" ? Math.min(env.MEDIA_IMAGE_MAX_MB, env.MEDIA_MAX_MB) : env.MEDIA_MAX_MB;
}

export function checkMediaSize(env: { MEDIA_IMAGE_MAX_MB: number; MEDIA_MAX_MB: number }, kind: MediaKind | null, bytes: number) {
  const mb = mediaLimitMb(env, kind);
  if (bytes > mb * 1024 * 1024) throw new AppError(413, kind === "image" ? "media_image_too_large" : "file_too_large", { mb });
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string | null | undefined, ext: string): string {
  const base = (name ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._ ()-]/gu, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 200)
    .trim();
  return base || `berkas.${ext}`;
}
