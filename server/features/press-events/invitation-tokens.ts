import type { Env } from "../../env";
import { signId, verifySignedId } from "../../lib/signed-id";

/**
 * The RSVP link and the check-in QR carry the signed invitation id (lib/signed-id.ts): a secret
 * per invitation without storing one, reproducible for reprinted cards, and a check-in code is
 * no RSVP link (the purpose is part of the MAC).
 */
export type TokenPurpose = "rsvp" | "checkin";

export const invitationToken = (env: Pick<Env, "SECRETS_KEY" | "dataDir">, purpose: TokenPurpose, invitationId: string) =>
  signId(env, `press-event-invitation:${purpose}`, invitationId);

/** The invitation id a token stands for, or null when it is malformed or its MAC is wrong. */
export const readInvitationToken = (env: Pick<Env, "SECRETS_KEY" | "dataDir">, purpose: TokenPurpose, token: string) =>
  verifySignedId(env, `press-event-invitation:${purpose}`, token);

/** The check-in code from whatever the scanner typed: the card's URL (`?kode=`) or the bare code. */
export function checkInCodeFrom(scanned: string): string {
  const m = /[?&]kode=([A-Za-z0-9_.-]+)/.exec(scanned);
  return m ? m[1] : scanned.trim();
}

export const rsvpUrl = (publicUrl: string, token: string) => `${publicUrl}/rsvp/${token}`;
export const checkInUrl = (publicUrl: string, eventId: string, token: string) =>
  `${publicUrl}/app/press-events/${eventId}/check-in?kode=${token}`;
