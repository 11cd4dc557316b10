import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Locale, Role } from "../../common/roles";
import type { Db, Executor } from "../db/client";
import { apiTokens, grants, organizations, sessions, users } from "../db/schema";
import type { Env } from "../env";
import { hashSecret, safeEqual } from "../lib/tokens";
import type { TtlCache } from "../lib/ttl-cache";
import type { Actor, ScopedGrant } from "../policies/core";
import { AppError } from "./errors";
import type { SessionInfo } from "./types";

export const SESSION_COOKIE = "sinergi_session";
export const API_TOKEN_PREFIX = "sng_";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOUCH_EVERY_MS = 5 * 60_000;

/** Who a credential is: cached per token hash, cleared by the change feed on any auth change. */
export interface ResolvedCredential {
  actor: Actor | null;
  session: SessionInfo | null;
  locale: Locale | null;
  expiresAt: number;
  lastSeenAt: number;
  /** Set when this request slid the expiry, so the cookie is written again. */
  extended?: boolean;
}
export type ActorCache = TtlCache<ResolvedCredential | "invalid">;

let cacheGeneration = 0;
/** Empties the credential cache; reads that started before it will not be stored. */
export function clearActorCache(cache: ActorCache) {
  cacheGeneration++;
  cache.clear();
}

export function requestLocale(header: string | undefined): Locale {
  const first = (header ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "id";
}

export async function loadUserGrants(db: Executor, userId: string): Promise<ScopedGrant[]> {
  const rows = await db
    .select({ organizationId: grants.organizationId, path: organizations.path, role: grants.role })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(and(eq(grants.userId, userId), eq(organizations.active, true)));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/**
 * Resolves who is calling (session cookie or bearer API token) and enforces the route's
 * policy requirements: sign-in, finished 2FA, and the CSRF token on cookie-authenticated writes.
 */
/** The session cookie: HttpOnly, SameSite=Lax, Secure over https; its lifetime follows the session's. */
export function writeSessionCookie(reply: FastifyReply, request: FastifyRequest, env: Env, token: string) {
  const secure = env.COOKIE_SECURE === "auto" ? request.protocol === "https" : env.COOKIE_SECURE === "true";
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: env.SESSION_TTL_HOURS * 3600 });
}

export function installAuthentication(app: FastifyInstance, db: Db, env: Env, cache: ActorCache) {
  const sessionTtlHours = env.SESSION_TTL_HOURS;
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.decorateRequest("locale", "id");

  app.addHook("onRequest", async (request) => {
    request.locale = requestLocale(request.headers["accept-language"]);
  });

  app.addHook("preHandler", async (request, reply) => {
    const config = request.routeOptions.config;
    const policy = config?.policy;
    if (!policy || (policy === "public" && config.anonymous)) return;
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith(`Bearer ${API_TOKEN_PREFIX}`) ? authorization.slice(7) : null;
    const secret = bearer ?? request.cookies?.[SESSION_COOKIE];
    if (secret) {
      const resolved = await resolveCredential(db, cache, hashSecret(secret), bearer !== null, sessionTtlHours);
      // The server extended the session: extend the browser's cookie with it.
      if (resolved?.extended && !bearer) {
        resolved.extended = false;
        writeSessionCookie(reply, request, env, secret);
      }
      if (!resolved && bearer) throw new AppError(401, "unauthenticated");
      if (resolved) {
        request.actor = resolved.actor;
        request.session = resolved.session;
        if (resolved.locale) request.locale = resolved.locale;
      }
    }
    if (policy === "public") return;
    if (!request.actor && !(config.allowPending && request.session)) throw new AppError(401, "unauthenticated");
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, request.session.csrfToken)) throw new AppError(403, "csrf_failed");
    }
  });
}

async function resolveCredential(db: Db, cache: ActorCache, hash: string, isToken: boolean, ttlHours: number) {
  let resolved = cache.get(hash);
  if (resolved === undefined) {
    // A revocation that lands while we read must not be overwritten by what we read.
    const generation = cacheGeneration;
    resolved = (isToken ? await loadToken(db, hash) : await loadSession(db, hash)) ?? "invalid";
    if (generation === cacheGeneration) cache.set(hash, resolved);
  }
  if (resolved === "invalid" || resolved.expiresAt < Date.now()) return null;
  // Sliding expiry and "last used", written at most every few minutes so reads stay reads.
  if (Date.now() - resolved.lastSeenAt > TOUCH_EVERY_MS) {
    resolved.lastSeenAt = Date.now();
    if (isToken && resolved.actor?.tokenId) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, resolved.actor.tokenId));
    } else if (resolved.session && !resolved.session.twoFactorPending) {
      resolved.expiresAt = Date.now() + ttlHours * 3_600_000;
      resolved.extended = true;
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(), expiresAt: new Date(resolved.expiresAt) })
        .where(eq(sessions.id, resolved.session.id));
    }
  }
  return resolved;
}

const grantsJson = (userId: unknown) => sql<[string, string, Role][]>`coalesce((
  select json_agg(json_build_array(g.organization_id, o.path, g.role))
  from ${grants} g join ${organizations} o on o.id = g.organization_id
  where g.user_id = ${userId} and o.active), '[]'::json)`;

/** Session, user and grants in one round trip. */
async function loadSession(db: Db, tokenHash: string): Promise<ResolvedCredential | null> {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      twoFactorPending: sessions.twoFactorPending,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      name: users.name,
      status: users.status,
      locale: users.locale,
      grants: grantsJson(sessions.userId),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (row?.status !== "active") return null;
  const session = { id: row.id, csrfToken: row.csrfToken, twoFactorPending: row.twoFactorPending, userId: row.userId };
  const actor: Actor | null = row.twoFactorPending
    ? null
    : {
        kind: "user",
        userId: row.userId,
        sessionId: row.id,
        name: row.name,
        grants: row.grants.map(([organizationId, path, role]) => ({ organizationId, path, role })),
      };
  return {
    actor,
    session,
    locale: row.twoFactorPending ? null : (row.locale as Locale),
    expiresAt: row.expiresAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
  };
}

async function loadToken(db: Db, tokenHash: string): Promise<ResolvedCredential | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      organizationId: apiTokens.organizationId,
      role: apiTokens.role,
      path: organizations.path,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        eq(organizations.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    actor: {
      kind: "token",
      userId: null,
      tokenId: row.id,
      name: `API: ${row.name}`,
      grants: [{ organizationId: row.organizationId, path: row.path, role: row.role as Role }],
    },
    session: null,
    locale: null,
    expiresAt: row.expiresAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    lastSeenAt: row.lastUsedAt?.getTime() ?? 0,
  };
}
