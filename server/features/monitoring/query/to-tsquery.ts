/**
 * Translates a query into a PostgreSQL tsquery for `to_tsquery('indonesian', $1)`, the SQL
 * prefilter in front of the exact matcher (compile-query.ts):
 *
 *   SELECT … WHERE search_vector @@ to_tsquery('indonesian', $1)   -- candidates
 *   … then compileQuery(ast)(tokenizeDoc(text)) on each candidate  -- the decision
 *
 * The prefilter may over-match and the matcher decides; it must never under-match, so:
 * - a phrase becomes `'a' <-> 'b'`, a prefix `'vaksin':*`;
 * - NEAR/n becomes AND (tsquery's `<n>` means "exactly n apart, in this order", not "within n,
 *   either order"), and is marked inexact;
 * - NOT is only kept around an exact part: negating a superset would drop documents the matcher
 *   accepts. "a NOT (b NEAR/3 c)" prefilters on `'a'` alone.
 * - null means "no usable prefilter" (e.g. a query that is only a negated NEAR): scan without it.
 *
 * Every token is quoted (`'…'`, with ' doubled and \ doubled), so no query text can inject tsquery
 * operators. Two known gaps, both from normalisation running only on our side: the 'indonesian'
 * configuration stems, which can make a negated phrase exclude slightly more than the matcher
 * would; and a document written with a slang spelling ("yg") is indexed as written while the
 * query asks for the standard word. Indexing `to_tsvector('simple', normalizedText(doc))`
 * (text/tokenized-doc.ts) and passing config 'simple' closes both.
 */
import type { QueryNode } from "./query-ast";

interface Ts {
  q: string | null;
  /** True when q matches exactly the same documents as the matcher (modulo the gaps above). */
  exact: boolean;
}

export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function translate(node: QueryNode): Ts {
  switch (node.kind) {
    case "terms": {
      const parts = node.tokens.map(quoteLexeme);
      if (node.prefix) parts[parts.length - 1] += ":*";
      return { q: parts.length === 1 ? parts[0] : `(${parts.join(" <-> ")})`, exact: true };
    }
    case "near": {
      const left = translate(node.left);
      const right = translate(node.right);
      const both = [left.q, right.q].filter((q): q is string => q !== null);
      return { q: both.length ? `(${both.join(" & ")})` : null, exact: false };
    }
    case "not": {
      const child = translate(node.child);
      return child.exact && child.q !== null ? { q: `!${child.q}`, exact: true } : { q: null, exact: false };
    }
    case "and": {
      const parts = node.children.map(translate);
      const kept = parts.map((p) => p.q).filter((q): q is string => q !== null);
      const exact = parts.every((p) => p.exact && p.q !== null);
      if (kept.length === 0) return { q: null, exact: false };
      // A lone negation cannot use the index and would scan anyway; keep it, it is still correct.
      return { q: kept.length === 1 ? kept[0] : `(${kept.join(" & ")})`, exact };
    }
    case "or": {
      const parts = node.children.map(translate);
      // One unconstrained branch makes the whole OR unconstrained.
      if (parts.some((p) => p.q === null)) return { q: null, exact: false };
      return { q: `(${parts.map((p) => p.q).join(" | ")})`, exact: parts.every((p) => p.exact) };
    }
  }
}

/** The tsquery text for to_tsquery(config, …), or null when no prefilter is possible. */
export function toTsQuery(ast: QueryNode): string | null {
  const { q } = translate(ast);
  if (q === null) return null;
  // Outer parentheses add nothing.
  return q.startsWith("(") && balancedOuter(q) ? q.slice(1, -1) : q;
}

function balancedOuter(q: string): boolean {
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i];
    if (ch === "'") {
      // skip a quoted lexeme ('' inside is an escaped quote)
      i++;
      while (i < q.length && !(q[i] === "'" && q[i + 1] !== "'")) i += q[i] === "'" ? 2 : 1;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0 && i < q.length - 1) return false;
  }
  return true;
}
