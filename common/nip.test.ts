import { describe, expect, it } from "vitest";
import { parseNip } from "./nip";

describe("NIP", () => {
  const today = new Date("2026-11-22T00:00:00Z");
  it("splits a valid NIP into birth date, TMT CPNS and sex", () => {
    expect(parseNip("198503122010012003", today)).toEqual({
      ok: true,
      parts: { birthDate: "1985-03-12", tmtCpns: "2010-01", sex: "P", sequence: "003" },
    });
    expect(parseNip("1985 0312 201001 1 003", today)).toMatchObject({ ok: true, parts: { sex: "L" } });
  });
  it("names what is wrong", () => {
    expect(parseNip("19850312201001200", today)).toEqual({ ok: false, problem: "length" });
    expect(parseNip("19850312201001200x", today)).toEqual({ ok: false, problem: "digits" });
    expect(parseNip("198502302010012003", today)).toEqual({ ok: false, problem: "birth_date" });
    expect(parseNip("198503122010132003", today)).toEqual({ ok: false, problem: "tmt_cpns" });
    expect(parseNip("198503122010013003", today)).toEqual({ ok: false, problem: "sex" });
    expect(parseNip("198503122000012003", today)).toEqual({ ok: false, problem: "age" });
  });
});
