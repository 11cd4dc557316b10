/**
 * The canonical form of an article URL, the key of exact dedup: the same article reached
 * through a feed (with utm_* tags), a share link (#fragment, fbclid) or with/without "www." and
 * a trailing slash must collapse to one row.
 *
 * Rules: https and http are one scheme (news sites serve both); host lower-case without "www."
 * and default port; fragment dropped; tracking parameters dropped (utm_*, fbclid, gclid, …);
 * remaining parameters sorted (order carries no meaning); a trailing slash is dropped from any
 * path but "/"; "/amp" and "?amp=1" variants collapse to the article. Synthetic "manual:<uuid>"
 * URLs are kept as written.
 */
const TRACKING = new Set(["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "ref_src", "amp", "outputtype"]);

export function isManualUrl(url: string): boolean {
  return /^manual:[0-9a-f-]{36}$/i.test(url);
}

/** Null when `url` is not an absolute http(s) URL (or a manual: id). */
export function canonicalUrl(url: string): string | null {
  const raw = url.trim();
  if (isManualUrl(raw)) return raw.toLowerCase();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  if (!u.hostname) return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const port = u.port && u.port !== "80" && u.port !== "443" ? `:${u.port}` : "";
  let path = u.pathname.replace(/\/{2,}/g, "/");
  path = path.replace(/\/amp\/?$/i, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !k.toLowerCase().startsWith("utm_") && !TRACKING.has(k.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `https://${host}${port}${path}${query}`;
}
