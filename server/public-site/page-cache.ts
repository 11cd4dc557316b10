import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Executor } from "../db/client";
import { TtlCache } from "../lib/ttl-cache";
import { activeOrganizations, type NewsroomOrg, nextPublicMoment } from "./newsroom-queries";

export interface PageInput {
  status: number;
  type: string;
  body: string | Buffer;
  cacheControl: string;
  /** Item pages: the item whose view each delivery counts (cached or not). */
  itemId?: string;
  headers?: Record<string, string>;
  /** false: deliver without keeping (large files). Only 200s are kept, never a 404 or an error. */
  store?: boolean;
}

export interface Page extends PageInput {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

/** The active organizations, looked up by slug on every request. */
export interface Directory {
  list: NewsroomOrg[];
  bySlug: Map<string, NewsroomOrg>;
  byId: Map<string, NewsroomOrg>;
  /** The top newsroom at `/`: the oldest active root. */
  top: NewsroomOrg | null;
  children(id: string): NewsroomOrg[];
  /** Ids of the active organizations in `org`'s subtree; null when that is all of them. */
  subtree(org: NewsroomOrg): string[] | null;
}

const GZIP_MIN_BYTES = 1024;
/** Past this many stored bytes the cache starts over, so no sequence of requests can exhaust memory. */
const BUDGET_BYTES = 64 * 1024 * 1024;

export function buildPage(input: PageInput): Page {
  const body = typeof input.body === "string" ? Buffer.from(input.body, "utf8") : input.body;
  const compressible = /^(text\/|application\/(xml|json|rss\+xml|atom\+xml))/.test(input.type);
  return {
    ...input,
    body,
    gzip: compressible && body.length >= GZIP_MIN_BYTES ? gzipSync(body, { level: 6 }) : null,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
  };
}

/**
 * Rendered newsroom pages (HTML, feeds, sitemap), kept until what they show changes:
 * - the change feed (NOTIFY from content and organization triggers, and every command's commit
 *   in this process) empties it;
 * - time alone changes what is public (an embargo ends without any write), so no entry outlives
 *   the next `public_from` still in the future, read from the database before the page's data;
 * - a short TTL bounds everything else (view counts).
 * Visibility itself is always decided by the database's `now()`, so a cached page can be late
 * to show an item, never early. A fill that raced with an invalidation is not stored.
 */
export class PageCache {
  private readonly pages: TtlCache<Page>;
  private readonly inflight = new Map<string, Promise<Page>>();
  private generation = 0;
  private bytes = 0;
  private boundary: { at: number | null; generation: number } | null = null;
  private directoryPromise: { value: Promise<Directory> } | null = null;
  /** Off only to measure the uncached pages (bench) — always on in the app; the directory stays cached. */
  enabled = true;
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    private readonly db: Executor,
    private readonly active: () => boolean,
    private readonly ttlMs = 30_000,
  ) {
    this.pages = new TtlCache<Page>(ttlMs, 5000, active);
  }

  /** Content changed: every page may show it. */
  invalidate() {
    this.stats.invalidations++;
    this.generation++;
    this.bytes = 0;
    this.boundary = null;
    this.pages.clear();
    this.inflight.clear();
  }

  /** Organizations changed: their names, logos and slugs are on every page too. */
  invalidateAll() {
    this.invalidate();
    this.directoryPromise = null;
  }

  /** The cached page for `key`, or the one `produce` renders (shared by concurrent requests). */
  async get(key: string, produce: () => Promise<PageInput>): Promise<Page> {
    if (!this.enabled || !this.active()) return buildPage(await produce());
    const hit = this.pages.get(key);
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    const pending = this.inflight.get(key);
    if (pending) return pending;
    this.stats.misses++;
    const generation = this.generation;
    const fill = (async () => {
      const until = await this.nextMoment();
      const page = buildPage(await produce());
      const ttl = Math.min(this.ttlMs, (until ?? Number.POSITIVE_INFINITY) - Date.now());
      if (generation === this.generation && ttl > 0 && page.status === 200 && page.store !== false) {
        if (this.bytes + page.body.length > BUDGET_BYTES) this.invalidate();
        else {
          this.bytes += page.body.length + (page.gzip?.length ?? 0);
          this.pages.set(key, page, ttl);
        }
      }
      return page;
    })().finally(() => {
      if (this.inflight.get(key) === fill) this.inflight.delete(key);
    });
    this.inflight.set(key, fill);
    return fill;
  }

  /** The next embargo end (epoch ms), cached until it passes or content changes. */
  private async nextMoment(): Promise<number | null> {
    const known = this.boundary;
    if (known && known.generation === this.generation && (known.at === null || known.at > Date.now())) return known.at;
    const generation = this.generation;
    const at = await nextPublicMoment(this.db);
    if (generation === this.generation) this.boundary = { at, generation };
    return at;
  }

  /** Active organizations by slug and id; reloaded after any organization change. */
  directory(): Promise<Directory> {
    const cached = this.directoryPromise;
    if (cached && this.active()) return cached.value;
    const value = activeOrganizations(this.db).then(toDirectory);
    if (this.active()) this.directoryPromise = { value };
    // A failed load must not stay cached.
    value.catch(() => {
      if (this.directoryPromise?.value === value) this.directoryPromise = null;
    });
    return value;
  }
}

function toDirectory(list: NewsroomOrg[]): Directory {
  const bySlug = new Map(list.map((o) => [o.slug, o]));
  const byId = new Map(list.map((o) => [o.id, o]));
  const children = new Map<string, NewsroomOrg[]>();
  for (const o of list) {
    if (!o.parentId) continue;
    const siblings = children.get(o.parentId) ?? [];
    siblings.push(o);
    children.set(o.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, "id"));
  const subtrees = new Map<string, string[] | null>();
  return {
    list,
    bySlug,
    byId,
    top: list.find((o) => o.parentId === null) ?? null,
    children: (id) => children.get(id) ?? [],
    subtree(org) {
      if (!subtrees.has(org.id)) {
        const ids = list.filter((o) => o.path.startsWith(org.path)).map((o) => o.id);
        subtrees.set(org.id, ids.length === list.length ? null : ids);
      }
      return subtrees.get(org.id) ?? null;
    },
  };
}

/** Sends a page with its validators; gzip when the client takes it. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page) {
  reply.code(page.status).header("cache-control", page.cacheControl).header("etag", page.etag).header("vary", "accept-encoding");
  for (const [name, value] of Object.entries(page.headers ?? {})) reply.header(name, value);
  if (page.status === 200 && request.headers["if-none-match"] === page.etag) return reply.code(304).send();
  reply.type(page.type);
  if (page.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    return reply.header("content-encoding", "gzip").send(page.gzip);
  }
  return reply.send(page.body);
}
