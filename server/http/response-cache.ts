import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { TtlCache } from "../lib/ttl-cache";
import type { Actor } from "../policies/core";

interface CachedBody {
  json: string;
  gzip: Buffer | null;
  etag: string;
}

const GZIP_MIN_BYTES = 1024;

/**
 * Caches serialized read responses (organization tree, user list) per actor and URL until the
 * change feed reports a write to what they show. Bodies depend on the actor's grants (the `can`
 * maps), so the key carries them. A fill that raced with an invalidation is not stored.
 */
export class ResponseCache {
  private readonly cache = new TtlCache<CachedBody>(5 * 60_000, 5000);
  private generation = 0;
  /** Off only to measure the uncached path (bench) — the cache is always on in the app. */
  enabled = true;
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  invalidate() {
    this.stats.invalidations++;
    this.generation++;
    this.cache.clear();
  }

  async send(request: FastifyRequest, reply: FastifyReply, actor: Actor, produce: () => Promise<unknown>) {
    const key = `${actorKey(actor)}|${request.url}`;
    let body = this.enabled ? this.cache.get(key) : undefined;
    if (body) this.stats.hits++;
    else {
      this.stats.misses++;
      const generation = this.generation;
      const json = JSON.stringify(await produce());
      body = {
        json,
        gzip: json.length >= GZIP_MIN_BYTES ? gzipSync(json, { level: 6 }) : null,
        etag: `W/"${createHash("sha1").update(json).digest("base64url")}"`,
      };
      if (this.enabled && generation === this.generation) this.cache.set(key, body);
    }
    reply.header("etag", body.etag).header("cache-control", "private, no-cache").header("vary", "accept-encoding, cookie, authorization");
    if (request.headers["if-none-match"] === body.etag) return reply.code(304).send();
    reply.type("application/json; charset=utf-8").serializer((payload: unknown) => payload as string);
    if (body.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      return reply.header("content-encoding", "gzip").send(body.gzip);
    }
    return reply.send(body.json);
  }
}

/** Who the body was computed for: the identity and every grant (paths and roles). */
function actorKey(actor: Actor): string {
  const grants = actor.grants.map((g) => `${g.path}:${g.role}`).sort();
  return `${actor.kind}:${actor.userId ?? actor.tokenId}:${grants.join(",")}`;
}
