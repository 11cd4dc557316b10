import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Locale, Role } from "../../common/roles";
import type { Db, Executor } from "../db/client";
import { apiTokens, grants, organizations, sessions, users } from "../db/schema";
import { hashSecret, safeEqual } from "../lib/tokens";
import type { Actor, ScopedGrant } from "../policies/core";
import { AppError } from "./errors";

export const SESSION_COOKIE = "sinergi_session";
const API_TOKEN_PREFIX = "sng_";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOUCH_EVERY_MS = 5 * 60_000;

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
export function installAuthentication(app: FastifyInstance, db: Db, sessionTtlHours: number) {
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.decorateRequest("locale", "id");

  app.addHook("onRequest", async (request) => {
    request.locale = requestLocale(request.headers["accept-language"]);
  });

  app.addHook("preHandler", async (request) => {
    const config = request.routeOptions.config;
    const policy = config?.policy;
    if (!policy) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) {
      request.actor = await actorFromToken(db, authorization.slice(7));
    } else {
      await loadSession(request, db, sessionTtlHours);
    }
    if (policy === "public") return;
    if (!request.actor && !(config.allowPending && request.session)) throw new AppError(401, "unauthenticated");
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, request.session.csrfToken)) throw new AppError(403, "csrf_failed");
    }
  });
}

async function loadSession(request: FastifyRequest, db: Db, ttlHours: number) {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return;
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      twoFactorPending: sessions.twoFactorPending,
      lastSeenAt: sessions.lastSeenAt,
      name: users.name,
      status: users.status,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (row?.status !== "active") return;
  request.session = { id: row.id, csrfToken: row.csrfToken, twoFactorPending: row.twoFactorPending, userId: row.userId };
  if (row.twoFactorPending) return;
  request.locale = row.locale as Locale;
  request.actor = { kind: "user", userId: row.userId, sessionId: row.id, name: row.name, grants: await loadUserGrants(db, row.userId) };
  // Sliding expiry, written at most every few minutes so reads stay reads.
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3_600_000) })
      .where(eq(sessions.id, row.id));
  }
}

async function actorFromToken(db: Db, token: string): Promise<Actor> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      organizationId: apiTokens.organizationId,
      role: apiTokens.role,
      path: organizations.path,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        eq(organizations.active, true),
      ),
    )
    .limit(1);
  if (!row) throw new AppError(401, "unauthenticated");
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return {
    kind: "token",
    userId: null,
    tokenId: row.id,
    name: `API: ${row.name}`,
    grants: [{ organizationId: row.organizationId, path: row.path, role: row.role as Role }],
  };
}

export { API_TOKEN_PREFIX };
