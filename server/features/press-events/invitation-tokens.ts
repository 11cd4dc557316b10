import { createHmac } from "node:crypto";
import type { Env } from "../../env";
import { loadSecretKey } from "../../lib/secret-box";
import { safeEqual } from "../../lib/tokens";

/**
 * The RSVP link and the check-in QR carry `<invitation id>.<HMAC>`: a secret per invitation
 * without storing one, reproducible for reprinted cards, and useless for another purpose (the
 * purpose is part of the MAC) or another invitation. The key is derived from the secrets key.
 */
export type TokenPurpose = "rsvp" | "checkin";

const keys = new Map<string, Buffer>();
function keyFor(env: Pick<Env, "SECRETS_KEY" | "dataDir">): Buffer {
  const id = env.SECRETS_KEY ? `key:${env.SECRETS_KEY}` : `dir:${env.dataDir}`;
  let key = keys.get(id);
  if (!key) {
    key = createHmac("sha256", loadSecretKey(env)).update("sinergi/press-event-invitation/v1").digest();
    keys.set(id, key);
  }
  return key;
}

const mac = (env: Pick<Env, "SECRETS_KEY" | "dataDir">, purpose: TokenPurpose, idHex: string) =>
  createHmac("sha256", keyFor(env)).update(`${purpose}:${idHex}`).digest().subarray(0, 16).toString("base64url");

export function invitationToken(env: Pick<Env, "SECRETS_KEY" | "dataDir">, purpose: TokenPurpose, invitationId: string): string {
  const idHex = invitationId.replaceAll("-", "");
  return `${Buffer.from(idHex, "hex").toString("base64url")}.${mac(env, purpose, idHex)}`;
}

/** The invitation id a token stands for, or null when it is malformed or its MAC is wrong. */
export function readInvitationToken(env: Pick<Env, "SECRETS_KEY" | "dataDir">, purpose: TokenPurpose, token: string): string | null {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const idHex = Buffer.from(m[1], "base64url").toString("hex");
  if (idHex.length !== 32 || !safeEqual(mac(env, purpose, idHex), m[2])) return null;
  return `${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-${idHex.slice(12, 16)}-${idHex.slice(16, 20)}-${idHex.slice(20)}`;
}

/** The check-in code from whatever the scanner typed: the card's URL (`?kode=`) or the bare code. */
export function checkInCodeFrom(scanned: string): string {
  const m = /[?&]kode=([A-Za-z0-9_.-]+)/.exec(scanned);
  return m ? m[1] : scanned.trim();
}

export const rsvpUrl = (publicUrl: string, token: string) => `${publicUrl}/rsvp/${token}`;
export const checkInUrl = (publicUrl: string, eventId: string, token: string) =>
  `${publicUrl}/app/press-events/${eventId}/check-in?kode=${token}`;
