import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSafeFetch } from "../../../lib/safe-fetch";
import { type FakeGraphComments, startFakeGraphComments } from "../../../test/fake-platforms/graph-comments";
import { type FakeXSearch, startFakeXSearch } from "../../../test/fake-platforms/x-search";
import { type FakeYoutubeComments, startFakeYoutubeComments } from "../../../test/fake-platforms/youtube-comments";
import { fetchSocialSource } from "./fetch-social-source";
import { type SocialDeps, SocialError, type SocialSource } from "./social-types";

let x: FakeXSearch;
let yt: FakeYoutubeComments;
let graph: FakeGraphComments;
let deps: SocialDeps;
beforeAll(async () => {
  [x, yt, graph] = await Promise.all([
    startFakeXSearch({ token: "x-bearer-token" }),
    startFakeYoutubeComments({ key: "yt-api-key" }),
    startFakeGraphComments({ token: "page-token" }),
  ]);
  deps = {
    // The real outbound guard, with the loopback fakes allowed as a test allow-list.
    fetch: createSafeFetch("127.0.0.1"),
    env: { X_API_URL: x.url, YOUTUBE_API_URL: `${yt.url}/youtube/v3`, GRAPH_API_URL: `${graph.url}/v21.0` },
  };
});
afterAll(async () => Promise.all([x?.close(), yt?.close(), graph?.close()]));

const source = (over: Partial<SocialSource>): SocialSource => ({ id: "s", kind: "x", target: "", accessToken: "", cursor: {}, ...over });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => (e instanceof SocialError ? { kind: e.kind, until: e.until } : e),
  );

describe("X recent search", () => {
  it("pages with next_token, stops when the rate limit runs out, resumes from the same page, then continues after since_id", async () => {
    for (let i = 0; i < 150; i++) x.post(`Banjir di Denpasar barat, laporan warga ke-${i}`);
    x.post("Konser musik di Kuta");
    x.rateLimit.remaining = 1;
    const s = source({ kind: "x", target: "banjir denpasar", accessToken: "x-bearer-token" });
    const first = await fetchSocialSource(deps, s);
    expect(first.items).toHaveLength(100);
    expect(first.backoffUntil?.getTime()).toBe(x.rateLimit.reset * 1000);
    expect(first.cursor).toMatchObject({ nextToken: "p100" });
    const tweet = first.items[0];
    expect(tweet).toMatchObject({ kind: "social", language: "id", author: "Warga Bali (@warga_bali)", outletName: "X" });
    expect(tweet.url).toBe(`https://x.com/warga_bali/status/${tweet.externalId}`);
    expect(tweet.title).toMatch(/^@warga_bali: Banjir di Denpasar/);
    const search = x.requests.at(-1);
    expect(search?.headers.authorization).toBe("Bearer x-bearer-token");
    expect(search?.query.get("max_results")).toBe("100");

    x.rateLimit.remaining = 450;
    const second = await fetchSocialSource(deps, { ...s, cursor: first.cursor });
    expect(second.items).toHaveLength(50);
    expect(x.requests.at(-1)?.query.get("next_token")).toBe("p100");
    const newest = x.tweets.filter((t) => t.text.startsWith("Banjir")).at(-1)?.id;
    expect(second.cursor).toEqual({ sinceId: newest });
    const ids = new Set([...first.items, ...second.items].map((i) => i.externalId));
    expect(ids.size).toBe(150);

    const fresh = x.post("Banjir Denpasar mulai surut");
    const third = await fetchSocialSource(deps, { ...s, cursor: second.cursor });
    expect(third.items.map((i) => i.externalId)).toEqual([fresh.id]);
    expect(x.requests.at(-1)?.query.get("since_id")).toBe(newest);
  });

  it("tells a refused token and an exhausted window apart", async () => {
    expect(await failure(fetchSocialSource(deps, source({ kind: "x", target: "banjir", accessToken: "salah" })))).toMatchObject({
      kind: "auth",
    });
    x.rateLimit.remaining = 0;
    const limited = await failure(fetchSocialSource(deps, source({ kind: "x", target: "banjir", accessToken: "x-bearer-token" })));
    expect(limited).toMatchObject({ kind: "rate_limited" });
    expect((limited as { until: Date }).until.getTime()).toBe(x.rateLimit.reset * 1000);
    x.rateLimit.remaining = 450;
  });
});

