/**
 * The watchlist query language's syntax tree and error codes.
 *
 * A leaf holds the *normalised* tokens of a term or "quoted phrase" (the same tokeniser as the
 * documents, text/tokenized-doc.ts), so matching compares strings that were normalised alike.
 */

export type QueryNode =
  /** A word or a phrase: its tokens must appear consecutively; `prefix`: the last one only has
   *  to start with its token (vaksin* → vaksinasi). A single word is a phrase of one token. */
  | { kind: "terms"; tokens: string[]; prefix: boolean }
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode }
  /** Both sides within `distance` words of each other, in either order. */
  | { kind: "near"; distance: number; left: QueryNode; right: QueryNode };

export const QUERY_ERROR_CODES = [
  "empty_query",
  "unbalanced_paren",
  "unexpected_token",
  "bad_near",
  "unterminated_quote",
  "dangling_operator",
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

/** A syntax error at a 0-based character position of the query. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    readonly position: number,
  ) {
    super(`${code} at ${position}`);
    this.name = "QuerySyntaxError";
  }

  /** Parameters for the messages below: `column` is 1-based, for people. */
  get params(): { position: number; column: number } {
    return { position: this.position, column: this.position + 1 };
  }
}

/**
 * Messages for common/i18n/errors.ts (to be added there under the same codes, prefixed
 * `query_` so they do not collide with other features' codes). {{column}} is 1-based.
 */
export const QUERY_ERROR_MESSAGES: Record<"id" | "en", Record<QueryErrorCode, string>> = {
  id: {
    empty_query: "Kueri pencarian kosong.",
    unbalanced_paren: "Tanda kurung tidak berpasangan pada karakter ke-{{column}}.",
    unexpected_token: "Ada bagian kueri yang tidak dapat dibaca pada karakter ke-{{column}}.",
    bad_near: "Operator NEAR pada karakter ke-{{column}} harus ditulis NEAR/n (n = 1–1000) di antara dua kata, frasa, atau kelompok OR.",
    unterminated_quote: "Tanda kutip yang dibuka pada karakter ke-{{column}} tidak ditutup.",
    dangling_operator: "Operator pada karakter ke-{{column}} tidak memiliki kata di salah satu sisinya.",
  },
  en: {
    empty_query: "The search query is empty.",
    unbalanced_paren: "Unmatched parenthesis at character {{column}}.",
    unexpected_token: "Part of the query cannot be read at character {{column}}.",
    bad_near: "The NEAR operator at character {{column}} must be written NEAR/n (n = 1–1000) between two words, phrases or OR groups.",
    unterminated_quote: "The quotation mark opened at character {{column}} is never closed.",
    dangling_operator: "The operator at character {{column}} is missing a word on one side.",
  },
};

/** Canonical text of a tree: parseQuery(formatQuery(ast)) gives the same tree back. */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case "terms": {
      const star = node.prefix ? "*" : "";
      return node.tokens.length === 1 ? `${node.tokens[0]}${star}` : `"${node.tokens.join(" ")}${star}"`;
    }
    case "and":
      return node.children.map((c) => (c.kind === "or" ? `(${formatQuery(c)})` : formatQuery(c))).join(" AND ");
    case "or":
      return node.children.map(formatQuery).join(" OR ");
    case "not":
      return `NOT ${wrapUnlessLeaf(node.child)}`;
    case "near":
      return `${wrapUnlessLeaf(node.left, true)} NEAR/${node.distance} ${wrapUnlessLeaf(node.right)}`;
  }
}

function wrapUnlessLeaf(node: QueryNode, nearLeft = false): string {
  // NEAR is left-associative, so a NEAR on its left needs no parentheses.
  if (node.kind === "terms" || (nearLeft && node.kind === "near")) return formatQuery(node);
  return `(${formatQuery(node)})`;
}
