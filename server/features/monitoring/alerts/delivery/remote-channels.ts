import type { Env } from "../../../../env";
import { createSafeFetch, OutboundError } from "../../../../lib/safe-fetch";
import { secretBox } from "../../../../lib/secret-box";
import { webhookSignature } from "../../../channels/connectors/webhook";
import type { RuleRow } from "./raise-alert";

/** A failed remote delivery, with a message an officer can act on (never the token or URL path). */
export class DeliveryError extends Error {}

const TIMEOUT_MS = 15_000;

function outbound(err: unknown, label: string): DeliveryError {
  if (err instanceof OutboundError) {
    if (err.code === "blocked" || err.code === "bad_url") return new DeliveryError(`${label}: alamat tidak diizinkan (${err.code})`);
    return new DeliveryError(`${label}: ${err.code}`);
  }
  return new DeliveryError(`${label}: ${(err as Error).message}`);
}

/** Telegram Bot API sendMessage with the rule's own bot (token sealed with the rule id). */
export async function sendTelegram(env: Env, rule: RuleRow, text: string) {
  if (!rule.channels.telegram || !rule.telegramTokenSealed) throw new DeliveryError("Telegram belum diatur");
  const token = secretBox(env).open<string>(rule.telegramTokenSealed, rule.id);
  const url = `${env.TELEGRAM_API_URL.replace(/\/$/, "")}/bot${token}/sendMessage`;
  let res: Awaited<ReturnType<ReturnType<typeof createSafeFetch>>>;
  try {
    res = await createSafeFetch(env.OUTBOUND_ALLOW)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: rule.channels.telegram.chatId, text: text.slice(0, 4096), disable_web_page_preview: true }),
      timeoutMs: TIMEOUT_MS,
      maxBytes: 256 * 1024,
    });
  } catch (err) {
    throw outbound(err, "Telegram");
  }
  let description = "";
  try {
    const json = res.json<{ ok?: boolean; description?: string }>();
    if (res.status >= 200 && res.status < 300 && json.ok) return;
    description = String(json.description ?? "");
  } catch {
    // not JSON: the status says enough
  }
  throw new DeliveryError(`Telegram: ${res.status}${description ? ` ${description}` : ""}`);
}

/**
 * POSTs JSON to the rule's webhook through the SSRF guard, signed like the channel webhooks:
 * `X-Sinergi-Signature: sha256=<HMAC of the raw body>` and an `Idempotency-Key` so a retried
 * delivery is recognised by the receiver.
 */
export async function sendWebhook(env: Env, rule: RuleRow, key: string, payload: unknown) {
  if (!rule.channels.webhook || !rule.webhookSecretSealed) throw new DeliveryError("Webhook belum diatur");
  const secret = secretBox(env).open<string>(rule.webhookSecretSealed, rule.id);
  const body = JSON.stringify(payload);
  let res: Awaited<ReturnType<ReturnType<typeof createSafeFetch>>>;
  try {
    res = await createSafeFetch(env.OUTBOUND_ALLOW)(rule.channels.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Sinergi-Alerts/1",
        "idempotency-key": key,
        "x-sinergi-signature": webhookSignature(secret, body),
      },
      body,
      timeoutMs: TIMEOUT_MS,
      maxBytes: 256 * 1024,
      // A redirect could lead the signed body elsewhere.
      maxRedirects: 0,
    });
  } catch (err) {
    throw outbound(err, "Webhook");
  }
  if (res.status < 200 || res.status >= 300) throw new DeliveryError(`Webhook: HTTP ${res.status}`);
}
