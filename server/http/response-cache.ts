import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { TtlCache } from "../lib/ttl-cache";
import type { Actor } from "../policies/core";

interface CachedBody {
  /** The JSON, kept as is when small, or only gzipped when large (browsers all accept gzip). */
  json: string | null;
  gzip: Buffer | null;
  etag: string;
  bytes: number;
}

const GZIP_MIN_BYTES = 1024;
/** Past this many stored bytes the cache starts over, so no sequence of requests can exhaust memory. */
const BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Caches serialized read responses (organization tree, user list) per actor and validated
 * query until the change feed reports a write to what they show. Bodies depend on the actor's
 * grants (the `can` maps), so the key carries them. A fill that raced with an invalidation is
 * not stored.
 */
export class ResponseCache {
  private readonly cache: TtlCache<CachedBody>;
  private generation = 0;
  private bytes = 0;
  /** Off only to measure the uncached path (bench) — the cache is always on in the app. */
  enabled = true;
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(active: () => boolean = () => true) {
    this.cache = new TtlCache<CachedBody>(5 * 60_000, 2000, active);
  }

  invalidate() {
    this.stats.invalidations++;
    this.generation++;
    this.bytes = 0;
    this.cache.clear();
  }

  async send(request: FastifyRequest, reply: FastifyReply, actor: Actor, produce: () => Promise<unknown>) {
    // The validated query (unknown parameters already stripped), never the raw URL.
    const key = `${actorKey(actor)}|${request.routeOptions.url}|${JSON.stringify(request.query ?? {})}`;
    let body = this.enabled ? this.cache.get(key) : undefined;
    if (body) this.stats.hits++;
    else {
      this.stats.misses++;
      const generation = this.generation;
      const json = JSON.stringify(await produce());
      const gzip = json.length >= GZIP_MIN_BYTES ? gzipSync(json, { level: 6 }) : null;
      body = {
        json: gzip ? null : json,
        gzip,
        etag: `W/"${createHash("sha1").update(json).digest("base64url")}"`,
        bytes: gzip?.length ?? json.length,
      };
      if (this.enabled && generation === this.generation) {
        if (this.bytes + body.bytes > BUDGET_BYTES) this.invalidate();
        this.bytes += body.bytes;
        this.cache.set(key, body);
      }
    }
    reply.header("etag", body.etag).header("cache-control", "private, no-cache").header("vary", "accept-encoding, cookie, authorization");
    if (request.headers["if-none-match"] === body.etag) return reply.code(304).send();
    reply.type("application/json; charset=utf-8").serializer((payload: unknown) => payload as string);
    if (body.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      return reply.header("content-encoding", "gzip").send(body.gzip);
    }
    return reply.send(body.json ?? gunzipSync(body.gzip as Buffer).toString("utf8"));
  }
}

/** Who the body was computed for: the identity and every grant (paths and roles). */
function actorKey(actor: Actor): string {
  const grants = actor.grants.map((g) => `${g.path}:${g.role}`).sort();
  return `${actor.kind}:${actor.userId ?? actor.tokenId}:${grants.join(",")}`;
}
