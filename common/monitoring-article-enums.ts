/** Enumerations of monitored articles (zod-free: the staff app's router imports them). */
export const TONES = ["positive", "neutral", "negative"] as const;
export const ARTICLE_KINDS = ["news", "social", "print", "tv", "radio", "clipping"] as const;
export const WATCHLIST_ENTRY_KINDS = ["name", "alias", "official", "program", "place", "hashtag", "query"] as const;
