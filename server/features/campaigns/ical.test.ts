import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icalUtc, renderIcal } from "./ical";

/** Unfolds per RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("iCalendar writer", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .slice(1)
        .every((p) => p.startsWith(" ")),
    ).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(foldLine("SHORT:1")).toBe("SHORT:1");
  });

  it("writes a calendar with one VEVENT per item, UTC times and CRLF line endings", () => {
    const start = new Date("2026-11-20T02:30:00.000Z");
    const text = renderIcal({
      name: "Kalender",
      now: new Date("2026-11-19T00:00:00Z"),
      events: [
        { uid: "a@sinergi", start, summary: "Rilis; PKB, ke-48", description: "Baris 1\nBaris 2", url: "https://humas.example/a" },
        { uid: "b@sinergi", start, summary: "x".repeat(200), status: "TENTATIVE" },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const l of lines) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    const logical = unfold(text).split("\r\n");
    expect(logical[0]).toBe("BEGIN:VCALENDAR");
    expect(logical).toContain("VERSION:2.0");
    expect(logical.at(-2)).toBe("END:VCALENDAR");
    expect(logical.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(logical.filter((l) => l === "END:VEVENT")).toHaveLength(2);
    expect(logical).toContain("DTSTART:20261120T023000Z");
    expect(logical).toContain("DTSTAMP:20261119T000000Z");
    expect(logical).toContain("SUMMARY:Rilis\\; PKB\\, ke-48");
    expect(logical).toContain("DESCRIPTION:Baris 1\\nBaris 2");
    expect(logical).toContain("URL:https://humas.example/a");
    expect(logical).toContain(`SUMMARY:${"x".repeat(200)}`);
    expect(icalUtc(start)).toBe("20261120T023000Z");
  });
});
