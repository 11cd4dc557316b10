import { describe, expect, it } from "vitest";
import { tokenizeDoc, tokenizeSentences } from "../text/tokenized-doc";
import {
  compileQuery,
  formatQuery,
  parseQuery,
  QUERY_ERROR_CODES,
  QUERY_ERROR_MESSAGES,
  type QueryNode,
  QuerySyntaxError,
  toTsQuery,
  tryParseQuery,
} from "./index";

const matches = (query: string, text: string) => compileQuery(parseQuery(query))(tokenizeDoc(text));
const t = (...tokens: string[]): QueryNode => ({ kind: "terms", tokens, prefix: false });

describe("parseQuery", () => {
  it("gives NOT precedence over AND, and AND over OR", () => {
    expect(parseQuery("a OR b AND c")).toEqual({ kind: "or", children: [t("a"), { kind: "and", children: [t("b"), t("c")] }] });
    expect(parseQuery("NOT a AND b")).toEqual({ kind: "and", children: [{ kind: "not", child: t("a") }, t("b")] });
    expect(parseQuery("a b OR c")).toEqual({ kind: "or", children: [{ kind: "and", children: [t("a"), t("b")] }, t("c")] });
    expect(parseQuery("(a OR b) c")).toEqual({ kind: "and", children: [{ kind: "or", children: [t("a"), t("b")] }, t("c")] });
    expect(parseQuery("a -b")).toEqual({ kind: "and", children: [t("a"), { kind: "not", child: t("b") }] });
    expect(parseQuery("a NOT b OR c")).toEqual({
      kind: "or",
      children: [{ kind: "and", children: [t("a"), { kind: "not", child: t("b") }] }, t("c")],
    });
  });

  it("normalises terms with the document tokeniser and keeps lower-case operators as words", () => {
    expect(parseQuery("BANJIR")).toEqual(t("banjir"));
    expect(parseQuery("tdk")).toEqual(t("tidak"));
    expect(parseQuery("gaada")).toEqual(t("tidak", "ada"));
    expect(parseQuery("and")).toEqual(t("and"));
    expect(parseQuery("Perda 2024")).toEqual({ kind: "and", children: [t("perda"), t("2024")] });
    expect(parseQuery("vaksin*")).toEqual({ kind: "terms", tokens: ["vaksin"], prefix: true });
    expect(parseQuery("\u201cBali United\u201d")).toEqual(t("bali", "united"));
    expect(parseQuery("NEARBY")).toEqual(t("nearby"));
  });

  it("binds NEAR tighter than NOT and checks its operands", () => {
    expect(parseQuery("NOT banjir NEAR/5 Denpasar")).toEqual({
      kind: "not",
      child: { kind: "near", distance: 5, left: t("banjir"), right: t("denpasar") },
    });
    expect(parseQuery("(banjir OR longsor) NEAR/3 Denpasar").kind).toBe("near");
  });

  const malformed: [string, string, number][] = [
    ["", "empty_query", 0],
    ["   ", "empty_query", 0],
    ["(banjir OR longsor", "unbalanced_paren", 0],
    ["banjir) OR longsor", "unbalanced_paren", 6],
    ["banjir AND (longsor OR (gempa)", "unbalanced_paren", 11],
    ["banjir ()", "unexpected_token", 8],
    ["banjir * longsor", "unexpected_token", 7],
    ["banjir - longsor", "unexpected_token", 7],
    ["banjir NEAR/x Denpasar", "bad_near", 7],
    ["banjir NEAR Denpasar", "bad_near", 7],
    ["banjir NEAR/0 Denpasar", "bad_near", 7],
    ["banjir NEAR/5000 Denpasar", "bad_near", 7],
    ["(banjir AND longsor) NEAR/5 Denpasar", "bad_near", 21],
    ["banjir NEAR/5 NOT Denpasar", "bad_near", 7],
    ['"Pemprov Bali OR Koster', "unterminated_quote", 0],
    ['Koster AND "banjir', "unterminated_quote", 11],
    ["banjir AND", "dangling_operator", 7],
    ["OR banjir", "dangling_operator", 0],
    ["banjir OR OR longsor", "dangling_operator", 7],
    ["banjir AND OR longsor", "dangling_operator", 7],
    ["(banjir OR) longsor", "dangling_operator", 8],
    ["banjir NOT", "dangling_operator", 7],
    ["banjir NEAR/5", "dangling_operator", 7],
  ];
  it.each(malformed)("rejects %j with %s at %i", (query, code, position) => {
    const result = tryParseQuery(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(QuerySyntaxError);
    expect(result.error.code).toBe(code);
    expect(result.error.position).toBe(position);
    expect(result.error.params.column).toBe(position + 1);
  });

  it("has an Indonesian and an English message for every code", () => {
    for (const code of QUERY_ERROR_CODES) {
      expect(QUERY_ERROR_MESSAGES.id[code]).toMatch(/\S/);
      expect(QUERY_ERROR_MESSAGES.en[code]).toMatch(/\S/);
      if (code !== "empty_query") expect(QUERY_ERROR_MESSAGES.id[code]).toContain("{{column}}");
    }
  });

  it("round-trips realistic watchlists through formatQuery", () => {
    const watchlists = [
      '("Pemprov Bali" OR "Pemerintah Provinsi Bali" OR Koster) AND (banjir OR longsor) NOT "Bali United"',
      '(vaksin* OR imunisasi) AND ("Dinas Kesehatan" OR Dinkes) -hoaks',
      'banjir NEAR/5 Denpasar OR (longsor NEAR/10 ("Karangasem" OR Bangli))',
      '"Diskominfos Bali" (humas OR kehumasan) NOT (lowongan OR "iklan")',
      "NOT (a NEAR/3 b) c",
      "a NEAR/2 b NEAR/4 c",
      "a NEAR/2 (b NEAR/4 c)",
      '"vaksin cov*" AND 2024',
    ];
    for (const w of watchlists) {
      const ast = parseQuery(w);
      expect(parseQuery(formatQuery(ast)), w).toEqual(ast);
    }
  });
});

describe("compileQuery", () => {
  it("matches case-insensitively, with implicit AND and precedence", () => {
    expect(matches("Koster banjir", "BANJIR melanda; Gubernur koster meninjau")).toBe(true);
    expect(matches("Koster banjir", "Gubernur Koster meninjau")).toBe(false);
    expect(matches("a OR b AND c", "a saja")).toBe(true);
    expect(matches("a OR b AND c", "b saja")).toBe(false);
    expect(matches("a OR b AND c", "b dan c")).toBe(true);
    expect(matches("NOT a AND b", "b")).toBe(true);
    expect(matches("NOT a AND b", "a b")).toBe(false);
    expect(matches("-hoaks vaksin", "vaksin aman")).toBe(true);
    expect(matches("-hoaks vaksin", "hoaks vaksin")).toBe(false);
  });

  it("matches phrases as consecutive words only", () => {
    expect(matches('"Pemprov Bali"', "Kata Pemprov Bali hari ini")).toBe(true);
    expect(matches('"Pemprov Bali"', "Pemprov NTB dan Bali")).toBe(false);
    expect(matches('"Pemprov Bali"', "Bali Pemprov")).toBe(false);
    expect(matches('"Pemprov Bali"', "akhir pemprov")).toBe(false);
    expect(matches('"tdk ada"', "Tidak ada korban")).toBe(true); // same normalisation both sides
  });

  it("matches NEAR/n within n words in either order", () => {
    const q = "banjir NEAR/5 Denpasar";
    expect(matches(q, "banjir melanda kota Denpasar")).toBe(true); // 3 apart
    expect(matches(q, "Denpasar dilanda hujan deras dan banjir")).toBe(true); // 5 apart, reversed
    expect(matches(q, "banjir satu dua tiga empat Denpasar")).toBe(true); // exactly 5
    expect(matches(q, "banjir satu dua tiga empat lima Denpasar")).toBe(false); // 6
    expect(matches(q, "Denpasar satu dua tiga empat lima banjir")).toBe(false);
    expect(matches(q, "banjir di Badung. Jauh sekali, sangat jauh dari sana: Denpasar")).toBe(false);
    // phrases and OR groups measure from their nearest ends
    expect(matches('"banjir bandang" NEAR/2 (Denpasar OR Badung)', "banjir bandang di Badung")).toBe(true);
    expect(matches('"banjir bandang" NEAR/2 (Denpasar OR Badung)', "Badung x banjir bandang")).toBe(true);
    expect(matches('"banjir bandang" NEAR/2 (Denpasar OR Badung)', "Badung x y banjir bandang")).toBe(false);
    expect(matches("NOT banjir NEAR/2 Denpasar", "banjir jauh sekali dari Denpasar")).toBe(true);
  });

  it("matches prefixes, alone and at the end of a phrase", () => {
    expect(matches("vaksin*", "program vaksinasi lansia")).toBe(true);
    expect(matches("vaksin*", "VAKSIN gratis")).toBe(true);
    expect(matches("vaksin*", "revaksin")).toBe(false);
    expect(matches('"dinas kes*"', "Dinas Kesehatan Bali")).toBe(true);
    expect(matches('"dinas kes*"', "Dinas Pendidikan kesehatan")).toBe(false);
    expect(matches("vaksin* NEAR/3 lansia", "lansia mendapat vaksinasi")).toBe(true);
  });

  it("keeps numbers exact", () => {
    expect(matches('"Perda 5"', "sesuai Perda 5 tahun ini")).toBe(true);
    expect(matches('"Perda 5"', "sesuai Perda 7 tahun ini")).toBe(false);
  });

  it("evaluates the realistic watchlist", () => {
    const q = '("Pemprov Bali" OR "Pemerintah Provinsi Bali" OR Koster) AND (banjir OR longsor) NOT "Bali United"';
    expect(matches(q, "Pemerintah Provinsi Bali menyalurkan bantuan bagi korban longsor di Karangasem.")).toBe(true);
    expect(matches(q, "Koster meninjau banjir. Laga Bali United ditunda.")).toBe(false);
    expect(matches(q, "Pemprov Jatim menangani banjir.")).toBe(false);
    expect(matches(q, "Pemprov Bali menggelar rapat anggaran.")).toBe(false);
  });

  it("returns the positions of matched terms, without negated ones", () => {
    const q = compileQuery(parseQuery('("Pemprov Bali" OR Koster) banjir -hoaks'));
    const doc = tokenizeDoc("Pemprov Bali meninjau banjir bersama Koster");
    expect(q.matchesAt(doc)).toEqual([0, 1, 3, 5]);
    expect(q.matchesAt(tokenizeDoc("hoaks Pemprov Bali banjir"))).toBeNull();
    const near = compileQuery(parseQuery("banjir NEAR/2 Denpasar"));
    // only the pair within the window counts, not the far "banjir"
    expect(near.matchesAt(tokenizeDoc("banjir a b c d e banjir di Denpasar"))).toEqual([6, 8]);
  });

  it("leads matched positions back to sentences", () => {
    const doc = tokenizeSentences("Cuaca cerah pagi ini. Banjir merendam Denpasar. Warga mengungsi.");
    const at = compileQuery(parseQuery("banjir NEAR/3 denpasar")).matchesAt(doc) ?? [];
    expect([...new Set(at.map((p) => doc.sentenceOf[p]))]).toEqual([1]);
  });
});

describe("toTsQuery", () => {
  const ts = (q: string) => toTsQuery(parseQuery(q));
  it("translates phrases, prefixes, OR, AND and NOT", () => {
    expect(ts('("Pemprov Bali" OR Koster) AND (banjir OR longsor) NOT "Bali United"')).toBe(
      "(('pemprov' <-> 'bali') | 'koster') & ('banjir' | 'longsor') & !('bali' <-> 'united')",
    );
    expect(ts("vaksin*")).toBe("'vaksin':*");
    expect(ts('"dinas kes*"')).toBe("'dinas' <-> 'kes':*");
  });

  it("turns NEAR into AND and never negates an inexact part", () => {
    expect(ts("banjir NEAR/5 Denpasar")).toBe("'banjir' & 'denpasar'");
    expect(ts("a NOT (b NEAR/3 c)")).toBe("'a'");
    expect(ts("NOT (b NEAR/3 c)")).toBeNull();
    expect(ts("a OR NOT (b NEAR/3 c)")).toBeNull();
    expect(ts("a NOT (b OR c)")).toBe("'a' & !('b' | 'c')");
  });

  it("quotes every lexeme so query text cannot inject operators", () => {
    expect(ts("jum'at")).toBe("'jum''at'");
    expect(ts('"a\\b"')).toBe("'a' <-> 'b'");
    for (const q of ["a:*", "a&b", "a|b", "a<->b", "a!b", "a'|'b"]) {
      const out = ts(q) ?? "";
      // outside quoted lexemes only our own operators appear
      expect(out.replace(/'(?:[^']|'')*'/g, "")).toMatch(/^[\s()&|!<\->:*]*$/);
    }
  });
});
