import { bearerOf, type FakeReply, type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local X API v2: POST /2/tweets, POST /2/media/upload (one-shot), GET /2/users/me,
 * GET /2/users/:id/tweets and GET /2/tweets/:id with public_metrics. Like X, it answers 403 for
 * a duplicate text and shows links as t.co links in stored posts.
 */
export interface XPost {
  id: string;
  /** The text as sent. */
  text: string;
  mediaIds: string[];
  createdAt: string;
}

export interface FakeX extends FakeServer {
  received: XPost[];
  uploads: { id: string; category: string; type: string; bytes: number }[];
  metrics: { like_count: number; retweet_count: number; reply_count: number; quote_count: number; impression_count: number };
}

const USER = { id: "1490000000000000001", name: "Humas Uji", username: "humas_uji" };
const problem = (status: number, title: string, detail: string): FakeReply => ({
  status,
  body: { title, detail, type: status === 401 ? "about:blank" : "https://api.twitter.com/2/problems/resource-not-found", status },
});

export async function startFakeX(options: { token?: string } = {}): Promise<FakeX> {
  const received: XPost[] = [];
  const uploads: FakeX["uploads"] = [];
  const metrics = { like_count: 12, retweet_count: 5, reply_count: 2, quote_count: 1, impression_count: 940 };
  let seq = 1_860_000_000_000_000_000n;
  const shown = (text: string) => text.replace(/https?:\/\/[^\s]+/g, () => `https://t.co/${Math.random().toString(36).slice(2, 12)}`);

  const fake = await startFakeServer((req) => {
    const token = bearerOf(req);
    if (!token || (options.token && token !== options.token)) return problem(401, "Unauthorized", "Unauthorized");
    if (req.method === "GET" && req.path === "/2/users/me") return { body: { data: USER } };
    if (req.method === "POST" && req.path === "/2/media/upload") {
      if (!req.fields.media) return problem(400, "Invalid Request", "One or more parameters to your request was invalid.");
      const id = String(seq++);
      const bytes = Buffer.from(req.fields.media, "base64").length;
      uploads.push({ id, category: req.fields.media_category ?? "", type: req.fields.media_type ?? "", bytes });
      return {
        body: {
          data: {
            id,
            media_key: `3_${id}`,
            size: bytes,
            expires_after_secs: 86400,
            image: { image_type: req.fields.media_type, w: 1200, h: 800 },
          },
        },
      };
    }
    if (req.method === "POST" && req.path === "/2/tweets") {
      const text: string = req.json?.text ?? "";
      const mediaIds: string[] = req.json?.media?.media_ids ?? [];
      if (received.some((t) => t.text === text))
        return {
          status: 403,
          body: {
            detail: "You are not allowed to create a Tweet with duplicate content.",
            type: "about:blank",
            title: "Forbidden",
            status: 403,
          },
        };
      if (mediaIds.some((m) => !uploads.some((u) => u.id === m))) return problem(400, "Invalid Request", "Your media IDs are invalid.");
      const id = String(seq++);
      received.push({ id, text, mediaIds, createdAt: new Date().toISOString() });
      return { status: 201, body: { data: { id, text: shown(text), edit_history_tweet_ids: [id] } } };
    }
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(req.path);
    if (req.method === "GET" && timeline) {
      const start = req.query.get("start_time") ? new Date(String(req.query.get("start_time"))).getTime() : 0;
      const data = received
        .filter((t) => new Date(t.createdAt).getTime() >= start)
        .reverse()
        .map((t) => ({
          id: t.id,
          text: `${shown(t.text)}${t.mediaIds.length ? " https://t.co/media00001" : ""}`,
          created_at: t.createdAt,
          edit_history_tweet_ids: [t.id],
        }));
      return {
        body: data.length
          ? { data, meta: { result_count: data.length, newest_id: data[0].id, oldest_id: data.at(-1)?.id } }
          : { meta: { result_count: 0 } },
      };
    }
    const single = /^\/2\/tweets\/(\d+)$/.exec(req.path);
    if (req.method === "GET" && single) {
      const tweet = received.find((t) => t.id === single[1]);
      if (!tweet)
        return {
          body: {
            errors: [
              {
                value: single[1],
                detail: `Could not find tweet with id: [${single[1]}].`,
                title: "Not Found Error",
                resource_type: "tweet",
                parameter: "id",
                resource_id: single[1],
                type: "https://api.twitter.com/2/problems/resource-not-found",
              },
            ],
          },
        };
      return {
        body: {
          data: {
            id: tweet.id,
            text: shown(tweet.text),
            edit_history_tweet_ids: [tweet.id],
            public_metrics: { ...metrics, bookmark_count: 0 },
          },
        },
      };
    }
    return problem(404, "Not Found", `No route ${req.method} ${req.path}`);
  });
  return Object.assign(fake, { received, uploads, metrics }) as FakeX;
}
