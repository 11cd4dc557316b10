import { and, eq, gt, isNull } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db, Executor } from "../../db/client";
import { journalistAccounts, journalistSessions, organizations } from "../../db/schema";
import type { Env } from "../../env";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret, safeEqual } from "../../lib/tokens";

/**
 * Media-room sessions are apart from staff sessions: their own table, their own cookie, and a
 * cookie path of /media-room, so the browser never sends it to the API or the staff app.
 */
export const ROOM_COOKIE = "sinergi_media_room";
/** Double-submit CSRF cookie for the forms shown before sign-in (register, sign in, reset). */
export const ROOM_FORM_COOKIE = "sinergi_media_room_form";
const COOKIE_PATH = "/media-room";
const SESSION_HOURS = 12;

/** The signed-in journalist as the media-room pages see them. */
export interface RoomSession {
  sessionId: string;
  csrfToken: string;
  accountId: string;
  journalistId: string | null;
  name: string;
  email: string;
  outlet: string;
  organizationId: string;
  /** Materialized path of the approving organization: the subtree they may see. */
  path: string;
}

const cookieOptions = (request: FastifyRequest, env: Env) => ({
  path: COOKIE_PATH,
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.COOKIE_SECURE === "auto" ? request.protocol === "https" : env.COOKIE_SECURE === "true",
});

export async function startRoomSession(tx: Executor, env: Env, request: FastifyRequest, reply: FastifyReply, accountId: string) {
  const token = newSecret();
  await tx.insert(journalistSessions).values({
    id: newId(),
    accountId,
    tokenHash: hashSecret(token),
    csrfToken: newSecret(24),
    ip: request.ip ?? null,
    userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
  });
  reply.setCookie(ROOM_COOKIE, token, { ...cookieOptions(request, env), maxAge: SESSION_HOURS * 3600 });
}

export function clearRoomCookie(reply: FastifyReply) {
  reply.clearCookie(ROOM_COOKIE, { path: COOKIE_PATH });
}

/**
 * Reads the session on every request, with the account's status, and caches nothing: a
 * deactivated journalist's very next request finds no session.
 */
export async function loadRoomSession(db: Db, request: FastifyRequest): Promise<RoomSession | null> {
  const token = request.cookies?.[ROOM_COOKIE];
  if (!token) return null;
  const [row] = await db
    .select({
      sessionId: journalistSessions.id,
      csrfToken: journalistSessions.csrfToken,
      accountId: journalistAccounts.id,
      journalistId: journalistAccounts.journalistId,
      name: journalistAccounts.name,
      email: journalistAccounts.email,
      outlet: journalistAccounts.outlet,
      organizationId: journalistAccounts.organizationId,
      path: organizations.path,
    })
    .from(journalistSessions)
    .innerJoin(journalistAccounts, eq(journalistAccounts.id, journalistSessions.accountId))
    .innerJoin(organizations, eq(organizations.id, journalistAccounts.organizationId))
    .where(
      and(
        eq(journalistSessions.tokenHash, hashSecret(token)),
        isNull(journalistSessions.revokedAt),
        gt(journalistSessions.expiresAt, new Date()),
        eq(journalistAccounts.status, "approved"),
        eq(organizations.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function endRoomSession(db: Executor, sessionId: string) {
  await db.update(journalistSessions).set({ revokedAt: new Date() }).where(eq(journalistSessions.id, sessionId));
}

/** Ends every session of an account (deactivation, password reset). */
export async function revokeRoomSessions(tx: Executor, accountId: string) {
  await tx
    .update(journalistSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(journalistSessions.accountId, accountId), isNull(journalistSessions.revokedAt)));
}

/** The form token of an anonymous visitor: kept in a cookie and echoed in a hidden field. */
export function formToken(request: FastifyRequest, reply: FastifyReply, env: Env): string {
  const existing = request.cookies?.[ROOM_FORM_COOKIE];
  if (existing && existing.length >= 20) return existing;
  const token = newSecret(24);
  reply.setCookie(ROOM_FORM_COOKIE, token, { ...cookieOptions(request, env), sameSite: "strict" });
  return token;
}

/** True when the posted `csrf` field matches the session's token (signed in) or the form cookie. */
export function csrfOk(request: FastifyRequest, session: RoomSession | null, sent: string | undefined): boolean {
  if (typeof sent !== "string" || !sent) return false;
  const expected = session ? session.csrfToken : request.cookies?.[ROOM_FORM_COOKIE];
  return typeof expected === "string" && safeEqual(sent, expected);
}
