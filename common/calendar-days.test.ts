import { describe, expect, it } from "vitest";
import { addMonths, dayIn, daysBetween, rangeOf, startOfWeek, step } from "./calendar-days";

describe("calendar dates", () => {
  it("builds a Monday-to-Sunday month grid around the month", () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    expect(rangeOf("month", "2026-11-18")).toEqual({ from: "2026-10-26", to: "2026-12-06" });
    expect(daysBetween("2026-10-26", "2026-12-06")).toHaveLength(42);
    expect(rangeOf("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(rangeOf("list", "2026-02-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("steps and places instants on the organization's day", () => {
    expect(startOfWeek("2026-11-16")).toBe("2026-11-16");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-01");
    expect(step("week", "2026-11-18", -1)).toBe("2026-11-11");
    // 23:30 UTC is already the next day in WITA (UTC+8) but not in UTC.
    expect(dayIn("2026-11-18T23:30:00Z", "WITA")).toBe("2026-11-19");
    expect(dayIn("2026-11-18T16:30:00Z", "WIB")).toBe("2026-11-18");
  });
});
