import { describe, expect, it } from "vitest";
import { decodeBody } from "./charset";

const cp1252 = (s: string) => Buffer.from(s, "latin1");

describe("decodeBody", () => {
  it("uses the Content-Type charset, then the XML declaration, then <meta charset>", () => {
    expect(decodeBody(cp1252("caf\xe9"), "text/html; charset=ISO-8859-1")).toMatchObject({ text: "café", charset: "windows-1252" });
    expect(decodeBody(cp1252('<?xml version="1.0" encoding="iso-8859-1"?><a>caf\xe9</a>'), "application/xml").text).toContain("café");
    expect(decodeBody(cp1252('<html><head><meta charset="windows-1252"></head>\x93kopi\x94</html>'), "text/html").text).toContain("“kopi”");
  });

  it("falls back to windows-1252 when a page declared UTF-8 is not valid UTF-8", () => {
    const d = decodeBody(cp1252('<meta charset="utf-8"><p>Jos\xe9 \x93kutipan\x94</p>'), "text/html; charset=utf-8");
    expect(d).toMatchObject({ charset: "windows-1252", corrected: true });
    expect(d.text).toContain("José “kutipan”");
  });

  it("reads UTF-8 declared as latin-1 as UTF-8, and honours a byte-order mark", () => {
    expect(decodeBody(Buffer.from("kafé “enak”", "utf8"), "text/html; charset=iso-8859-1")).toMatchObject({
      text: "kafé “enak”",
      corrected: true,
    });
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("é")]), "").text).toBe("é");
  });
});
