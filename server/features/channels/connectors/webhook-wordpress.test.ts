import { afterEach, describe, expect, it } from "vitest";
import { createSafeFetch } from "../../../lib/safe-fetch";
import { type FakeWebhook, startFakeWebhook } from "../../../test/fake-platforms/webhook";
import { type FakeWordpress, startFakeWordpress } from "../../../test/fake-platforms/wordpress";
import type { ConnectorAccount } from "./connector";
import { plainWords } from "./platform-error";
import { imageMedia, post, testDeps } from "./test-support";
import { webhookConnector } from "./webhook";
import { wordpressConnector, wordpressSlug } from "./wordpress";

const SECRET = "whsec-0123456789abcdef0123";
let hook: FakeWebhook | null = null;
let wp: FakeWordpress | null = null;
afterEach(async () => {
  await hook?.close();
  await wp?.close();
  hook = wp = null;
});

describe("webhook connector", () => {
  const account = (url: string, secret = SECRET): ConnectorAccount => ({
    id: "w",
    name: "Portal",
    config: { url },
    secret: { signingSecret: secret },
  });

  it("posts signed JSON with an Idempotency-Key; a repeat of the key is dropped by the receiver", async () => {
    hook = await startFakeWebhook({ secret: SECRET });
    const c = webhookConnector(testDeps());
    const first = await c.publish(
      account(`${hook.url}/sinergi`),
      post({ item: { id: "c1", type: "berita", summary: "Ringkas", bodyText: "Isi" } }),
      "pub-1",
    );
    const again = await c.publish(account(`${hook.url}/sinergi`), post(), "pub-1");
    expect(hook.requests).toHaveLength(2);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]).toMatchObject({
      key: "pub-1",
      event: "content.published",
      body: { content: { id: "c1", title: "Vaksinasi Gratis", url: post().link } },
    });
    expect(again.externalId).toBe(first.externalId);
    expect(c.resendSafe).toBe(true);
  });

  it("checks with a signed ping; a wrong secret fails in plain words", async () => {
    hook = await startFakeWebhook({ secret: SECRET });
    const c = webhookConnector(testDeps());
    expect(await c.check(account(`${hook.url}/`))).toEqual({ ok: true });
    expect(await c.check(account(`${hook.url}/`, "another-secret-0000000"))).toEqual({
      ok: false,
      auth: true,
      error: "Token kanal tidak berlaku; hubungkan ulang akun. (Webhook: invalid signature)",
    });
    expect(hook.rejected).toBe(1);
  });

  it("refuses a user-given URL on an internal address (SSRF)", async () => {
    hook = await startFakeWebhook({ secret: SECRET });
    // No allow-list: production behaviour.
    const c = webhookConnector({ ...testDeps(), fetch: createSafeFetch(undefined) });
    const check = await c.check(account(`${hook.url}/`));
    expect(check).toEqual({
      ok: false,
      auth: false,
      error: "Alamat tujuan ditolak demi keamanan (alamat jaringan internal atau tidak valid).",
    });
    const sent = await c.publish(account("http://169.254.169.254/latest/meta-data/"), post(), "k").catch((e) => e);
    expect(plainWords(sent)).toContain("ditolak demi keamanan");
    expect(hook.requests).toHaveLength(0);
  });
});

describe("WordPress connector", () => {
  const PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";
  const account = (siteUrl: string, password = PASSWORD): ConnectorAccount => ({
    id: "wp",
    name: "Situs Dinas",
    config: { siteUrl, username: "humas" },
    secret: { applicationPassword: password },
  });

  it("uploads media, publishes the post with a findable slug, reads comment counts", async () => {
    wp = await startFakeWordpress({ username: "humas", password: PASSWORD });
    const c = wordpressConnector(testDeps());
    const item = { id: "c1", type: "berita", summary: "Ringkasan", bodyText: "Paragraf satu.\n\nParagraf <dua>." };
    const result = await c.publish(account(wp.url), post({ media: [await imageMedia()], item }), "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    expect(wp.media).toHaveLength(1);
    expect(wp.received).toHaveLength(1);
    const created = wp.received[0];
    expect(created).toMatchObject({
      title: "Vaksinasi Gratis",
      status: "publish",
      featuredMedia: wp.media[0].id,
      slug: "vaksinasi-gratis-2e3f4a5b",
    });
    expect(created.content).toContain("<p>Paragraf &#60;dua&#62;.</p>");
    expect(created.content).toContain(`href="${post().link}"`);
    expect(result).toEqual({ externalId: String(created.id), url: created.link });
    expect(await c.findExisting?.(account(wp.url), post({ item }), "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", new Date())).toEqual(result);
    expect(await c.engagement?.(account(wp.url), result.externalId)).toEqual({ comments: 7 });
  });

  it("checks credentials and maps a wrong application password", async () => {
    wp = await startFakeWordpress({ username: "humas", password: PASSWORD });
    const c = wordpressConnector(testDeps());
    expect(await c.check(account(wp.url))).toEqual({ ok: true });
    expect(await c.check(account(wp.url, "wrong pass word"))).toMatchObject({ ok: false, auth: true });
    expect(c.validate(post({ title: "", text: "" }))[0]).toMatchObject({ code: "channel_title_required" });
  });

  it("makes slugs from titles", () => {
    expect(wordpressSlug("Pemprov Bali: Vaksinasi Gratis!", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")).toBe(
      "pemprov-bali-vaksinasi-gratis-2e3f4a5b",
    );
    expect(wordpressSlug("", "0190")).toBe("kiriman-0190");
  });
});
