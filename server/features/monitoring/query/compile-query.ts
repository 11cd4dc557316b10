/**
 * Compiles a query tree into closures over a TokenizedDoc. `test` answers match / no match and
 * stops early; `spans` lists where a positional node (term, phrase, OR of those, NEAR) occurs;
 * `collect` gathers the token positions that made a match (for highlighting and for tone in the
 * sentences around a mention). Negated parts never contribute positions.
 */
import type { TokenizedDoc } from "../text/tokenized-doc";
import type { QueryNode } from "./query-ast";

/** Flat [start, end, start, end, …] inclusive token ranges, ascending by start. */
type Spans = number[];

interface Evaluator {
  test(doc: TokenizedDoc): boolean;
  spans(doc: TokenizedDoc): Spans;
  collect(doc: TokenizedDoc, out: number[]): void;
}

export interface CompiledQuery {
  (doc: TokenizedDoc): boolean;
  /** Sorted token positions of the matched terms, or null when the document does not match. */
  matchesAt(doc: TokenizedDoc): number[] | null;
}

const NONE: Spans = [];

function positionsOfPrefix(doc: TokenizedDoc, prefix: string): number[] {
  const out: number[] = [];
  for (const [token, positions] of doc.index) if (token.startsWith(prefix)) out.push(...positions);
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}

function termsEvaluator(tokens: string[], prefix: boolean): Evaluator {
  const n = tokens.length;
  const last = tokens[n - 1];
  const firstPositions = (doc: TokenizedDoc): readonly number[] =>
    n === 1 && prefix ? positionsOfPrefix(doc, last) : (doc.index.get(tokens[0]) ?? NONE);
  const spans = (doc: TokenizedDoc): Spans => {
    const starts = firstPositions(doc);
    const out: Spans = [];
    for (const p of starts) {
      if (p + n > doc.tokens.length) break;
      let ok = true;
      for (let i = 1; i < n && ok; i++) {
        const t = doc.tokens[p + i];
        ok = i === n - 1 && prefix ? t.startsWith(last) : t === tokens[i];
      }
      if (ok) out.push(p, p + n - 1);
    }
    return out;
  };
  // The common case, one plain word, is a single map lookup.
  const test =
    n === 1 && !prefix
      ? (doc: TokenizedDoc) => doc.index.has(last)
      : n === 1
        ? (doc: TokenizedDoc) => {
            for (const token of doc.index.keys()) if (token.startsWith(last)) return true;
            return false;
          }
        : (doc: TokenizedDoc) => spans(doc).length > 0;
  return { test, spans, collect: (doc, out) => pushSpanPositions(spans(doc), out) };
}

function pushSpanPositions(spans: Spans, out: number[]): void {
  for (let i = 0; i < spans.length; i += 2) for (let p = spans[i]; p <= spans[i + 1]; p++) out.push(p);
}

/** Words between two ranges: 0 when they overlap, else the difference of the nearest ends. */
function gap(s1: number, e1: number, s2: number, e2: number): number {
  if (s2 > e1) return s2 - e1;
  if (s1 > e2) return s1 - e2;
  return 0;
}

function nearEvaluator(distance: number, left: Evaluator, right: Evaluator): Evaluator {
  /** Calls `hit` for each pair within the distance; stops when it returns true. */
  const pairs = (doc: TokenizedDoc, hit: (ls: number, le: number, rs: number, re: number) => boolean): void => {
    const l = left.spans(doc);
    if (l.length === 0) return;
    const r = right.spans(doc);
    for (let i = 0; i < l.length; i += 2) {
      for (let j = 0; j < r.length; j += 2) {
        if (r[j] > l[i + 1] + distance) break; // r ascends by start: later ones are further away
        if (gap(l[i], l[i + 1], r[j], r[j + 1]) <= distance && hit(l[i], l[i + 1], r[j], r[j + 1])) return;
      }
    }
  };
  const spans = (doc: TokenizedDoc): Spans => {
    const found: [number, number][] = [];
    pairs(doc, (ls, le, rs, re) => {
      found.push([Math.min(ls, rs), Math.max(le, re)]);
      return false;
    });
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return found.flat();
  };
  return {
    test: (doc) => {
      let any = false;
      pairs(doc, () => {
        any = true;
        return true;
      });
      return any;
    },
    spans,
    collect: (doc, out) =>
      pairs(doc, (ls, le, rs, re) => {
        pushSpanPositions([ls, le, rs, re], out);
        return false;
      }),
  };
}

function evaluator(node: QueryNode): Evaluator {
  switch (node.kind) {
    case "terms":
      return termsEvaluator(node.tokens, node.prefix);
    case "near":
      return nearEvaluator(node.distance, evaluator(node.left), evaluator(node.right));
    case "not": {
      const child = evaluator(node.child);
      return { test: (doc) => !child.test(doc), spans: () => NONE, collect: () => {} };
    }
    case "and": {
      // Positive parts first: a missing word ends the test before any negation is looked at.
      const ordered = [...node.children].sort((a, b) => Number(a.kind === "not") - Number(b.kind === "not"));
      const children = ordered.map(evaluator);
      return {
        test: (doc) => children.every((c) => c.test(doc)),
        spans: () => NONE, // the parser keeps AND out of NEAR
        collect: (doc, out) => {
          for (const c of children) c.collect(doc, out);
        },
      };
    }
    case "or": {
      const children = node.children.map(evaluator);
      return {
        test: (doc) => children.some((c) => c.test(doc)),
        spans: (doc) => {
          const all: [number, number][] = [];
          for (const c of children) {
            const s = c.spans(doc);
            for (let i = 0; i < s.length; i += 2) all.push([s[i], s[i + 1]]);
          }
          all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          return all.flat();
        },
        collect: (doc, out) => {
          for (const c of children) if (c.test(doc)) c.collect(doc, out);
        },
      };
    }
  }
}

export function compileQuery(ast: QueryNode): CompiledQuery {
  const root = evaluator(ast);
  const matcher = ((doc: TokenizedDoc) => root.test(doc)) as CompiledQuery;
  matcher.matchesAt = (doc) => {
    if (!root.test(doc)) return null;
    const out: number[] = [];
    root.collect(doc, out);
    out.sort((a, b) => a - b);
    return out.filter((p, i) => i === 0 || p !== out[i - 1]);
  };
  return matcher;
}

/** Positions of the matched terms of `query` in `doc`, or null when it does not match. */
export function matchesAt(query: CompiledQuery, doc: TokenizedDoc): number[] | null {
  return query.matchesAt(doc);
}
