/**
 * A watchlist's entries (names, aliases, officials, programmes, places, hashtags, Boolean
 * queries) become one Boolean query: each plain entry a quoted phrase, each query entry a
 * group, all OR-ed. The canonical text (`formatQuery`) is what is stored and matched; the plain
 * entries (and the positive words of query entries) are the terms `toneAround` looks for.
 */
import type { WatchlistEntry } from "../../../db/schema/monitoring-articles";
import { AppError } from "../../../http/errors";
import { type CompiledQuery, compileQuery, formatQuery, parseQuery, type QueryNode, QuerySyntaxError, tryParseQuery } from "../query";

export interface CompiledWatchlist {
  query: string;
  ast: QueryNode;
  toneTerms: string[];
}

const quotePhrase = (value: string) => `"${value.replace(/["“”]/g, " ").trim()}"`;

/** Words of the parts of a query that must be present (not under NOT), as phrases. */
export function positiveTerms(node: QueryNode, negated = false, out: string[] = []): string[] {
  switch (node.kind) {
    case "terms":
      if (!negated && !node.prefix) out.push(node.tokens.join(" "));
      break;
    case "not":
      positiveTerms(node.child, !negated, out);
      break;
    case "near":
      positiveTerms(node.left, negated, out);
      positiveTerms(node.right, negated, out);
      break;
    default:
      for (const c of node.children) positiveTerms(c, negated, out);
  }
  return out;
}

/** A syntax error as a 400 naming the entry and the 0-based character position in it. */
export function querySyntaxError(err: QuerySyntaxError, entry?: number): AppError {
  const field = entry === undefined ? "query" : `entries.${entry}.value`;
  return new AppError(
    400,
    `query_${err.code}`,
    { ...err.params, ...(entry === undefined ? {} : { entry }) },
    {
      [field]: { code: `query_${err.code}`, params: err.params },
    },
  );
}

export function compileWatchlist(entries: readonly WatchlistEntry[]): CompiledWatchlist {
  if (!entries.length) throw new AppError(400, "query_empty_query", { position: 0, column: 1 });
  const parts: string[] = [];
  const toneTerms: string[] = [];
  entries.forEach((entry, i) => {
    const value = entry.value.trim();
    if (entry.kind === "query") {
      const parsed = tryParseQuery(value);
      if (!parsed.ok) throw querySyntaxError(parsed.error, i);
      parts.push(`(${formatQuery(parsed.ast)})`);
      toneTerms.push(...positiveTerms(parsed.ast));
      return;
    }
    const phrase = entry.kind === "hashtag" ? value.replace(/^#+/, "") : value;
    const parsed = tryParseQuery(quotePhrase(phrase));
    // A value without any word (only punctuation) cannot be matched.
    if (!parsed.ok) throw querySyntaxError(new QuerySyntaxError("unexpected_token", 0), i);
    parts.push(formatQuery(parsed.ast));
    toneTerms.push(phrase, ...(entry.kind === "hashtag" ? [`#${phrase}`] : []));
  });
  const ast = parseQuery(parts.join(" OR "));
  return { query: formatQuery(ast), ast, toneTerms: [...new Set(toneTerms.filter(Boolean))] };
}

/** Parses a search/preview query or throws the 400. */
export function parseSearchQuery(text: string): QueryNode {
  const parsed = tryParseQuery(text);
  if (!parsed.ok) throw querySyntaxError(parsed.error);
  return parsed.ast;
}

export interface MatchableWatchlist {
  id: string;
  organizationId: string;
  matcher: CompiledQuery;
  toneTerms: string[];
  /** Tokens of which at least one must be in a document for the query to match; null = always try. */
  anyOf: string[] | null;
}

/**
 * The prefilter: a query can only match a document holding one of its required words. Returns
 * null when the query can match without any (a lone NOT) or needs a prefix scan.
 */
export function requiredAnyOf(node: QueryNode): string[] | null {
  switch (node.kind) {
    case "terms":
      return node.prefix && node.tokens.length === 1 ? null : [node.tokens[0]];
    case "not":
      return null;
    case "near":
      return requiredAnyOf(node.left) ?? requiredAnyOf(node.right);
    case "and": {
      // Any one positive child's requirement suffices; take the first that has one.
      for (const c of node.children) {
        const r = requiredAnyOf(c);
        if (r) return r;
      }
      return null;
    }
    case "or": {
      const all: string[] = [];
      for (const c of node.children) {
        const r = requiredAnyOf(c);
        if (!r) return null;
        all.push(...r);
      }
      return all;
    }
  }
}

const compiledCache = new Map<string, MatchableWatchlist>();

/** Compiled matchers are cached by id + stored query text: a batch recompiles nothing. */
export function matchableWatchlist(row: {
  id: string;
  organizationId: string;
  compiledQuery: string;
  toneTerms: string[];
}): MatchableWatchlist {
  const key = `${row.id}\u0000${row.compiledQuery}\u0000${row.toneTerms.join("\u0001")}`;
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const ast = parseQuery(row.compiledQuery);
  const m: MatchableWatchlist = {
    id: row.id,
    organizationId: row.organizationId,
    matcher: compileQuery(ast),
    toneTerms: row.toneTerms,
    anyOf: requiredAnyOf(ast),
  };
  if (compiledCache.size > 5000) compiledCache.clear();
  compiledCache.set(key, m);
  return m;
}
