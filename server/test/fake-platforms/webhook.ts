import { createHmac, timingSafeEqual } from "node:crypto";
import { type FakeServer, startFakeServer } from "./fake-server";

/**
 * A well-behaved webhook receiver: checks the X-Sinergi-Signature HMAC over the raw body and
 * drops a delivery whose Idempotency-Key it has already processed (answering as before).
 */
export interface WebhookDelivery {
  key: string;
  event: string;
  body: any;
}

export interface FakeWebhook extends FakeServer {
  /** Deliveries processed once each (repeats of a key are not in here). */
  received: WebhookDelivery[];
  /** Deliveries refused for a bad signature. */
  rejected: number;
}

export async function startFakeWebhook(options: { secret: string }): Promise<FakeWebhook> {
  const received: WebhookDelivery[] = [];
  const answers = new Map<string, { id: string; url: string }>();
  const state = { rejected: 0 };
  const fake = await startFakeServer((req) => {
    const expected = `sha256=${createHmac("sha256", options.secret).update(req.raw).digest("hex")}`;
    const given = String(req.headers["x-sinergi-signature"] ?? "");
    if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
      state.rejected++;
      return { status: 401, body: { error: "invalid signature" } };
    }
    const key = String(req.headers["idempotency-key"] ?? "");
    if (!key) return { status: 400, body: { error: "Idempotency-Key required" } };
    const seen = answers.get(key);
    if (seen) return { body: { ...seen, duplicate: true } };
    const answer = { id: `wh-${received.length + 1}`, url: `https://portal.uji.go.id/berita/${received.length + 1}` };
    answers.set(key, answer);
    received.push({ key, event: req.json?.event ?? "", body: req.json });
    return { body: answer };
  });
  Object.defineProperty(fake, "rejected", { get: () => state.rejected });
  return Object.assign(fake, { received }) as FakeWebhook;
}
