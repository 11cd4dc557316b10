import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGraph, startFakeGraph } from "../../../test/fake-platforms/graph";
import type { ConnectorAccount } from "./connector";
import { facebookConnector } from "./facebook";
import { instagramConnector } from "./instagram";
import { PlatformError, plainWords } from "./platform-error";
import { imageMedia, post, testDeps, videoMedia } from "./test-support";

const TOKEN = "EAAGm0PX4ZCpsBAKZAtesttokenvalue1234567890";
const PAGE = "104857600000001";
const IG = "17841400000000001";
const page: ConnectorAccount = { id: "fb", name: "Halaman Dinas", config: { pageId: PAGE }, secret: { pageAccessToken: TOKEN } };
const ig: ConnectorAccount = { id: "ig", name: "IG Dinas", config: { igUserId: IG }, secret: { accessToken: TOKEN } };

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph({ pageId: PAGE, igUserId: IG, token: TOKEN });
});
afterEach(async () => fake.close());
const deps = () => testDeps({ GRAPH_API_URL: `${fake.url}/v21.0` });

describe("Facebook Page connector", () => {
  it("posts text with the link to /feed", async () => {
    const result = await facebookConnector(deps()).publish(page, post(), "k1");
    expect(fake.received).toMatchObject([{ kind: "feed", message: post().text, link: post().link, photos: 0 }]);
    expect(result).toEqual({ externalId: fake.received[0].id, url: `https://www.facebook.com/${fake.received[0].id}` });
  });

  it("uploads one photo to /photos, several as unpublished photos attached to one post", async () => {
    const fb = facebookConnector(deps());
    await fb.publish(page, post({ media: [await imageMedia()] }), "k1");
    await fb.publish(
      page,
      post({ text: "Galeri", media: [await imageMedia(1200, 800, "a.jpg"), await imageMedia(1200, 800, "b.jpg")] }),
      "k2",
    );
    expect(fake.received.map((p) => [p.kind, p.photos, p.message])).toEqual([
      ["photo", 1, post().text],
      ["feed", 2, "Galeri"],
    ]);
  });

  it("checks that the token belongs to the Page, and maps an expired token to plain words", async () => {
    const fb = facebookConnector(deps());
    expect(await fb.check(page)).toEqual({ ok: true });
    expect(await fb.check({ ...page, config: { pageId: "999" } })).toMatchObject({ ok: false, auth: true });
    const expired = await fb.check({ ...page, secret: { pageAccessToken: "EAAG-expired-token-000" } });
    expect(expired).toEqual({
      ok: false,
      auth: true,
      error: "Token kanal tidak berlaku; hubungkan ulang akun. (Facebook: token kedaluwarsa atau dicabut)",
    });
  });

  it("reads engagement and maps rate limits and bad parameters", async () => {
    const fb = facebookConnector(deps());
    const { externalId } = await fb.publish(page, post(), "k1");
    expect(await fb.engagement?.(page, externalId)).toEqual({ shares: 4, reactions: 21, comments: 3 });
    fake.fail({
      status: 400,
      body: { error: { message: "(#32) Page request limit reached", type: "OAuthException", code: 32, fbtrace_id: "x" } },
    });
    const limited = await fb.publish(page, post(), "k2").catch((e) => e);
    expect(plainWords(limited)).toBe("Dibatasi oleh platform; dicoba lagi otomatis.");
    fake.fail({
      status: 400,
      body: { error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, fbtrace_id: "x" } },
    });
    expect(plainWords(await fb.publish(page, post(), "k3").catch((e) => e))).toBe(
      "Ditolak oleh Facebook: parameter tidak valid ((#100) Invalid parameter)",
    );
  });

  it("finds a post made by an interrupted attempt", async () => {
    const fb = facebookConnector(deps());
    const since = new Date();
    fake.dropAnswer("/feed");
    const lost = await fb.publish(page, post(), "k1").catch((e) => e);
    expect(lost).toBeInstanceOf(PlatformError);
    expect(lost.outcome).toBe("unknown");
    const found = await fb.findExisting?.(page, post(), "k1", since);
    expect(found?.externalId).toBe(fake.received[0].id);
    expect(await fb.findExisting?.(page, post({ text: "Teks lain" }), "k2", since)).toBeNull();
  });

  it("validates: images only, at most 10", async () => {
    const fb = facebookConnector(deps());
    expect(fb.validate(post({ media: [videoMedia()] }))[0]).toMatchObject({ code: "channel_media_unsupported" });
    expect(fb.validate(post({ text: "a".repeat(63_207) }))[0]).toMatchObject({ code: "channel_text_too_long", params: { max: 63_206 } });
  });
});

describe("Instagram connector", () => {
  it("creates a container from the public image URL, then publishes it", async () => {
    const insta = instagramConnector(deps(), { pollMs: 1 });
    const image = await imageMedia(1080, 1080);
    const result = await insta.publish(ig, post({ media: [image] }), "k1");
    expect(fake.containers).toMatchObject([{ imageUrl: image.publicUrl, caption: post().text }]);
    expect(fake.received).toMatchObject([{ kind: "ig_media", message: post().text }]);
    expect(result).toEqual({ externalId: fake.received[0].id, url: `https://www.instagram.com/p/${fake.received[0].id}/` });
    expect(await insta.engagement?.(ig, result.externalId)).toEqual({ likes: 17, comments: 3 });
  });

  it("publishes several images as a carousel", async () => {
    const insta = instagramConnector(deps(), { pollMs: 1 });
    await insta.publish(ig, post({ media: [await imageMedia(1080, 1350, "a.jpg"), await imageMedia(1080, 1080, "b.jpg")] }), "k1");
    expect(fake.containers.at(-1)?.children).toHaveLength(2);
    expect(fake.received).toMatchObject([{ kind: "ig_media", photos: 2 }]);
  });

  it("needs 1–10 images within 4:5 and 1.91:1 and a caption of at most 2,200 characters", async () => {
    const insta = instagramConnector(deps());
    expect(insta.validate(post())).toEqual([{ code: "channel_images_required", params: { platform: "Instagram", min: 1, max: 10 } }]);
    expect(insta.validate(post({ media: [await imageMedia(1080, 1350)] }))).toEqual([]);
    expect(insta.validate(post({ media: [await imageMedia(1000, 1500, "tinggi.jpg")] }))).toEqual([
      { code: "channel_image_ratio", params: { platform: "Instagram", file: "tinggi.jpg", ratio: "0,67:1" } },
    ]);
    expect(insta.validate(post({ media: [await imageMedia(2000, 1000, "lebar.jpg")] }))[0]).toMatchObject({ code: "channel_image_ratio" });
    const photo = await imageMedia(1080, 1080);
    expect(insta.validate(post({ text: "a".repeat(2201), media: [photo] }))[0]).toMatchObject({
      code: "channel_text_too_long",
      params: { max: 2200 },
    });
    expect(insta.validate(post({ media: [photo, videoMedia()] }))[0]).toMatchObject({ code: "channel_media_unsupported" });
  });

  it("checks the account and finds a post after a lost answer", async () => {
    const insta = instagramConnector(deps(), { pollMs: 1 });
    expect(await insta.check(ig)).toEqual({ ok: true });
    const since = new Date();
    fake.dropAnswer("media_publish");
    const lost = await insta.publish(ig, post({ media: [await imageMedia(1080, 1080)] }), "k1").catch((e) => e);
    expect(lost.outcome).toBe("unknown");
    expect((await insta.findExisting?.(ig, post(), "k1", since))?.externalId).toBe(fake.received[0].id);
  });
});
