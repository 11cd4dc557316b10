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

const platform = "YouTube";
/** The channel's latest uploads whose comments are read each run. */
export const YOUTUBE_VIDEOS = 10;
/** commentThreads pages per video per run (100 threads each). */
const MAX_PAGES_PER_VIDEO = 5;

interface YoutubeCursor {
  /** Per video: the newest comment time already ingested (ISO). */
  videos?: Record<string, string>;
}

/** Quota is per day (reset at midnight Pacific time); an hour's pause keeps the retries rare. */
const QUOTA_PAUSE_MS = 60 * 60_000;

function youtubeFailure(status: number, json: Record<string, any>, now: Date): SocialError {
  const error = json.error ?? {};
  const reason = String(error.errors?.[0]?.reason ?? "");
  const detail = cleanDetail(error.message);
  if (/quotaExceeded|rateLimitExceeded|userRateLimitExceeded/.test(reason) || status === 429)
    return new SocialError("rate_limited", platform, reason, new Date(now.getTime() + QUOTA_PAUSE_MS));
  if (/keyInvalid|keyExpired|forbidden|accessNotConfigured/.test(reason) || status === 401)
    return new SocialError("auth", platform, detail || reason);
  return new SocialError("failed", platform, detail || reason || `kode ${status}`);
}

/** comments.list pages (100 replies each) read for one thread whose replies the thread did not carry. */
const MAX_REPLY_PAGES = 3;

/** One comment resource (top-level or reply) as a raw item under its video. */
function commentItem(videoId: string, comment: any): RawItem & { published: string } {
  const s = comment?.snippet ?? {};
  const published = String(s.publishedAt ?? "");
  const text = String(s.textOriginal ?? s.textDisplay ?? "");
  const author = s.authorDisplayName ? String(s.authorDisplayName) : undefined;
  const commentId = String(comment?.id ?? "");
  return {
    published,
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(commentId)}`,
    parentUrl: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`,
    title: socialTitle(author, text),
    text,
    kind: "social",
    externalId: commentId,
    outletName: "YouTube",
    ...(author ? { author } : {}),
    ...(published ? { publishedAt: new Date(published) } : {}),
  };
}

/**
 * YouTube Data API v3 with an API key: the channel's uploads playlist (channels.list →
 * playlistItems.list), then commentThreads.list per video, newest first (order=time), read
 * until the newest comment already stored. A video with comments turned off is skipped.
 * Replies count too (a reply is often where the complaint is): a thread carries some of its
 * replies; when it says it has more (totalReplyCount), comments.list?parentId reads the rest
 * for a thread started since the last run. Replies under older threads are taken from what
 * the thread carries, which costs no extra quota.
 */
export async function fetchYoutubeComments(deps: SocialDeps, source: SocialSource): Promise<SocialFetchResult> {
  const base = deps.env.YOUTUBE_API_URL.replace(/\/$/, "");
  const now = nowOf(deps);
  const get = async (path: string, params: Record<string, string>) => {
    const url = new URL(`${base}/${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set("key", source.accessToken);
    return getJson(deps, platform, url);
  };
  const channel = await get("channels", { part: "contentDetails", id: source.target });
  if (channel.status !== 200) throw youtubeFailure(channel.status, channel.json, now);
  const uploads = channel.json.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
  if (!uploads) throw new SocialError("failed", platform, "kanal tidak ditemukan");
  const list = await get("playlistItems", {
    part: "snippet,contentDetails",
    playlistId: String(uploads),
    maxResults: String(YOUTUBE_VIDEOS),
  });
  if (list.status !== 200) throw youtubeFailure(list.status, list.json, now);
  const videos = ((list.json.items ?? []) as any[])
    .map((v) => ({ id: String(v.contentDetails?.videoId ?? v.snippet?.resourceId?.videoId ?? ""), title: String(v.snippet?.title ?? "") }))
    .filter((v) => v.id);

  const before = (source.cursor as YoutubeCursor).videos ?? {};
  // Only the videos still among the latest are followed, so the cursor never grows.
  const seen: Record<string, string> = Object.fromEntries(videos.filter((v) => before[v.id]).map((v) => [v.id, before[v.id]]));
  const items: RawItem[] = [];
  /** Quota ran out midway: keep what was read, the next run continues. */
  const stopEarly = (res: { status: number; json: Record<string, any> }) => {
    const failure = youtubeFailure(res.status, res.json, now);
    if (failure.kind === "rate_limited" && items.length) return { items, cursor: { videos: seen }, backoffUntil: failure.until };
    throw failure;
  };
  for (const video of videos) {
    const watermark = seen[video.id] ?? "";
    let newest = watermark;
    const take = (comment: any) => {
      const { published, ...item } = commentItem(video.id, comment);
      if (watermark && published <= watermark) return false;
      if (published > newest) newest = published;
      items.push(item);
      return true;
    };
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_VIDEO; page++) {
      const params: Record<string, string> = {
        part: "snippet,replies",
        videoId: video.id,
        maxResults: "100",
        order: "time",
        textFormat: "plainText",
      };
      if (pageToken) params.pageToken = pageToken;
      const res = await get("commentThreads", params);
      if (res.status === 403 && res.json.error?.errors?.[0]?.reason === "commentsDisabled") break;
      if (res.status !== 200) return stopEarly(res);
      let reachedSeen = false;
      for (const thread of (res.json.items ?? []) as any[]) {
        const top = thread.snippet?.topLevelComment;
        const isNew = take({ ...top, id: top?.id ?? thread.id });
        if (!isNew) reachedSeen = true;
        const carried = (thread.replies?.comments ?? []) as any[];
        const total = Number(thread.snippet?.totalReplyCount ?? carried.length);
        if (!isNew || carried.length >= total) {
          for (const reply of carried) take(reply);
          continue;
        }
        let replyToken: string | undefined;
        for (let p = 0; p < MAX_REPLY_PAGES; p++) {
          const replyParams: Record<string, string> = {
            part: "snippet",
            parentId: String(top?.id ?? thread.id),
            maxResults: "100",
            textFormat: "plainText",
          };
          if (replyToken) replyParams.pageToken = replyToken;
          const replies = await get("comments", replyParams);
          if (replies.status !== 200) return stopEarly(replies);
          for (const reply of (replies.json.items ?? []) as any[]) take(reply);
          replyToken = replies.json.nextPageToken ? String(replies.json.nextPageToken) : undefined;
          if (!replyToken) break;
        }
      }
      pageToken = res.json.nextPageToken ? String(res.json.nextPageToken) : undefined;
      if (reachedSeen || !pageToken) break;
    }
    if (newest) seen[video.id] = newest;
  }
  return { items, cursor: { videos: seen }, backoffUntil: null };
}
