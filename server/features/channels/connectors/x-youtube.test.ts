import { afterEach, describe, expect, it } from "vitest";
import { type FakeX, startFakeX } from "../../../test/fake-platforms/x";
import { type FakeYoutube, startFakeYoutube } from "../../../test/fake-platforms/youtube";
import type { ConnectorAccount } from "./connector";
import { plainWords } from "./platform-error";
import { imageMedia, post, testDeps, videoMedia } from "./test-support";
import { xConnector, xLength } from "./x";
import { youtubeConnector } from "./youtube";

const TOKEN = "x-oauth2-user-token-0123456789abcdef";
let x: FakeX | null = null;
let yt: FakeYoutube | null = null;
afterEach(async () => {
  await x?.close();
  await yt?.close();
  x = yt = null;
});

describe("X connector", () => {
  const account: ConnectorAccount = { id: "x", name: "X Humas", config: {}, secret: { accessToken: TOKEN } };
  const connector = (fake: FakeX) => xConnector(testDeps({ X_API_URL: fake.url }));

  it("counts like X: URLs as 23, emoji and CJK as 2", () => {
    expect(xLength("abc")).toBe(3);
    expect(xLength("Baca https://sinergi.uji.go.id/berita/sebuah-judul-yang-sangat-panjang-sekali")).toBe(5 + 23);
    expect(xLength("Selamat 🎉")).toBe(8 + 2);
    expect(xLength("👩‍👩‍👧‍👦")).toBe(2);
    expect(xLength("日本")).toBe(4);
  });

  it("refuses 281 characters precisely, accepts 280", () => {
    const c = xConnector(testDeps());
    expect(c.validate(post({ text: "a".repeat(280) }))).toEqual([]);
    expect(c.validate(post({ text: "a".repeat(281) }))).toEqual([
      { code: "channel_text_too_long", params: { platform: "X", length: 281, max: 280 } },
    ]);
    expect(c.validate(post({ text: `${"a".repeat(256)} https://contoh.go.id/${"x".repeat(100)}` }))).toEqual([]);
    expect(c.validate(post({ media: [videoMedia()] }))[0]).toMatchObject({ code: "channel_media_unsupported" });
  });

  it("uploads images, posts with media ids, reads public metrics", async () => {
    x = await startFakeX({ token: TOKEN });
    const result = await connector(x).publish(account, post({ media: [await imageMedia()] }), "k1");
    expect(x.uploads).toMatchObject([{ category: "tweet_image", type: "image/jpeg" }]);
    expect(x.received).toMatchObject([{ text: post().text, mediaIds: [x.uploads[0].id] }]);
    expect(result.url).toBe(`https://x.com/i/web/status/${result.externalId}`);
    expect(await connector(x).engagement?.(account, result.externalId)).toEqual({
      likes: 12,
      reposts: 5,
      replies: 2,
      quotes: 1,
      impressions: 940,
    });
  });

  it("maps 401, 429 and duplicate text to plain words", async () => {
    x = await startFakeX({ token: TOKEN });
    expect(await connector(x).check({ ...account, secret: { accessToken: "expired-token-123" } })).toEqual({
      ok: false,
      auth: true,
      error: "Token kanal tidak berlaku; hubungkan ulang akun. (X: Unauthorized)",
    });
    x.fail({
      status: 429,
      body: { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 },
      headers: { "x-rate-limit-reset": "1900000000" },
    });
    expect(
      plainWords(
        await connector(x)
          .publish(account, post(), "k1")
          .catch((e) => e),
      ),
    ).toBe("Dibatasi oleh platform; dicoba lagi otomatis.");
    await connector(x).publish(account, post(), "k2");
    const duplicate = await connector(x)
      .publish(account, post(), "k3")
      .catch((e) => e);
    expect(plainWords(duplicate)).toBe("Ditolak oleh X: teks sama persis dengan kiriman sebelumnya");
  });

  it("finds its own post after a lost answer, though X rewrote the link", async () => {
    x = await startFakeX({ token: TOKEN });
    const since = new Date();
    x.dropAnswer("/2/tweets");
    const lost = await connector(x)
      .publish(account, post(), "k1")
      .catch((e) => e);
    expect(lost.outcome).toBe("unknown");
    const found = await connector(x).findExisting?.(account, post(), "k1", since);
    expect(found?.externalId).toBe(x.received[0].id);
    expect(await connector(x).findExisting?.(account, post({ text: "lain" }), "k1", since)).toBeNull();
  });
});

describe("YouTube connector", () => {
  const account = (channelId: string): ConnectorAccount => ({
    id: "yt",
    name: "YouTube",
    config: { channelId },
    secret: { accessToken: TOKEN },
  });
  const connector = (fake: FakeYoutube) => youtubeConnector(testDeps({ YOUTUBE_API_URL: fake.apiUrl, YOUTUBE_UPLOAD_URL: fake.uploadUrl }));

  it("requires a video and a title of at most 100 characters", async () => {
    const c = youtubeConnector(testDeps());
    expect(c.validate(post())).toEqual([{ code: "channel_video_required", params: { platform: "YouTube" } }]);
    expect(c.validate(post({ media: [videoMedia()], title: "t".repeat(101) }))).toEqual([
      { code: "channel_title_too_long", params: { platform: "YouTube", length: 101, max: 100 } },
    ]);
    expect(c.validate(post({ media: [videoMedia()], text: "d".repeat(5001) }))[0]).toMatchObject({
      code: "channel_text_too_long",
      params: { max: 5000 },
    });
    expect(c.validate(post({ media: [videoMedia(), await imageMedia()] }))).toEqual([]);
  });

  it("uploads resumably (metadata, then bytes) and reads statistics", async () => {
    yt = await startFakeYoutube({ token: TOKEN });
    const result = await connector(yt).publish(account(yt.channelId), post({ media: [videoMedia(10_000)] }), "k1");
    expect(yt.received).toEqual([
      {
        id: result.externalId,
        title: "Vaksinasi Gratis",
        description: post().text,
        privacyStatus: "public",
        bytes: 10_000,
        mime: "video/mp4",
      },
    ]);
    expect(result.url).toBe(`https://www.youtube.com/watch?v=${result.externalId}`);
    expect(await connector(yt).engagement?.(account(yt.channelId), result.externalId)).toEqual({ views: 321, likes: 45, comments: 6 });
  });

  it("checks the channel and maps a revoked token and an exhausted quota", async () => {
    yt = await startFakeYoutube({ token: TOKEN });
    expect(await connector(yt).check(account(yt.channelId))).toEqual({ ok: true });
    expect(await connector(yt).check(account("UCzzzzzzzzzzzzzzzzzzzzzz"))).toMatchObject({ ok: false, auth: true });
    expect(await connector(yt).check({ ...account(yt.channelId), secret: { accessToken: "revoked-token" } })).toMatchObject({
      ok: false,
      auth: true,
    });
    yt.fail({
      status: 403,
      body: { error: { code: 403, message: "quota", errors: [{ reason: "quotaExceeded", domain: "youtube.quota" }] } },
    });
    const quota = await connector(yt)
      .publish(account(yt.channelId), post({ media: [videoMedia()] }), "k1")
      .catch((e) => e);
    expect(plainWords(quota)).toBe("Dibatasi oleh platform; dicoba lagi otomatis.");
    expect(yt.received).toHaveLength(0);
  });
});
