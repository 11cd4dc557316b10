/**
 * Hand-written recursive-descent parser for watchlist queries.
 *
 *   query   := or EOF
 *   or      := and ( "OR" and )*
 *   and     := unary ( ["AND"] unary )*          adjacent terms are AND-ed; "a NOT b" = a AND NOT b
 *   unary   := ("NOT" | "-") unary | near
 *   near    := primary ( "NEAR/n" primary )*     left-associative
 *   primary := "(" or ")" | "quoted phrase" | word | word*
 *
 * Precedence NEAR > NOT > AND > OR. NEAR binds tightest so "NOT a NEAR/3 b" reads as
 * NOT (a NEAR/3 b); its operands are words, phrases, OR groups or other NEARs, because an AND
 * or a NOT has no position to measure from. Operators are upper case (AND, OR, NOT, NEAR/n):
 * lower-case "and"/"or" are ordinary search words, terms themselves match case-insensitively.
 */
import { searchTokens } from "../text/tokenized-doc";
import { type QueryNode, QuerySyntaxError } from "./query-ast";

type LexKind = "lparen" | "rparen" | "and" | "or" | "not" | "near" | "terms" | "eof";
interface Lexeme {
  kind: LexKind;
  pos: number;
  /** near: the distance; terms: the leaf. */
  distance?: number;
  node?: QueryNode & { kind: "terms" };
}

export const MAX_NEAR = 1000;
const OPEN_QUOTES = new Set(['"', "\u201c", "\u201d"]);
const isSpace = (ch: string) => /\s/.test(ch);
const endsWord = (ch: string) => isSpace(ch) || ch === "(" || ch === ")" || OPEN_QUOTES.has(ch);

function termsNode(text: string, pos: number): QueryNode & { kind: "terms" } {
  let body = text.trimEnd();
  const prefix = body.endsWith("*");
  body = body.replace(/\*+$/, "");
  const tokens = searchTokens(body);
  if (tokens.length === 0) throw new QuerySyntaxError("unexpected_token", pos);
  return { kind: "terms", tokens, prefix };
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      out.push({ kind: ch === "(" ? "lparen" : "rparen", pos: i });
      i++;
    } else if (OPEN_QUOTES.has(ch)) {
      // Straight or typographic quotes (pasted from a word processor) close each other.
      let j = i + 1;
      while (j < input.length && !OPEN_QUOTES.has(input[j])) j++;
      if (j >= input.length) throw new QuerySyntaxError("unterminated_quote", i);
      out.push({ kind: "terms", pos: i, node: termsNode(input.slice(i + 1, j), i) });
      i = j + 1;
    } else if (ch === "-" && i + 1 < input.length && !isSpace(input[i + 1]) && input[i + 1] !== ")") {
      // "-banjir", -"Bali United", -(…): a leading minus is NOT.
      out.push({ kind: "not", pos: i });
      i++;
    } else {
      let j = i;
      while (j < input.length && !endsWord(input[j])) j++;
      const word = input.slice(i, j);
      if (word === "AND" || word === "OR" || word === "NOT") out.push({ kind: word.toLowerCase() as LexKind, pos: i });
      else if (word === "NEAR" || word.startsWith("NEAR/")) {
        const m = /^NEAR\/(\d{1,4})$/.exec(word);
        const distance = m ? Number(m[1]) : 0;
        if (distance < 1 || distance > MAX_NEAR) throw new QuerySyntaxError("bad_near", i);
        out.push({ kind: "near", pos: i, distance });
      } else out.push({ kind: "terms", pos: i, node: termsNode(word, i) });
      i = j;
    }
  }
  out.push({ kind: "eof", pos: input.length });
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly lexemes: Lexeme[]) {}

  private peek(): Lexeme {
    return this.lexemes[this.at];
  }
  private next(): Lexeme {
    return this.lexemes[this.at++];
  }
  /** Can the current lexeme begin an operand? */
  private startsOperand(): boolean {
    const k = this.peek().kind;
    return k === "terms" || k === "lparen" || k === "not";
  }
  /** An operator must be followed by an operand; otherwise it dangles. */
  private expectOperandAfter(op: Lexeme): void {
    if (!this.startsOperand()) throw new QuerySyntaxError("dangling_operator", op.pos);
  }

  parse(): QueryNode {
    if (this.peek().kind === "eof") throw new QuerySyntaxError("empty_query", 0);
    const node = this.or();
    const rest = this.peek();
    if (rest.kind === "rparen") throw new QuerySyntaxError("unbalanced_paren", rest.pos);
    if (rest.kind !== "eof") throw new QuerySyntaxError("unexpected_token", rest.pos);
    return node;
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.peek().kind === "or") {
      this.expectOperandAfter(this.next());
      children.push(this.and());
    }
    return flatten("or", children);
  }

  private and(): QueryNode {
    const children = [this.unary()];
    for (;;) {
      const k = this.peek().kind;
      if (k === "and") this.expectOperandAfter(this.next());
      else if (!this.startsOperand()) break;
      children.push(this.unary());
    }
    return flatten("and", children);
  }

  private unary(): QueryNode {
    const lx = this.peek();
    if (lx.kind === "not") {
      this.next();
      this.expectOperandAfter(lx);
      return { kind: "not", child: this.unary() };
    }
    return this.near();
  }

  private near(): QueryNode {
    let left = this.primary();
    while (this.peek().kind === "near") {
      const op = this.next();
      const k = this.peek().kind;
      if (k !== "terms" && k !== "lparen") {
        throw new QuerySyntaxError(k === "not" ? "bad_near" : "dangling_operator", op.pos);
      }
      const right = this.primary();
      if (!positional(left) || !positional(right)) throw new QuerySyntaxError("bad_near", op.pos);
      left = { kind: "near", distance: op.distance ?? 1, left, right };
    }
    return left;
  }

  private primary(): QueryNode {
    const lx = this.next();
    switch (lx.kind) {
      case "terms":
        return lx.node as QueryNode;
      case "lparen": {
        if (this.peek().kind === "rparen") throw new QuerySyntaxError("unexpected_token", this.peek().pos);
        if (this.peek().kind === "eof") throw new QuerySyntaxError("unbalanced_paren", lx.pos);
        const inner = this.or();
        if (this.peek().kind !== "rparen") throw new QuerySyntaxError("unbalanced_paren", lx.pos);
        this.next();
        return inner;
      }
      case "rparen":
        throw new QuerySyntaxError("unbalanced_paren", lx.pos);
      case "eof":
        throw new QuerySyntaxError("empty_query", lx.pos);
      default:
        // AND / OR / NEAR where a word was expected: "AND banjir", "(OR x)".
        throw new QuerySyntaxError("dangling_operator", lx.pos);
    }
  }
}

/** Nodes NEAR can measure a distance from: they match at positions. */
function positional(node: QueryNode): boolean {
  if (node.kind === "terms" || node.kind === "near") return true;
  if (node.kind === "or") return node.children.every(positional);
  return false;
}

function flatten(kind: "and" | "or", children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0];
  const flat: QueryNode[] = [];
  for (const c of children) {
    if (c.kind === kind) flat.push(...c.children);
    else flat.push(c);
  }
  return { kind, children: flat };
}

/** Parses a query; throws QuerySyntaxError (code + 0-based position) on malformed input. */
export function parseQuery(input: string): QueryNode {
  return new Parser(lex(input)).parse();
}

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QuerySyntaxError };

/** parseQuery without throwing, for validating a watchlist form field. */
export function tryParseQuery(input: string): ParseResult {
  try {
    return { ok: true, ast: parseQuery(input) };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, error: err };
    throw err;
  }
}
