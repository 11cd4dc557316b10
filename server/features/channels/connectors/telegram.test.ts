import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../../../test/fake-platforms/telegram";
import type { ConnectorAccount } from "./connector";
import { PlatformError, plainWords } from "./platform-error";
import { telegramConnector } from "./telegram";
import { imageMedia, post, testDeps, videoMedia } from "./test-support";

const TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const account: ConnectorAccount = { id: "a1", name: "Kanal Humas", config: { chatId: "@humas_uji" }, secret: { botToken: TOKEN } };

let fake: FakeTelegram;
beforeEach(async () => {
  fake = await startFakeTelegram({ token: TOKEN, chats: ["@humas_uji", "-1001234567890"] });
});
afterEach(async () => fake.close());
const connector = () => telegramConnector(testDeps({ TELEGRAM_API_URL: fake.url }));

describe("Telegram connector", () => {
  it("posts text with sendMessage and links to the message", async () => {
    const result = await connector().publish(account, post(), "k1");
    expect(fake.received).toEqual([
      { method: "sendMessage", chatId: "@humas_uji", text: post().text, files: 0, messageId: Number(result.externalId) },
    ]);
    expect(result.url).toBe(`https://t.me/humas_uji/${result.externalId}`);
  });

  it("uploads one photo with sendPhoto and several with sendMediaGroup (caption on the first)", async () => {
    await connector().publish(account, post({ media: [await imageMedia()] }), "k1");
    const two = post({ text: "Dua foto", media: [await imageMedia(1200, 800, "a.jpg"), await imageMedia(800, 800, "b.jpg")] });
    const result = await connector().publish({ ...account, config: { chatId: "-1001234567890" } }, two, "k2");
    expect(fake.received.map((r) => [r.method, r.files, r.text])).toEqual([
      ["sendPhoto", 1, post().text],
      ["sendMediaGroup", 2, "Dua foto"],
    ]);
    expect(result.url).toBe(`https://t.me/c/1234567890/${result.externalId}`);
  });

  it("sends a video with sendVideo", async () => {
    await connector().publish(account, post({ media: [videoMedia()] }), "k1");
    expect(fake.received[0]).toMatchObject({ method: "sendVideo", files: 1 });
  });

  it("checks the token (getMe) and the chat (getChat)", async () => {
    expect(await connector().check(account)).toEqual({ ok: true });
    const unknownChat = await connector().check({ ...account, config: { chatId: "@tidak_ada" } });
    expect(unknownChat).toMatchObject({ ok: false, auth: false });
    expect(unknownChat.error).toContain("kanal tidak ditemukan");
    const member = await startFakeTelegram({ admin: false });
    try {
      expect(await telegramConnector(testDeps({ TELEGRAM_API_URL: member.url })).check(account)).toEqual({
        ok: false,
        auth: false,
        error: "Bot belum menjadi admin kanal dengan izin mengirim pesan.",
      });
    } finally {
      await member.close();
    }
    const badToken = await connector().check({ ...account, secret: { botToken: "1:salah" } });
    expect(badToken).toEqual({ ok: false, auth: true, error: "Token kanal tidak berlaku; hubungkan ulang akun." });
  });

  it("maps errors to plain words and never leaks the token", async () => {
    fake.fail({
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } },
    });
    const limited = await connector()
      .publish(account, post(), "k1")
      .catch((e) => e);
    expect(limited).toBeInstanceOf(PlatformError);
    expect(plainWords(limited)).toBe("Dibatasi oleh platform; dicoba lagi otomatis.");
    expect(limited.retryable).toBe(true);

    fake.fail({ status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot is not a member of the channel chat" } });
    const forbidden = await connector()
      .publish(account, post(), "k1")
      .catch((e) => e);
    expect(plainWords(forbidden)).toBe(
      "Token kanal tidak berlaku; hubungkan ulang akun. (Telegram: bot belum menjadi admin kanal dengan izin mengirim pesan)",
    );
    expect(`${forbidden.message} ${plainWords(forbidden)}`).not.toContain(TOKEN);

    fake.fail({ status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } });
    const rejected = await connector()
      .publish(account, post(), "k1")
      .catch((e) => e);
    expect(plainWords(rejected)).toBe("Ditolak oleh Telegram: kanal tidak ditemukan; periksa ID atau @username kanal");
    expect(fake.received).toHaveLength(0);
  });

  it("reports a lost answer to sendMessage as an unknown outcome (the message may exist)", async () => {
    fake.dropAnswer("sendMessage");
    const err = await connector()
      .publish(account, post(), "k1")
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err.outcome).toBe("unknown");
    expect(fake.received).toHaveLength(1);
  });

  it("validates limits: 4096 for messages, 1024 for captions, up to 10 photos", async () => {
    const c = connector();
    expect(c.validate(post({ text: "a".repeat(4096) }))).toEqual([]);
    expect(c.validate(post({ text: "a".repeat(4097) }))).toEqual([
      { code: "channel_text_too_long", params: { platform: "Telegram", length: 4097, max: 4096 } },
    ]);
    const photo = await imageMedia();
    expect(c.validate(post({ text: "a".repeat(1025), media: [photo] }))).toEqual([
      { code: "channel_caption_too_long", params: { platform: "Telegram", length: 1025, max: 1024 } },
    ]);
    expect(c.validate(post({ media: Array(11).fill(photo) }))[0]).toMatchObject({ code: "channel_too_many_media" });
    expect(c.validate(post({ media: [photo, videoMedia()] }))[0]).toMatchObject({ code: "channel_media_mixed" });
    expect(c.validate(post({ text: " " }))[0]).toMatchObject({ code: "channel_empty_post" });
  });
});
