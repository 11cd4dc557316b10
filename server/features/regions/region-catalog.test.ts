import { describe, expect, it } from "vitest";
import { findRegion, provinceTimeZone, regencyKind, regionCatalog } from "./region-catalog";

describe("Kemendagri region catalog", () => {
  it("has the 38 provinces and 514 kabupaten/kota", () => {
    const all = [...regionCatalog().values()];
    expect(all.filter((r) => r.level === "province")).toHaveLength(38);
    expect(all.filter((r) => r.level === "regency")).toHaveLength(514);
  });

  it("derives time zones and kinds from the codes", () => {
    expect(findRegion("51")).toMatchObject({ name: "Bali", timeZone: "WITA" });
    expect(findRegion("51.71")).toMatchObject({ name: "Kota Denpasar", timeZone: "WITA" });
    expect(provinceTimeZone("31")).toBe("WIB");
    expect(provinceTimeZone("64")).toBe("WITA");
    expect(provinceTimeZone("94")).toBe("WIT");
    expect(regencyKind("51.03")).toBe("kabupaten");
    expect(regencyKind("51.71")).toBe("kota");
  });
});
