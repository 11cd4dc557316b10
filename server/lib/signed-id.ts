import { createHmac } from "node:crypto";
import type { Env } from "../env";
import { loadSecretKey } from "./secret-box";
import { safeEqual } from "./tokens";

/**
 * A row id made into a public link token, `<id, base64url>.<HMAC, 16 bytes>`: a secret per row
 * without storing one, reproducible (a reprinted card, a resent email), and useless for another
 * purpose, since the purpose is part of the MAC. The key is derived from the secrets key, which
 * is never used directly for two purposes. Used by unsubscribe links and event invitations.
 */
type KeyEnv = Pick<Env, "SECRETS_KEY" | "dataDir">;

const keys = new Map<string, Buffer>();
function signingKey(env: KeyEnv): Buffer {
  const id = env.SECRETS_KEY ? `key:${env.SECRETS_KEY}` : `dir:${env.dataDir}`;
  let key = keys.get(id);
  if (!key) {
    key = createHmac("sha256", loadSecretKey(env)).update("sinergi/signed-id/v1").digest();
    keys.set(id, key);
  }
  return key;
}

const mac = (env: KeyEnv, purpose: string, idHex: string) =>
  createHmac("sha256", signingKey(env)).update(`${purpose}:${idHex}`).digest().subarray(0, 16).toString("base64url");

export function signId(env: KeyEnv, purpose: string, id: string): string {
  const idHex = id.replaceAll("-", "");
  return `${Buffer.from(idHex, "hex").toString("base64url")}.${mac(env, purpose, idHex)}`;
}

/** The id a token stands for, or null when it is malformed, forged or made for another purpose. */
export function verifySignedId(env: KeyEnv, purpose: string, token: string): string | null {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const idHex = Buffer.from(m[1], "base64url").toString("hex");
  if (idHex.length !== 32 || !safeEqual(mac(env, purpose, idHex), m[2])) return null;
  return `${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-${idHex.slice(12, 16)}-${idHex.slice(16, 20)}-${idHex.slice(20)}`;
}
