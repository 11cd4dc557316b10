/**
 * Subtitles are stored as typed (SRT or WebVTT, checked on save); browsers' <track> reads only
 * WebVTT, so SRT is converted on the way out: a header, and "," → "." in the cue timings.
 */
export function toWebVtt(format: "srt" | "vtt", text: string): string {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (format === "vtt") return body.endsWith("\n") ? body : `${body}\n`;
  const cues = body.replace(/^(\d{2,}:\d{2}:\d{2}),(\d{3}) --> (\d{2,}:\d{2}:\d{2}),(\d{3})/gm, "$1.$2 --> $3.$4");
  return `WEBVTT\n\n${cues.trim()}\n`;
}
