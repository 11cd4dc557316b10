import type { RawItem } from "../ingest/raw-item";
import {
  cleanDetail,
  getJson,
  nowOf,
  type SocialDeps,
  SocialError,
  type SocialFetchResult,
  type SocialSource,
  socialTitle,
} from "./social-types";

const platform = "X";
/** Pages per run (100 posts each); the rest waits for the next run through next_token. */
export const X_MAX_PAGES = 10;

interface XCursor {
  /** The newest post id already ingested: the next search starts after it. */
  sinceId?: string;
  /** A paged search interrupted by the rate limit resumes here, still after `sinceId`. */
  nextToken?: string;
  /** The newest id of the interrupted search, which becomes `sinceId` once it completes. */
  pendingNewestId?: string;
}

/** x-rate-limit-reset is Unix seconds. */
const resetOf = (headers: Record<string, string>, now: Date) => {
  const reset = Number(headers["x-rate-limit-reset"]);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(now.getTime() + 15 * 60_000);
};

/** X answers "in" for Indonesian (an old ISO 639 code); the pipeline speaks ISO 639-1. */
const language = (lang: unknown) => (lang === "in" ? "id" : typeof lang === "string" && /^[a-z]{2}$/.test(lang) ? lang : undefined);

/**
 * X API v2 recent search (GET /2/tweets/search/recent, app bearer token): posts matching the
 * source's query since the last one seen, newest first, followed through next_token. When
 * x-rate-limit-remaining reaches 0 (or X answers 429) the run stops, keeps what it has, and
 * resumes after x-rate-limit-reset from the same next_token.
 */
export async function fetchXRecent(deps: SocialDeps, source: SocialSource): Promise<SocialFetchResult> {
  const cursor = source.cursor as XCursor;
  const now = nowOf(deps);
  const items: RawItem[] = [];
  let newest = cursor.pendingNewestId;
  let nextToken = cursor.nextToken;
  for (let page = 0; page < X_MAX_PAGES; page++) {
    const url = new URL(`${deps.env.X_API_URL.replace(/\/$/, "")}/2/tweets/search/recent`);
    url.searchParams.set("query", source.target);
    url.searchParams.set("max_results", "100");
    url.searchParams.set("tweet.fields", "created_at,author_id,lang,conversation_id,public_metrics");
    url.searchParams.set("expansions", "author_id");
    url.searchParams.set("user.fields", "username,name");
    if (cursor.sinceId) url.searchParams.set("since_id", cursor.sinceId);
    if (nextToken) url.searchParams.set("next_token", nextToken);
    const res = await getJson(deps, platform, url, { authorization: `Bearer ${source.accessToken}` });
    if (res.status === 429) {
      const until = resetOf(res.headers, now);
      if (items.length === 0 && !nextToken) throw new SocialError("rate_limited", platform, "", until);
      return { items, cursor: { sinceId: cursor.sinceId, nextToken, pendingNewestId: newest }, backoffUntil: until };
    }
    if (res.status === 401 || res.status === 403) throw new SocialError("auth", platform, cleanDetail(res.json.detail ?? res.json.title));
    if (res.status < 200 || res.status >= 300)
      throw new SocialError("failed", platform, cleanDetail(res.json.detail ?? res.json.title) || `kode ${res.status}`);
    const users = new Map<string, { username: string; name: string }>();
    for (const u of (res.json.includes?.users ?? []) as any[])
      users.set(String(u.id), { username: String(u.username), name: String(u.name ?? "") });
    for (const t of (res.json.data ?? []) as any[]) {
      const user = users.get(String(t.author_id));
      const handle = user ? `@${user.username}` : undefined;
      const text = String(t.text ?? "");
      const postUrl = user ? `https://x.com/${user.username}/status/${t.id}` : `https://x.com/i/web/status/${t.id}`;
      items.push({
        url: postUrl,
        title: socialTitle(handle, text),
        text,
        kind: "social",
        externalId: String(t.id),
        ...(user ? { author: user.name ? `${user.name} (${handle})` : handle } : {}),
        ...(t.created_at ? { publishedAt: new Date(t.created_at) } : {}),
        ...(language(t.lang) ? { language: language(t.lang) } : {}),
        ...(t.conversation_id && t.conversation_id !== t.id ? { parentUrl: `https://x.com/i/web/status/${t.conversation_id}` } : {}),
        outletName: "X",
      });
    }
    // The first page of a search carries its newest id; a resumed search already knows it.
    newest ??= res.json.meta?.newest_id ? String(res.json.meta.newest_id) : undefined;
    nextToken = res.json.meta?.next_token ? String(res.json.meta.next_token) : undefined;
    if (!nextToken) return { items, cursor: { sinceId: newest ?? cursor.sinceId }, backoffUntil: null };
    if (res.headers["x-rate-limit-remaining"] === "0")
      return { items, cursor: { sinceId: cursor.sinceId, nextToken, pendingNewestId: newest }, backoffUntil: resetOf(res.headers, now) };
  }
  // Page budget spent: continue from next_token on the next run.
  return { items, cursor: { sinceId: cursor.sinceId, nextToken, pendingNewestId: newest }, backoffUntil: null };
}
