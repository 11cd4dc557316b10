import { describe, expect, it } from "vitest";
import { parseItemDate } from "./parse-item-date";

const iso = (raw: string, offset?: string) => parseItemDate(raw, offset)?.toISOString() ?? null;

describe("dates as monitoring tools export them", () => {
  it("reads ISO with and without a zone, day-first slashes, month names and Unix times", () => {
    expect(iso("2026-11-18T08:00:00+08:00")).toBe("2026-11-18T00:00:00.000Z");
    expect(iso("2026-11-18T08:00:00Z")).toBe("2026-11-18T08:00:00.000Z");
    expect(iso("2026-11-18 08:00")).toBe("2026-11-18T01:00:00.000Z"); // WIB by default
    expect(iso("2026-11-18 08:00", "+08:00")).toBe("2026-11-18T00:00:00.000Z");
    expect(iso("05/11/2026")).toBe("2026-11-04T17:00:00.000Z"); // 5 November, not 11 May
    expect(iso("12-Jan-2026 10:05 PM", "+00:00")).toBe("2026-01-12T22:05:00.000Z");
    expect(iso("12-Jan-2026 12:30AM", "+00:00")).toBe("2026-01-12T00:30:00.000Z");
    expect(iso("17 Agustus 2026", "+00:00")).toBe("2026-08-17T00:00:00.000Z");
    expect(iso("Jan 12, 2026", "+00:00")).toBe("2026-01-12T00:00:00.000Z");
    expect(iso("12.01.2026 10.15", "+00:00")).toBe("2026-01-12T10:15:00.000Z");
    expect(iso("1763452800")).toBe("2025-11-18T08:00:00.000Z");
    expect(iso("1763452800000")).toBe("2025-11-18T08:00:00.000Z");
  });

  it("refuses what it cannot read rather than guessing another day", () => {
    for (const bad of ["kemarin", "31/02/2026", "2026-13-01", "12-Foo-2026", "25:00 12/01/2026", "12/01/2026 13:00 PM", "1/1/1850", ""]) {
      expect(iso(bad), bad).toBeNull();
    }
  });
});
