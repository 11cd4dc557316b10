import { createHmac, timingSafeEqual } from "node:crypto";
import type { Env } from "../../env";
import { loadSecretKey } from "../../lib/secret-box";

/**
 * The token in a recipient's List-Unsubscribe URL: the recipient id and an HMAC of it, so the
 * public endpoint needs no session and nobody can unsubscribe an address they did not receive
 * mail for. The key is derived from the secrets key (never used directly for two purposes).
 */
const keys = new WeakMap<object, Buffer>();
function keyOf(env: Pick<Env, "SECRETS_KEY" | "dataDir">): Buffer {
  let key = keys.get(env);
  if (!key) {
    key = createHmac("sha256", loadSecretKey(env)).update("sinergi/distribution-unsubscribe/v1").digest();
    keys.set(env, key);
  }
  return key;
}

const mac = (key: Buffer, id: Buffer) => createHmac("sha256", key).update(id).digest().subarray(0, 16);

export function unsubscribeToken(env: Pick<Env, "SECRETS_KEY" | "dataDir">, recipientId: string): string {
  const id = Buffer.from(recipientId.replace(/-/g, ""), "hex");
  return `${id.toString("base64url")}.${mac(keyOf(env), id).toString("base64url")}`;
}

/** The recipient id of a valid token, or null (malformed or forged). */
export function verifyUnsubscribeToken(env: Pick<Env, "SECRETS_KEY" | "dataDir">, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const id = Buffer.from(match[1], "base64url");
  const sent = Buffer.from(match[2], "base64url");
  if (id.length !== 16 || sent.length !== 16 || !timingSafeEqual(sent, mac(keyOf(env), id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