describe("YouTube comments", () => {
  it("reads comment threads of the channel's uploads newest first, skips videos with comments off, and only new ones next time", async () => {
    for (let i = 0; i < 130; i++) yt.comment("vidBanjir01", `Terima kasih atas penanganan banjir ${i}`);
    yt.comment("vidVaksin02", "Jadwal vaksin di sekolah kami kapan?", "@ibu_guru");
    const s = source({ kind: "youtube", target: yt.channelId, accessToken: "yt-api-key" });
    const first = await fetchSocialSource(deps, s);
    expect(first.items).toHaveLength(131);
    const question = first.items.find((i) => i.text.startsWith("Jadwal vaksin"));
    expect(question).toMatchObject({
      kind: "social",
      author: "@ibu_guru",
      parentUrl: "https://www.youtube.com/watch?v=vidVaksin02",
      outletName: "YouTube",
    });
    expect(question?.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=vidVaksin02&lc=Ugx/);
    const threads = yt.requests.filter((r) => r.path === "/youtube/v3/commentThreads");
    expect(threads.some((r) => r.query.get("pageToken") === "t100")).toBe(true);
    expect(threads.every((r) => r.query.get("key") === "yt-api-key" && r.query.get("order") === "time")).toBe(true);

    const late = yt.comment("vidBanjir01", "Air sudah surut di Pemecutan");
    const second = await fetchSocialSource(deps, { ...s, cursor: first.cursor });
    expect(second.items.map((i) => i.externalId)).toEqual([late.id]);
  });

  it("reads replies: those a thread carries, the rest of a new thread through comments.list, and new replies under older threads", async () => {
    const video = "vidVaksin02";
    const thread = yt.comment(video, "Vaksin untuk lansia di Gianyar kapan dibuka?", "@warga_gianyar");
    const replies = [1, 2, 3, 4].map((n) => yt.reply(thread, `Balasan ${n}: kami juga menunggu informasinya`));
    const quiet = yt.comment(video, "Terima kasih infonya");
    const s = source({ kind: "youtube", target: yt.channelId, accessToken: "yt-api-key" });
    const first = await fetchSocialSource(deps, s);
    const ids = first.items.map((i) => i.externalId);
    for (const c of [thread, quiet, ...replies]) expect(ids).toContain(c.id);
    expect(first.items.find((i) => i.externalId === replies[3].id)).toMatchObject({
      parentUrl: `https://www.youtube.com/watch?v=${video}`,
      url: `https://www.youtube.com/watch?v=${video}&lc=${encodeURIComponent(replies[3].id)}`,
      kind: "social",
    });
    // The thread carried 2 of its 4 replies: the other two came from comments.list?parentId.
    const replyCalls = yt.requests.filter((r) => r.path === "/youtube/v3/comments");
    expect(replyCalls.map((r) => r.query.get("parentId"))).toEqual([thread.id]);
    expect(yt.requests.filter((r) => r.path === "/youtube/v3/commentThreads").every((r) => r.query.get("part") === "snippet,replies")).toBe(
      true,
    );

    // Next run: a new reply under the older thread it carries is read, nothing is read twice.
    const late = yt.reply(quiet, "Sama-sama, semoga bermanfaat");
    const second = await fetchSocialSource(deps, { ...s, cursor: first.cursor });
    expect(second.items.map((i) => i.externalId)).toEqual([late.id]);
  });

  it("reports a wrong key as auth and an exhausted quota as a back-off", async () => {
    expect(await failure(fetchSocialSource(deps, source({ kind: "youtube", target: yt.channelId, accessToken: "nope" })))).toMatchObject({
      kind: "auth",
    });
    yt.quotaExceeded = true;
    const limited = await failure(fetchSocialSource(deps, source({ kind: "youtube", target: yt.channelId, accessToken: "yt-api-key" })));
    yt.quotaExceeded = false;
    expect(limited).toMatchObject({ kind: "rate_limited" });
  });
});

describe("Facebook and Instagram comments (Graph API)", () => {
  it("follows paging.cursors.after on the page's posts, newest first, and stops at the last comment seen", async () => {
    const [vaksin, banjir] = graph.posts;
    for (let i = 0; i < 120; i++) graph.comment(vaksin.id, `Pertanyaan vaksin nomor ${i}`);
    graph.comment(banjir.id, "Bantuan belum sampai ke Banjar Tegal", "Ketut Warga");
    const s = source({ kind: "facebook", target: graph.pageId, accessToken: "page-token" });
    const first = await fetchSocialSource(deps, s);
    expect(first.items).toHaveLength(121);
    const complaint = first.items.find((i) => i.text.startsWith("Bantuan"));
    expect(complaint).toMatchObject({ author: "Ketut Warga", parentUrl: banjir.permalink, outletName: "Facebook" });
    expect(complaint?.url).toContain("comment_id=");
    expect(graph.requests.some((r) => r.path.endsWith("/comments") && r.query.get("after"))).toBe(true);
    expect(graph.requests.every((r) => r.path.startsWith("/v21.0/"))).toBe(true);

    const late = graph.comment(vaksin.id, "Sudah dapat jadwalnya, terima kasih");
    const second = await fetchSocialSource(deps, { ...s, cursor: first.cursor });
    expect(second.items.map((i) => i.externalId)).toEqual([late.id]);
  });

  it("reads Instagram media comments, and backs off for as long as Graph says", async () => {
    const [, , festival] = graph.posts;
    graph.comment(festival.id, "Keren sekali festivalnya!", "turis_senang");
    const s = source({ kind: "instagram", target: graph.igUserId, accessToken: "page-token" });
    const result = await fetchSocialSource(deps, s);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ author: "@turis_senang", parentUrl: festival.permalink, outletName: "Instagram" });
    expect(result.items[0].url).toMatch(/^https:\/\/www\.instagram\.com\/p\/Cfestival01\/c\/.+\/$/);

    graph.limitNext(1, 25);
    const before = Date.now();
    const limited = (await failure(fetchSocialSource(deps, s))) as { kind: string; until: Date };
    expect(limited.kind).toBe("rate_limited");
    expect(limited.until.getTime() - before).toBeGreaterThanOrEqual(25 * 60_000 - 1000);
    expect(await failure(fetchSocialSource(deps, { ...s, accessToken: "kedaluwarsa" }))).toMatchObject({ kind: "auth" });
  });

  it("refuses a platform URL that points into the private network when it is not allow-listed", async () => {
    const guarded: SocialDeps = { ...deps, fetch: createSafeFetch(undefined) };
    expect(await failure(fetchSocialSource(guarded, source({ kind: "x", target: "banjir", accessToken: "x-bearer-token" })))).toMatchObject(
      {
        kind: "failed",
      },
    );
  });
});
