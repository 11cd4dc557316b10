import { describe, expect, it } from "vitest";
import { normalizePhone, outletNameKey, websiteDomain } from "./normalize";

describe("media relations normalizers", () => {
  it("reads the three Indonesian phone forms as one number", () => {
    expect(normalizePhone("0812-3456-7890")).toBe("+6281234567890");
    expect(normalizePhone("62 812 3456 7890")).toBe("+6281234567890");
    expect(normalizePhone("+62 (812) 3456.7890")).toBe("+6281234567890");
    expect(normalizePhone("(0541) 123456")).toBe("+62541123456");
  });

  it("refuses numbers that are not Indonesian or too short", () => {
    expect(normalizePhone("+1 202 555 0100")).toBeNull();
    expect(normalizePhone("0812")).toBeNull();
    expect(normalizePhone("08123abc456")).toBeNull();
    expect(normalizePhone("00812345678")).toBeNull();
  });

  it("keys outlet names without legal forms, accents or punctuation", () => {
    expect(outletNameKey("PT. Kaltim Pós")).toBe(outletNameKey("kaltim pos"));
    expect(outletNameKey("Kaltim Post")).not.toBe(outletNameKey("Kaltim Pos"));
  });

  it("reduces a website to its domain", () => {
    expect(websiteDomain("https://WWW.Kaltimpos.co.id/berita?x=1")).toBe("kaltimpos.co.id");
    expect(websiteDomain(null)).toBeNull();
  });
});
