/**
 * toTsQuery against a real PostgreSQL (embedded PGlite): every generated string parses, the
 * prefilter never drops a document the matcher accepts, and quoting holds. Documents are indexed
 * as the module's header recommends, to_tsvector('simple', normalizedText(doc)).
 */
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPglite } from "../../../db/client";
import { seededRandom } from "../classifier/rng";
import { normalizedText, tokenizeDoc } from "../text/tokenized-doc";
import { compileQuery, parseQuery, toTsQuery } from "./index";

let db: PGlite;
beforeAll(async () => {
  db = newPglite("memory://");
  await db.waitReady;
});
afterAll(async () => {
  await db.close();
});

const WORDS = ["banjir", "longsor", "bali", "pemprov", "koster", "denpasar", "vaksinasi", "vaksin", "hoaks", "united", "jum'at"];

async function prefilter(tsquery: string, text: string, config = "simple"): Promise<boolean> {
  const { rows } = await db.query<{ hit: boolean }>(`select to_tsvector('simple', $1) @@ to_tsquery('${config}', $2) as hit`, [
    normalizedText(tokenizeDoc(text)),
    tsquery,
  ]);
  return rows[0].hit;
}

describe("toTsQuery on PostgreSQL", () => {
  it("never drops a document the matcher accepts", async () => {
    const rnd = seededRandom(11);
    const w = () => WORDS[Math.floor(rnd() * WORDS.length)];
    const docs = Array.from({ length: 40 }, () => Array.from({ length: 4 + Math.floor(rnd() * 10) }, w).join(" "));
    const queries = [
      '("Pemprov Bali" OR Koster) AND (banjir OR longsor) NOT "Bali United"',
      "banjir NEAR/2 denpasar",
      "vaksin* -hoaks",
      "NOT (banjir NEAR/1 bali) koster",
      '"bali united" OR (hoaks NOT koster)',
      "(banjir OR bali) NEAR/3 (koster OR denpasar) NOT vaksinasi",
      "jum'at OR longsor",
    ];
    let accepted = 0;
    let overMatched = 0;
    for (const q of queries) {
      const ast = parseQuery(q);
      const ts = toTsQuery(ast);
      const matcher = compileQuery(ast);
      for (const d of docs) {
        const exact = matcher(tokenizeDoc(d));
        const pre = ts === null ? true : await prefilter(ts, d);
        if (exact) {
          accepted++;
          expect(pre, `${q} / ${d}`).toBe(true);
        } else if (pre) overMatched++;
      }
    }
    expect(accepted).toBeGreaterThan(20); // the check was not vacuous
    expect(overMatched).toBeGreaterThan(0); // NEAR as AND does over-match, as documented
  });

  it("parses under the 'indonesian' configuration and cannot be injected", async () => {
    const ts = toTsQuery(parseQuery('("Pemprov Bali" OR Koster) AND vaksin* NOT "Bali United"')) ?? "";
    expect(await prefilter(ts, "Pemprov Bali gelar vaksinasi", "indonesian")).toBe(true);
    for (const q of ["a:*b", "x'|'y", "a\\'b", "a&!b"]) {
      const t = toTsQuery(parseQuery(`"${q}"`));
      expect(t).not.toBeNull();
      await expect(prefilter(t ?? "", "apa saja")).resolves.toBe(false);
    }
  });
});
