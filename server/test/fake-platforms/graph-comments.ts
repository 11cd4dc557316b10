import { type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local Graph API for reading comments on an organization's own pages: Facebook
 * /{page-id}/posts and /{post-id}/comments (filter=stream, order=reverse_chronological), and
 * Instagram /{ig-user-id}/media and /{media-id}/comments, with cursor paging
 * (paging.cursors.after + paging.next), `access_token` in the query, Graph error codes (190
 * expired token, 4 app rate limit with x-business-use-case-usage) and +0000 timestamps.
 */
export interface FakeGraphComment {
  id: string;
  postId: string;
  message: string;
  author: string;
  time: string;
}

export interface FakeGraphComments extends FakeServer {
  pageId: string;
  igUserId: string;
  posts: { id: string; owner: string; text: string; permalink: string }[];
  comments: FakeGraphComment[];
  /** The next N calls answer the app rate limit (code 4). */
  limitNext(n: number, minutes: number): void;
  comment(postId: string, message: string, author?: string): FakeGraphComment;
}

const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");

export async function startFakeGraphComments(options: { token: string }): Promise<FakeGraphComments> {
  const pageId = "104000000000001";
  const igUserId = "17841400000000001";
  const posts = [
    {
      id: `${pageId}_900001`,
      owner: pageId,
      text: "Jadwal vaksinasi pelajar",
      permalink: `https://www.facebook.com/${pageId}/posts/900001`,
    },
    { id: `${pageId}_900002`, owner: pageId, text: "Info banjir", permalink: `https://www.facebook.com/${pageId}/posts/900002` },
    { id: "18000000000000101", owner: igUserId, text: "Festival budaya", permalink: "https://www.instagram.com/p/Cfestival01/" },
  ];
  const comments: FakeGraphComment[] = [];
  let seq = 1;
  let clock = Date.parse("2026-11-20T00:00:00Z");
  const limit = { calls: 0, minutes: 0 };
  const page = <T>(items: T[], q: URLSearchParams, base: string) => {
    const size = Number(q.get("limit") ?? 25);
    const offset = Number(q.get("after") ? Buffer.from(String(q.get("after")), "base64").toString() : 0);
    const slice = items.slice(offset, offset + size);
    const after = Buffer.from(String(offset + slice.length)).toString("base64");
    const more = offset + size < items.length;
    return {
      data: slice,
      paging: {
        cursors: { before: Buffer.from(String(offset)).toString("base64"), after },
        ...(more ? { next: `${base}?after=${after}` } : {}),
      },
    };
  };
  const fake = (await startFakeServer((req, server) => {
    if (req.query.get("access_token") !== options.token)
      return {
        status: 400,
        body: {
          error: { message: "Error validating access token: Session has expired.", type: "OAuthException", code: 190, error_subcode: 463 },
        },
      };
    if (limit.calls > 0) {
      limit.calls--;
      return {
        status: 400,
        headers: {
          "x-business-use-case-usage": JSON.stringify({
            [pageId]: [{ type: "pages", call_count: 100, estimated_time_to_regain_access: limit.minutes }],
          }),
        },
        body: { error: { message: "(#4) Application request limit reached", type: "OAuthException", is_transient: true, code: 4 } },
      };
    }
    const m = /^\/v\d+\.\d+\/([^/]+)\/(posts|media|comments)$/.exec(req.path) ?? /^\/([^/]+)\/(posts|media|comments)$/.exec(req.path);
    if (!m) return { status: 400, body: { error: { message: "Unknown path components", type: "OAuthException", code: 2500 } } };
    const [, id, edge] = m;
    const base = `${server.url}${req.path}`;
    if (edge === "posts" || edge === "media") {
      if ((edge === "posts" && id !== pageId) || (edge === "media" && id !== igUserId))
        return {
          status: 400,
          body: { error: { message: "Unsupported get request.", type: "GraphMethodException", code: 100, error_subcode: 33 } },
        };
      const own = posts.filter((p) => p.owner === id);
      return {
        body: page(
          own.map((p) =>
            edge === "posts"
              ? { id: p.id, message: p.text, permalink_url: p.permalink, created_time: graphTime(clock) }
              : { id: p.id, caption: p.text, permalink: p.permalink, timestamp: graphTime(clock) },
          ),
          req.query,
          base,
        ),
      };
    }
    const post = posts.find((p) => p.id === id);
    if (!post) return { status: 400, body: { error: { message: "Unsupported get request.", type: "GraphMethodException", code: 100 } } };
    const ig = post.owner === igUserId;
    let list = comments.filter((c) => c.postId === id);
    // Facebook honours order=reverse_chronological; Instagram returns newest first.
    list = ig || req.query.get("order") === "reverse_chronological" ? [...list].reverse() : list;
    const data = list.map((c) =>
      ig
        ? { id: c.id, text: c.message, username: c.author, timestamp: c.time }
        : {
            id: c.id,
            message: c.message,
            from: { name: c.author, id: "5550001" },
            created_time: c.time,
            permalink_url: `${post.permalink}?comment_id=${c.id}`,
          },
    );
    return { body: page(data, req.query, base) };
  })) as FakeGraphComments;
  return Object.assign(fake, {
    pageId,
    igUserId,
    posts,
    comments,
    limitNext(n: number, minutes: number) {
      limit.calls = n;
      limit.minutes = minutes;
    },
    comment(postId: string, message: string, author = "Made Warga") {
      clock += 60_000;
      const c = { id: `${postId.split("_").pop()}_${String(seq++).padStart(5, "0")}`, postId, message, author, time: graphTime(clock) };
      comments.push(c);
      return c;
    },
  });
}
