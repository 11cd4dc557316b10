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

/** The page's (or account's) latest posts whose comments are read each run. */
export const GRAPH_POSTS = 10;
/** Comment pages per post per run. */
const MAX_PAGES_PER_POST = 5;
const DEFAULT_PAUSE_MINUTES = 60;

interface GraphCursor {
  /** Per post: the newest comment time already ingested (ISO). */
  posts?: Record<string, string>;
}

/**
 * The pause Graph asks for: x-business-use-case-usage carries estimated_time_to_regain_access
 * (minutes) per business; without it, an hour.
 */
function pauseUntil(headers: Record<string, string>, now: Date): Date {
  let minutes = 0;
  try {
    const usage = JSON.parse(headers["x-business-use-case-usage"] ?? "{}") as Record<
      string,
      { estimated_time_to_regain_access?: number }[]
    >;
    for (const entries of Object.values(usage))
      for (const e of entries) minutes = Math.max(minutes, Number(e.estimated_time_to_regain_access ?? 0));
  } catch {
    // unreadable header: the default pause
  }
  return new Date(now.getTime() + (minutes || DEFAULT_PAUSE_MINUTES) * 60_000);
}

/** Graph error codes (developers.facebook.com/docs/graph-api/guides/error-handling). */
function graphFailure(platform: string, status: number, json: Record<string, any>, headers: Record<string, string>, now: Date) {
  const error = json.error ?? {};
  const code = Number(error.code);
  if ([4, 17, 32, 613].includes(code) || (code >= 80000 && code <= 80014) || status === 429)
    return new SocialError("rate_limited", platform, "", pauseUntil(headers, now));
  if (code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299) || status === 401)
    return new SocialError("auth", platform, cleanDetail(error.message));
  return new SocialError("failed", platform, cleanDetail(error.message) || `kode ${status}`);
}

interface GraphShape {
  platform: "Facebook" | "Instagram";
  postsEdge: string;
  postFields: string;
  commentFields: string;
  /** Comment → item fields; null to skip (a deleted or empty comment). */
  toItem(post: Record<string, any>, comment: Record<string, any>): { url: string; text: string; author?: string; time: string } | null;
  postUrl(post: Record<string, any>): string;
}

const FACEBOOK: GraphShape = {
  platform: "Facebook",
  postsEdge: "posts",
  postFields: "id,message,permalink_url,created_time",
  commentFields: "id,message,from{name},created_time,permalink_url",
  toItem: (_post, c) =>
    c.message
      ? {
          url: String(c.permalink_url ?? `https://www.facebook.com/${c.id}`),
          text: String(c.message),
          author: c.from?.name ? String(c.from.name) : undefined,
          time: String(c.created_time ?? ""),
        }
      : null,
  postUrl: (p) => String(p.permalink_url ?? `https://www.facebook.com/${p.id}`),
};

const INSTAGRAM: GraphShape = {
  platform: "Instagram",
  postsEdge: "media",
  postFields: "id,caption,permalink,timestamp",
  commentFields: "id,text,username,timestamp",
  // Instagram comments have no permalink of their own; the post's URL + /c/<id>/ opens one.
  toItem: (post, c) =>
    c.text
      ? {
          url: `${String(post.permalink ?? `https://www.instagram.com/p/${post.id}/`).replace(/\/?$/, "/")}c/${c.id}/`,
          text: String(c.text),
          author: c.username ? `@${c.username}` : undefined,
          time: String(c.timestamp ?? ""),
        }
      : null,
  postUrl: (p) => String(p.permalink ?? `https://www.instagram.com/p/${p.id}/`),
};

/** Graph timestamps are "2026-11-20T10:00:00+0000": compared as instants, not as text. */
const instant = (s: string) => {
  const t = Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(t) ? 0 : t;
};

/**
 * Comments on the organization's own Facebook Page posts (/{page-id}/posts, /{post-id}/comments,
 * newest first) or Instagram professional account media (/{ig-user-id}/media,
 * /{media-id}/comments), following paging.cursors.after until the newest comment already stored.
 * The token is the Page (or Instagram-linked Page) access token.
 */
async function fetchGraphComments(shape: GraphShape, deps: SocialDeps, source: SocialSource): Promise<SocialFetchResult> {
  const base = deps.env.GRAPH_API_URL.replace(/\/$/, "");
  const now = nowOf(deps);
  const get = async (path: string, params: Record<string, string>) => {
    const url = new URL(`${base}/${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set("access_token", source.accessToken);
    const res = await getJson(deps, shape.platform, url);
    if (res.status !== 200) throw graphFailure(shape.platform, res.status, res.json, res.headers, now);
    return res.json;
  };
  const posts = ((
    await get(`${encodeURIComponent(source.target)}/${shape.postsEdge}`, { fields: shape.postFields, limit: String(GRAPH_POSTS) })
  ).data ?? []) as Record<string, any>[];
  const before = (source.cursor as GraphCursor).posts ?? {};
  const seen: Record<string, string> = Object.fromEntries(posts.filter((p) => before[p.id]).map((p) => [String(p.id), before[p.id]]));
  const items: RawItem[] = [];
  for (const post of posts) {
    const postId = String(post.id);
    const watermark = seen[postId] ? instant(seen[postId]) : 0;
    let newest = seen[postId] ?? "";
    let after: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES_PER_POST; page++) {
        const params: Record<string, string> = { fields: shape.commentFields, limit: "100" };
        if (shape.platform === "Facebook") Object.assign(params, { filter: "stream", order: "reverse_chronological" });
        if (after) params.after = after;
        const json = await get(`${encodeURIComponent(postId)}/comments`, params);
        let reachedSeen = false;
        for (const c of (json.data ?? []) as Record<string, any>[]) {
          const item = shape.toItem(post, c);
          if (!item) continue;
          const at = instant(item.time);
          if (watermark && at <= watermark) {
            reachedSeen = true;
            continue;
          }
          if (!newest || at > instant(newest)) newest = item.time;
          items.push({
            url: item.url,
            parentUrl: shape.postUrl(post),
            title: socialTitle(item.author, item.text),
            text: item.text,
            kind: "social",
            externalId: String(c.id),
            outletName: shape.platform,
            ...(item.author ? { author: item.author } : {}),
            ...(at ? { publishedAt: new Date(at) } : {}),
          });
        }
        after = json.paging?.next && json.paging?.cursors?.after ? String(json.paging.cursors.after) : undefined;
        if (reachedSeen || !after) break;
      }
    } catch (err) {
      // Limited midway: keep what was read; the posts not reached keep their old watermark.
      if (err instanceof SocialError && err.kind === "rate_limited" && items.length) {
        if (newest) seen[postId] = newest;
        return { items, cursor: { posts: seen }, backoffUntil: err.until };
      }
      throw err;
    }
    if (newest) seen[postId] = newest;
  }
  return { items, cursor: { posts: seen }, backoffUntil: null };
}

export const fetchFacebookComments = (deps: SocialDeps, source: SocialSource) => fetchGraphComments(FACEBOOK, deps, source);
export const fetchInstagramComments = (deps: SocialDeps, source: SocialSource) => fetchGraphComments(INSTAGRAM, deps, source);
