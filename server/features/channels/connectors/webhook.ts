import { createHmac, randomUUID } from "node:crypto";
import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { call, charCount, failure, jsonOf } from "./http";
import { failedCheck } from "./platform-error";
import { emptyPost, textLength } from "./validate";

const label = "Webhook";
const LIMITS = { text: 100_000, maxMedia: 20 };

/** `sha256=` + hex HMAC-SHA256 of the raw body with the account's signing secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * A generic outgoing webhook: POST JSON of the item to the configured URL, signed
 * (X-Sinergi-Signature) and carrying an Idempotency-Key, so the receiver can drop a repeat.
 * That contract is what makes an interrupted attempt safe to resend.
 */
export function webhookConnector(deps: ConnectorDeps): Connector {
  async function send(account: ConnectorAccount, payload: object, key: string, critical: boolean) {
    const body = JSON.stringify(payload);
    const res = await call(deps, label, account.config.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Sinergi-Webhook/1",
        "idempotency-key": key,
        "x-sinergi-signature": webhookSignature(account.secret.signingSecret, body),
      },
      body,
      critical,
      // A receiver must not bounce us around: no redirects for signed deliveries.
      maxRedirects: 0,
    });
    if (res.status < 200 || res.status >= 300) throw failure(res, label, jsonOf(res).error ?? "", critical);
    return jsonOf(res);
  }

  return {
    platform: "webhook",
    label,
    limits: LIMITS,
    resendSafe: true,

    validate(post: Post): Issue[] {
      if (!post.text.trim() && post.media.length === 0 && !post.link) return [emptyPost(label)];
      return textLength(label, charCount(post.text), LIMITS.text);
    },

    preview: (post) => ({ text: post.text, mediaCount: post.media.length }),

    async publish(account, post, key) {
      const answer = await send(
        account,
        {
          event: "content.published",
          idempotencyKey: key,
          sentAt: new Date().toISOString(),
          content: {
            id: post.item?.id ?? null,
            type: post.item?.type ?? null,
            title: post.title,
            summary: post.item?.summary ?? "",
            text: post.text,
            bodyText: post.item?.bodyText ?? "",
            url: post.link || null,
            media: post.media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, url: m.publicUrl, width: m.width, height: m.height })),
          },
        },
        key,
        true,
      );
      return {
        externalId: typeof answer.id === "string" || typeof answer.id === "number" ? String(answer.id) : key,
        url: typeof answer.url === "string" && /^https?:\/\//.test(answer.url) ? answer.url : null,
      };
    },

    async check(account) {
      try {
        await send(account, { event: "ping", sentAt: new Date().toISOString() }, randomUUID(), false);
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },
  };
}
