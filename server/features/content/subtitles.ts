/**
 * Checks an SRT or WebVTT subtitle file well enough to refuse what a player would choke on:
 * numbered cues (SRT), a WEBVTT header (VTT), well-formed timings that do not run backwards.
 * Returns the 1-based line of the first problem, or null when the file is valid.
 */
const SRT_TIME = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d),(\d{3})(\s.*)?$/;
const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3}) --> (?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})(\s.*)?$/;

const ms = (h: string | undefined, m: string, s: string, f: string) =>
  ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);

export function subtitleProblem(format: "srt" | "vtt", text: string): { line: number; reason: string } | null {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let cues = 0;
  if (format === "vtt" && !/^WEBVTT(\s|$)/.test(lines[0] ?? "")) return { line: 1, reason: "header" };
  for (let i = format === "vtt" ? 1 : 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (format === "srt") {
      if (!/^\d+$/.test(line)) return { line: i + 1, reason: "cue_number" };
      const timing = SRT_TIME.exec((lines[i + 1] ?? "").trim());
      if (!timing) return { line: i + 2, reason: "timing" };
      if (ms(timing[1], timing[2], timing[3], timing[4]) > ms(timing[5], timing[6], timing[7], timing[8]))
        return { line: i + 2, reason: "timing" };
      i += 2;
    } else {
      if (/^(NOTE|STYLE|REGION)(\s|$)/.test(line)) {
        while (i + 1 < lines.length && lines[i + 1].trim()) i++;
        continue;
      }
      const at = line.includes("-->") ? i : i + 1;
      const timing = VTT_TIME.exec((lines[at] ?? "").trim());
      if (!timing) return { line: at + 1, reason: "timing" };
      if (ms(timing[1], timing[2], timing[3], timing[4]) > ms(timing[5], timing[6], timing[7], timing[8]))
        return { line: at + 1, reason: "timing" };
      i = at;
    }
    cues++;
    // The cue text runs to the next blank line.
    while (i + 1 < lines.length && lines[i + 1].trim()) i++;
  }
  return cues === 0 ? { line: 1, reason: "empty" } : null;
}
