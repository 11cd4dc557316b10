/**
 * The search view of a text, shared by the watchlist query language (query/) and near-duplicate
 * detection (near-dup/), so a query term and an article word are normalised the same way: the
 * Indonesian tokeniser (tokenize-id.ts: lower case, slang → standard word, "hati2" → "hati-hati")
 * with numbers kept as written, and punctuation dropped — positions count words only, so
 * "banjir NEAR/5 Denpasar" measures words, not commas.
 */
import { splitSentences } from "./sentences-id";
import { tokenizeId } from "./tokenize-id";

export interface TokenizedDoc {
  /** Word tokens in reading order; a token's index is its position. */
  readonly tokens: readonly string[];
  /** token → its positions, ascending. Built once per document; every query reads it. */
  readonly index: ReadonlyMap<string, readonly number[]>;
  /** Sentence number of each token, when built with tokenizeSentences (for tone around a mention). */
  readonly sentenceOf?: Uint32Array;
}

function isWord(token: string): boolean {
  const c = token.charCodeAt(0);
  // tokenizeId's only non-word tokens are ".", "!" and "?".
  return !(token.length === 1 && (c === 46 || c === 33 || c === 63));
}

/** Words of a text (or of a query term) as the matcher sees them. */
export function searchTokens(text: string): string[] {
  return tokenizeId(text, { keepNumbers: true }).filter(isWord);
}

function indexTokens(tokens: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const list = index.get(tokens[i]);
    if (list) list.push(i);
    else index.set(tokens[i], [i]);
  }
  return index;
}

export function tokenizeDoc(text: string): TokenizedDoc {
  return tokenizeDocFrom(tokenizeId(text, { keepNumbers: true }));
}

/** The document from tokenizeId(text, { keepNumbers: true }), when the caller also needs that list. */
export function tokenizeDocFrom(kept: readonly string[]): TokenizedDoc {
  const tokens = kept.filter(isWord);
  return { tokens, index: indexTokens(tokens) };
}

/** Like tokenizeDoc, also recording each token's sentence, so a match's positions lead back to
 *  the sentences around a mention. */
export function tokenizeSentences(text: string): TokenizedDoc & { sentences: string[]; sentenceOf: Uint32Array } {
  const sentences = splitSentences(text);
  const tokens: string[] = [];
  const owner: number[] = [];
  sentences.forEach((sentence, s) => {
    for (const t of searchTokens(sentence)) {
      tokens.push(t);
      owner.push(s);
    }
  });
  return { tokens, index: indexTokens(tokens), sentences, sentenceOf: Uint32Array.from(owner) };
}

/** The tokens joined by spaces: what a database column should index (to_tsvector('simple', …))
 *  when the SQL prefilter must see exactly the matcher's normalisation. */
export function normalizedText(doc: TokenizedDoc): string {
  return doc.tokens.join(" ");
}
