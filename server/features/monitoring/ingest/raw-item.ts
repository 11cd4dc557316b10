/**
 * What a fetcher (feeds, sitemaps, clipping, manual entry, CSV import, social connectors) hands
 * to the pipeline: one article or post, already reduced to plain text. `ingestItems` validates,
 * normalises, deduplicates and enriches it.
 */
export type ItemKind = "news" | "social" | "print" | "tv" | "radio" | "clipping";

export const ITEM_KINDS: readonly ItemKind[] = ["news", "social", "print", "tv", "radio", "clipping"];

export interface RawItem {
  /** Absolute http(s) URL; for manual print/tv items a synthetic "manual:<uuid>" is allowed. */
  url: string;
  /** From <link rel=canonical> / og:url when known. */
  canonicalUrl?: string;
  title: string;
  /** Extracted plain text, paragraphs separated by a blank line. */
  text: string;
  author?: string;
  publishedAt?: Date;
  images?: string[];
  outletName?: string;
  outletId?: string;
  /** ISO 639-1 if the fetcher knows it; detected otherwise. */
  language?: string;
  kind: ItemKind;
  /** Platform id for social items (tweet id, comment id). */
  externalId?: string;
  /** Social: the post a comment belongs to. */
  parentUrl?: string;
  /** Print: the page; TV or radio: the programme. */
  section?: string;
}
