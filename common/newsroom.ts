/**
 * First path segments the public site and the platform use themselves, so never an
 * organization's slug (`/<slug>` is its newsroom): the slug generator skips them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "app",
  "api",
  "healthz",
  "readyz",
  "metrics",
  "media",
  "media-room",
  "feed",
  "feed.xml",
  "atom.xml",
  "sitemap.xml",
  "robots.txt",
  "cari",
  "favicon.ico",
  "u",
]);
