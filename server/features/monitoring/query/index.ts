/** The watchlist query language: parse → compile → match, plus the SQL prefilter. */
export { type CompiledQuery, compileQuery, matchesAt } from "./compile-query";
export { type ParseResult, parseQuery, tryParseQuery } from "./parse-query";
export {
  formatQuery,
  QUERY_ERROR_CODES,
  QUERY_ERROR_MESSAGES,
  type QueryErrorCode,
  type QueryNode,
  QuerySyntaxError,
} from "./query-ast";
export { quoteLexeme, toTsQuery } from "./to-tsquery";
