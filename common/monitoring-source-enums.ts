/** Source kinds and health states of media monitoring (zod-free: the router and UI import it). */
export const MONITORING_SOURCE_KINDS = [
  "rss",
  "atom",
  "jsonfeed",
  "sitemap",
  "clipping",
  "manual",
  "csv",
  "x",
  "youtube",
  "facebook",
  "instagram",
] as const;
export type MonitoringSourceKind = (typeof MONITORING_SOURCE_KINDS)[number];

/** Kinds added and edited on the Sumber page, fetched on a schedule. */
export const FEED_SOURCE_KINDS = ["rss", "atom", "jsonfeed", "sitemap"] as const;
export type FeedSourceKind = (typeof FEED_SOURCE_KINDS)[number];

/** new: never fetched; ok; warning: last run failed or had bad entries; failing: 3+ failures in a row. */
export const SOURCE_HEALTH = ["new", "ok", "warning", "failing", "disabled"] as const;
export type SourceHealth = (typeof SOURCE_HEALTH)[number];

export const FETCH_STATUSES = ["running", "ok", "partial", "not_modified", "error"] as const;
export type FetchStatus = (typeof FETCH_STATUSES)[number];

/** Consecutive failures from which a source counts as failing. */
export const FAILING_AFTER = 3;
