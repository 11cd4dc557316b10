import { bearerOf, type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local X API v2 recent search (GET /2/tweets/search/recent): app bearer token, `query`
 * matched as words (all must appear), since_id, max_results (10–100), next_token pagination
 * newest first, `includes.users` for expansions=author_id, and the x-rate-limit-* headers.
 * `rateLimit` sets how many calls are left in the window; at 0 it answers 429 like X.
 */
export interface FakeTweet {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
  lang?: string;
}

export interface FakeXSearch extends FakeServer {
  tweets: FakeTweet[];
  users: { id: string; username: string; name: string }[];
  rateLimit: { remaining: number; reset: number };
  /** Posts a new tweet with the next id (ids grow with time, as snowflakes do). */
  post(text: string, username?: string, lang?: string): FakeTweet;
}

export async function startFakeXSearch(options: { token: string }): Promise<FakeXSearch> {
  const tweets: FakeTweet[] = [];
  const users = [
    { id: "2244994945", username: "warga_bali", name: "Warga Bali" },
    { id: "783214", username: "kabar_dewata", name: "Kabar Dewata" },
  ];
  const rateLimit = { remaining: 450, reset: Math.floor(Date.now() / 1000) + 900 };
  let seq = 1_870_000_000_000_000_000n;
  const fake = (await startFakeServer((req) => {
    const headers = {
      "x-rate-limit-limit": "450",
      "x-rate-limit-remaining": String(Math.max(rateLimit.remaining - 1, 0)),
      "x-rate-limit-reset": String(rateLimit.reset),
    };
    if (bearerOf(req) !== options.token)
      return { status: 401, body: { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" } };
    if (req.method !== "GET" || req.path !== "/2/tweets/search/recent")
      return { status: 404, body: { title: "Not Found Error", detail: `No route ${req.method} ${req.path}` } };
    if (rateLimit.remaining <= 0)
      return {
        status: 429,
        headers: { ...headers, "x-rate-limit-remaining": "0" },
        body: { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 },
      };
    rateLimit.remaining--;
    const query = String(req.query.get("query") ?? "");
    const max = Number(req.query.get("max_results") ?? 10);
    if (!query || max < 10 || max > 100)
      return {
        status: 400,
        body: {
          errors: [{ message: "invalid query or max_results" }],
          title: "Invalid Request",
          detail: "One or more parameters to your request was invalid.",
        },
      };
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const since = req.query.get("since_id");
    const matching = tweets
      .filter((t) => words.every((w) => t.text.toLowerCase().includes(w)))
      .filter((t) => !since || BigInt(t.id) > BigInt(since))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const offset = Number(req.query.get("next_token")?.replace(/^p/, "") ?? 0);
    const page = matching.slice(offset, offset + max);
    const next = offset + max < matching.length ? `p${offset + max}` : undefined;
    if (page.length === 0) return { headers, body: { meta: { result_count: 0 } } };
    const authors = users.filter((u) => page.some((t) => t.authorId === u.id));
    return {
      headers,
      body: {
        data: page.map((t) => ({
          id: t.id,
          text: t.text,
          author_id: t.authorId,
          created_at: t.createdAt,
          lang: t.lang ?? "in",
          conversation_id: t.id,
          edit_history_tweet_ids: [t.id],
        })),
        includes: { users: authors },
        meta: {
          newest_id: matching[0].id,
          oldest_id: page[page.length - 1].id,
          result_count: page.length,
          ...(next ? { next_token: next } : {}),
        },
      },
    };
  })) as FakeXSearch;
  return Object.assign(fake, {
    tweets,
    users,
    rateLimit,
    post(text: string, username = "warga_bali", lang = "in") {
      const user = users.find((u) => u.username === username) ?? users[0];
      const tweet = { id: String(seq++), text, authorId: user.id, createdAt: new Date().toISOString(), lang };
      tweets.push(tweet);
      return tweet;
    },
  });
}
