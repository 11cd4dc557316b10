/**
 * The register of hoax clarifications: content items of type "klarifikasi" published by the
 * owner's tree. An article matches a clarification when it repeats the claim — its wording is a
 * near-duplicate (MinHash estimate ≥ 0.3 of the claim's shingles), or it contains most of the
 * claim's content words (≥ 70 % of at least 4 distinct non-stopwords).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { type Fingerprint, fingerprintTokens, similarity } from "../near-dup";
import { searchTokens, type TokenizedDoc } from "../text/tokenized-doc";
import { isStopword } from "./detect-language";

export const HOAX_TERM_OVERLAP = 0.7;
const MIN_CLAIM_TERMS = 4;

export interface Clarification {
  id: string;
  fp: Fingerprint;
  terms: string[];
}

export function clarificationFrom(id: string, claimText: string): Clarification {
  const tokens = searchTokens(claimText);
  const terms = [...new Set(tokens.filter((t) => t.length >= 3 && !isStopword(t) && !/^\d+$/.test(t)))];
  return { id, fp: fingerprintTokens(tokens), terms };
}

/** Published clarifications of the tree the owner belongs to (rootPath = the tree root's path). */
export async function loadClarifications(db: Executor, rootPath: string): Promise<Clarification[]> {
  const res = await db.execute(sql`
    select c.id, c.title, coalesce(c.fields->>'claim', '') as claim
    from content_items c join organizations o on o.id = c.organization_id
    where c.type = 'klarifikasi' and c.status = 'published' and o.path like ${`${rootPath}%`}
    order by c.public_from desc nulls last limit 2000`);
  return (res as unknown as { rows: { id: string; title: string; claim: string }[] }).rows.map((r) =>
    clarificationFrom(r.id, r.claim.trim() ? r.claim : r.title),
  );
}

/** The clarification an article repeats, best first, or null. */
export function matchClarification(register: readonly Clarification[], doc: TokenizedDoc, fp: Fingerprint): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const c of register) {
    let score = 0;
    if (c.terms.length >= MIN_CLAIM_TERMS) {
      let found = 0;
      for (const t of c.terms) if (doc.index.has(t)) found++;
      const share = found / c.terms.length;
      if (share >= HOAX_TERM_OVERLAP) score = share;
    }
    const sim = similarity(c.fp, fp);
    if (sim >= 0.3) score = Math.max(score, sim + 1);
    if (score > bestScore) {
      bestScore = score;
      best = c.id;
    }
  }
  return best;
}
