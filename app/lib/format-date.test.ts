import dayjs from "dayjs";
import "dayjs/locale/id";
import { afterEach, describe, expect, it } from "vitest";
import { formatZoned, fromZonedInput, toZonedInput } from "./format-date";

// 02:00 UTC is 09:00 in Jakarta (WIB), 10:00 in Bali (WITA), 11:00 in Papua (WIT).
const INSTANT = "2026-11-21T02:00:00.000Z";

describe("organization-local dates", () => {
  afterEach(() => {
    dayjs.locale("en");
  });

  it("reads in Indonesian with the zone's own wall time", () => {
    dayjs.locale("id");
    expect(formatZoned(INSTANT, "WITA")).toBe("Sabtu, 21 November 2026 10.00 WITA");
    expect(formatZoned(INSTANT, "WIB")).toBe("Sabtu, 21 November 2026 09.00 WIB");
    expect(formatZoned(INSTANT, "WIT", { short: true })).toBe("21 Nov 2026 11.00 WIT");
    expect(formatZoned(null, "WIB")).toBe("—");
  });

  it("reads in English with a colon", () => {
    dayjs.locale("en");
    expect(formatZoned(INSTANT, "WITA")).toBe("Saturday, 21 November 2026 10:00 WITA");
  });

  it("turns a typed wall time into the instant of that zone and back", () => {
    expect(fromZonedInput("2026-11-21T10:00", "WITA")).toBe("2026-11-21T10:00:00+08:00");
    expect(new Date(fromZonedInput("2026-11-21T10:00", "WITA") ?? "").toISOString()).toBe(INSTANT);
    expect(toZonedInput(INSTANT, "WITA")).toBe("2026-11-21T10:00");
    expect(toZonedInput(INSTANT, "WIB")).toBe("2026-11-21T09:00");
    expect(fromZonedInput("21/11/2026 10:00", "WITA")).toBeNull();
  });
});
