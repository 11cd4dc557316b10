import { type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local YouTube Data API v3 for reading comments with an API key: channels.list
 * (part=contentDetails → relatedPlaylists.uploads), playlistItems.list (the uploads, newest
 * first), commentThreads.list (videoId, order=time, maxResults, pageToken, textFormat; with
 * part=replies a thread carries at most its first REPLIES_CARRIED replies, like YouTube's "subset")
 * and comments.list (parentId: all replies of a thread, paged), with Google's error shape
 * (keyInvalid, commentsDisabled, quotaExceeded).
 */
export interface FakeYoutubeComment {
  id: string;
  videoId: string;
  text: string;
  author: string;
  publishedAt: string;
  /** Set on a reply: the top-level comment it answers. */
  parentId?: string;
}

const REPLIES_CARRIED = 2;

export interface FakeYoutubeComments extends FakeServer {
  channelId: string;
  videos: { id: string; title: string; commentsDisabled?: boolean }[];
  comments: FakeYoutubeComment[];
  /** Makes every call answer quotaExceeded. */
  quotaExceeded: boolean;
  comment(videoId: string, text: string, author?: string): FakeYoutubeComment;
  reply(parent: FakeYoutubeComment, text: string, author?: string): FakeYoutubeComment;
}

const googleError = (status: number, reason: string, message: string) => ({
  status,
  body: { error: { code: status, message, errors: [{ message, domain: "youtube.parameter", reason }] } },
});

export async function startFakeYoutubeComments(options: { key: string }): Promise<FakeYoutubeComments> {
  const channelId = "UCpemprovbali0000000000";
  const videos: FakeYoutubeComments["videos"] = [
    { id: "vidBanjir01", title: "Penanganan banjir Denpasar" },
    { id: "vidVaksin02", title: "Vaksinasi pelajar" },
    { id: "vidTutup003", title: "Siaran tertutup", commentsDisabled: true },
  ];
  const comments: FakeYoutubeComment[] = [];
  let seq = 1;
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id).sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1));
  const resource = (c: FakeYoutubeComment) => ({
    kind: "youtube#comment",
    id: c.id,
    snippet: {
      videoId: c.videoId,
      ...(c.parentId ? { parentId: c.parentId } : {}),
      textOriginal: c.text,
      textDisplay: c.text,
      authorDisplayName: c.author,
      publishedAt: c.publishedAt,
      updatedAt: c.publishedAt,
    },
  });
  let clock = Date.parse("2026-11-20T00:00:00Z");
  const state = { quotaExceeded: false };
  const fake = (await startFakeServer((req) => {
    if (req.query.get("key") !== options.key) return googleError(400, "keyInvalid", "API key not valid. Please pass a valid API key.");
    if (state.quotaExceeded)
      return googleError(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
    if (req.path === "/youtube/v3/channels") {
      if (req.query.get("id") !== channelId) return { body: { kind: "youtube#channelListResponse", items: [] } };
      return { body: { items: [{ id: channelId, contentDetails: { relatedPlaylists: { uploads: `UU${channelId.slice(2)}` } } }] } };
    }
    if (req.path === "/youtube/v3/playlistItems") {
      const max = Number(req.query.get("maxResults") ?? 5);
      return {
        body: {
          items: videos.slice(0, max).map((v) => ({
            snippet: { title: v.title, resourceId: { kind: "youtube#video", videoId: v.id } },
            contentDetails: { videoId: v.id },
          })),
        },
      };
    }
    if (req.path === "/youtube/v3/commentThreads") {
      const video = videos.find((v) => v.id === req.query.get("videoId"));
      if (!video) return googleError(404, "videoNotFound", "The video identified by the videoId parameter could not be found.");
      if (video.commentsDisabled) return googleError(403, "commentsDisabled", "The video has disabled comments.");
      const max = Number(req.query.get("maxResults") ?? 20);
      const all = comments.filter((c) => c.videoId === video.id && !c.parentId).sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
      const withReplies = (req.query.get("part") ?? "").split(",").includes("replies");
      const offset = Number(req.query.get("pageToken")?.replace(/^t/, "") ?? 0);
      const page = all.slice(offset, offset + max);
      return {
        body: {
          kind: "youtube#commentThreadListResponse",
          ...(offset + max < all.length ? { nextPageToken: `t${offset + max}` } : {}),
          items: page.map((c) => {
            const replies = repliesOf(c.id);
            return {
              id: c.id,
              snippet: { videoId: c.videoId, totalReplyCount: replies.length, topLevelComment: resource(c) },
              ...(withReplies && replies.length ? { replies: { comments: replies.slice(0, REPLIES_CARRIED).map(resource) } } : {}),
            };
          }),
        },
      };
    }
    if (req.path === "/youtube/v3/comments") {
      const parentId = req.query.get("parentId");
      if (!parentId) return googleError(400, "missingRequiredParameter", "No filter selected. Expected one of: parentId, id");
      const max = Number(req.query.get("maxResults") ?? 20);
      const all = repliesOf(parentId);
      const offset = Number(req.query.get("pageToken")?.replace(/^r/, "") ?? 0);
      return {
        body: {
          kind: "youtube#commentListResponse",
          ...(offset + max < all.length ? { nextPageToken: `r${offset + max}` } : {}),
          items: all.slice(offset, offset + max).map(resource),
        },
      };
    }
    return googleError(404, "notFound", `No route ${req.path}`);
  })) as FakeYoutubeComments;
  Object.defineProperty(fake, "quotaExceeded", { get: () => state.quotaExceeded, set: (v: boolean) => (state.quotaExceeded = v) });
  return Object.assign(fake, {
    channelId,
    videos,
    comments,
    comment(videoId: string, text: string, author = "@wargadenpasar") {
      clock += 60_000;
      const c = {
        id: `Ugx${String(seq++).padStart(6, "0")}`,
        videoId,
        text,
        author,
        publishedAt: new Date(clock).toISOString().replace(".000", ""),
      };
      comments.push(c);
      return c;
    },
    reply(parent: FakeYoutubeComment, text: string, author = "@wargadenpasar") {
      clock += 60_000;
      const c = {
        id: `${parent.id}.AzR${String(seq++).padStart(6, "0")}`,
        videoId: parent.videoId,
        text,
        author,
        publishedAt: new Date(clock).toISOString().replace(".000", ""),
        parentId: parent.id,
      };
      comments.push(c);
      return c;
    },
  });
}
