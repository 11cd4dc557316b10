/**
 * Checks a subtitle file in the browser before it is sent: the format must match the content
 * (a .vtt starts with WEBVTT; an .srt has numbered cues with comma milliseconds), so a wrong or
 * renamed file is refused with a clear reason instead of a server round trip.
 */
export const SUBTITLE_MAX_CHARS = 500_000;

export type SubtitleCheck =
  | { ok: true; format: "srt" | "vtt"; text: string }
  | { ok: false; reason: "extension" | "tooLarge" | "empty" | "notVtt" | "notSrt" };

const VTT_CUE = /(\d{2}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(\d{2}:)?\d{2}:\d{2}\.\d{3}/;
const SRT_CUE = /^\d+\s*\r?\n\d{2}:\d{2}:\d{2},\d{3}\s+-->\s+\d{2}:\d{2}:\d{2},\d{3}/m;

export function checkSubtitle(fileName: string, raw: string): SubtitleCheck {
  const ext = fileName.toLowerCase().split(".").pop();
  if (ext !== "srt" && ext !== "vtt") return { ok: false, reason: "extension" };
  const text = raw.replace(/^\uFEFF/, "");
  if (text.length > SUBTITLE_MAX_CHARS) return { ok: false, reason: "tooLarge" };
  if (!text.trim()) return { ok: false, reason: "empty" };
  if (ext === "vtt")
    return /^WEBVTT(\s|$)/.test(text) && VTT_CUE.test(text) ? { ok: true, format: "vtt", text } : { ok: false, reason: "notVtt" };
  return SRT_CUE.test(text.trimStart()) ? { ok: true, format: "srt", text } : { ok: false, reason: "notSrt" };
}
