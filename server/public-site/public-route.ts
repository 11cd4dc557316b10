import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * The security headers of every newsroom response, fixed once. @fastify/helmet rebuilds its
 * middleware (and re-parses the CSP) on every request, a sixth of the CPU of a cached page, so
 * the newsroom turns it off per route and sends the same headers from this constant; HTML pages
 * then replace the CSP with their own stricter one (render/layout.ts).
 */
const BASE_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
const WITH_HSTS = { ...BASE_HEADERS, "strict-transport-security": "max-age=31536000; includeSubDomains" };

async function securityHeaders(request: FastifyRequest, reply: FastifyReply) {
  // HSTS follows the app's setting (helmet's `hsts` in server/http/app.ts): only over https.
  reply.headers(request.server.services.env.COOKIE_SECURE === "true" ? WITH_HSTS : BASE_HEADERS);
}

/**
 * Options of every newsroom route: policy "public" and `anonymous` (no session is read, so no
 * cookie is ever set and no one is tracked), hidden from the API documentation, and the
 * security headers above instead of helmet's per-request ones.
 */
export const PUBLIC_ROUTE = {
  helmet: false,
  onRequest: securityHeaders,
  config: { policy: "public", anonymous: true },
  schema: { hide: true },
} as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
