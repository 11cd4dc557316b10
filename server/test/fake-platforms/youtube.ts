import { randomBytes } from "node:crypto";
import { bearerOf, type FakeReply, type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local YouTube Data API v3: videos.insert as a resumable upload (POST to
 * /upload/youtube/v3/videos?uploadType=resumable answers a Location; PUT the bytes there),
 * channels.list?mine=true and videos.list?part=statistics. Point YOUTUBE_API_URL at
 * `${url}/youtube/v3` and YOUTUBE_UPLOAD_URL at `${url}/upload/youtube/v3`.
 */
export interface YoutubeVideo {
  id: string;
  title: string;
  description: string;
  privacyStatus: string;
  bytes: number;
  mime: string;
}

export interface FakeYoutube extends FakeServer {
  received: YoutubeVideo[];
  apiUrl: string;
  uploadUrl: string;
  channelId: string;
}

const googleError = (code: number, reason: string, message: string, status: string): FakeReply => ({
  status: code,
  body: { error: { code, message, errors: [{ message, domain: code === 401 ? "global" : "youtube.video", reason }], status } },
});

export async function startFakeYoutube(options: { token?: string; channelId?: string } = {}): Promise<FakeYoutube> {
  const channelId = options.channelId ?? "UCabcdefghijklmnopqrstuv";
  const received: YoutubeVideo[] = [];
  const sessions = new Map<string, { snippet: any; status: any; length: number; type: string }>();

  const fake = await startFakeServer((req) => {
    const token = bearerOf(req);
    if (!token || (options.token && token !== options.token))
      return googleError(
        401,
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token.",
        "UNAUTHENTICATED",
      );
    if (req.method === "POST" && req.path === "/upload/youtube/v3/videos" && req.query.get("uploadType") === "resumable") {
      const title = req.json?.snippet?.title ?? "";
      if (!title)
        return googleError(400, "invalidTitle", "The request metadata specifies an invalid or empty video title.", "INVALID_ARGUMENT");
      const uploadId = randomBytes(8).toString("hex");
      sessions.set(uploadId, {
        snippet: req.json.snippet,
        status: req.json.status ?? {},
        length: Number(req.headers["x-upload-content-length"] ?? 0),
        type: String(req.headers["x-upload-content-type"] ?? ""),
      });
      return { headers: { location: `${fake.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${uploadId}` } };
    }
    if (req.method === "PUT" && req.path === "/upload/youtube/v3/videos") {
      const session = sessions.get(String(req.query.get("upload_id")));
      if (!session) return googleError(404, "notFound", "Upload session not found.", "NOT_FOUND");
      const id = randomBytes(8).toString("base64url").slice(0, 11);
      received.push({
        id,
        title: session.snippet.title,
        description: session.snippet.description ?? "",
        privacyStatus: session.status.privacyStatus ?? "private",
        bytes: req.raw.length,
        mime: String(req.headers["content-type"] ?? session.type),
      });
      return {
        body: {
          kind: "youtube#video",
          etag: "etag-1",
          id,
          snippet: { ...session.snippet, channelId, publishedAt: new Date().toISOString() },
          status: { uploadStatus: "uploaded", privacyStatus: session.status.privacyStatus ?? "private" },
        },
      };
    }
    if (req.method === "GET" && req.path === "/youtube/v3/channels")
      return {
        body: {
          kind: "youtube#channelListResponse",
          etag: "etag-2",
          pageInfo: { totalResults: 1, resultsPerPage: 5 },
          items: [{ kind: "youtube#channel", etag: "etag-3", id: channelId }],
        },
      };
    if (req.method === "GET" && req.path === "/youtube/v3/videos") {
      const ids = String(req.query.get("id") ?? "").split(",");
      const items = received
        .filter((v) => ids.includes(v.id))
        .map((v) => ({
          kind: "youtube#video",
          etag: "etag-4",
          id: v.id,
          statistics: { viewCount: "321", likeCount: "45", favoriteCount: "0", commentCount: "6" },
        }));
      return {
        body: { kind: "youtube#videoListResponse", etag: "etag-5", items, pageInfo: { totalResults: items.length, resultsPerPage: 5 } },
      };
    }
    return googleError(404, "notFound", `No route ${req.method} ${req.path}`, "NOT_FOUND");
  });
  return Object.assign(fake, {
    received,
    channelId,
    apiUrl: `${fake.url}/youtube/v3`,
    uploadUrl: `${fake.url}/upload/youtube/v3`,
  }) as FakeYoutube;
}
