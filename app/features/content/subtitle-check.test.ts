import { describe, expect, it } from "vitest";
import { checkSubtitle, SUBTITLE_MAX_CHARS } from "./subtitle-check";

const SRT = "1\n00:00:01,000 --> 00:00:03,500\nSelamat pagi.\n\n2\n00:00:04,000 --> 00:00:06,000\nVaksinasi dimulai.\n";
const VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nSelamat pagi.\n\n00:04.000 --> 00:06.000\nVaksinasi dimulai.\n";

describe("checkSubtitle", () => {
  it("accepts SRT and WebVTT files whose content matches their extension", () => {
    expect(checkSubtitle("id.srt", SRT)).toEqual({ ok: true, format: "srt", text: SRT });
    expect(checkSubtitle("EN.VTT", VTT)).toEqual({ ok: true, format: "vtt", text: VTT });
  });

  it("drops a UTF-8 byte-order mark and accepts Windows line endings", () => {
    const result = checkSubtitle("id.srt", `\uFEFF${SRT.replaceAll("\n", "\r\n")}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.text.startsWith("1\r\n")).toBe(true);
  });

  it("refuses a renamed file: SRT content in a .vtt, WebVTT content in a .srt", () => {
    expect(checkSubtitle("id.vtt", SRT)).toEqual({ ok: false, reason: "notVtt" });
    expect(checkSubtitle("id.srt", VTT)).toEqual({ ok: false, reason: "notSrt" });
  });

  it("refuses a WEBVTT header without any cue, and other extensions", () => {
    expect(checkSubtitle("id.vtt", "WEBVTT\n\nhanya teks\n")).toEqual({ ok: false, reason: "notVtt" });
    expect(checkSubtitle("id.txt", SRT)).toEqual({ ok: false, reason: "extension" });
    expect(checkSubtitle("subtitle", SRT)).toEqual({ ok: false, reason: "extension" });
  });

  it("refuses empty and oversized files", () => {
    expect(checkSubtitle("id.srt", " \n ")).toEqual({ ok: false, reason: "empty" });
    expect(checkSubtitle("id.srt", SRT + "x".repeat(SUBTITLE_MAX_CHARS))).toEqual({ ok: false, reason: "tooLarge" });
  });
});
