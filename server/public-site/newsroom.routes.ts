import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { RESERVED_SLUGS } from "../../common/newsroom";
import type { ContentFields } from "../../common/schemas/content";
import { FEED_SIZE, renderAtom, renderRss } from "./feeds";
import { registerMediaRoutes } from "./media.routes";
import { assetsForItem, findPublicItem, listPublicItems, NEWSROOM_TYPES, type NewsroomOrg, type NewsroomType } from "./newsroom-queries";
import { buildPage, type Directory, PageCache, type PageInput, sendPage } from "./page-cache";
import { pressKitPhotos, pressKitZip } from "./press-kit";
import { PUBLIC_ROUTE, UUID } from "./public-route";
import { type HomeFilters, renderHome } from "./render/home";
import { renderItem } from "./render/item";
import { absolute, itemPath } from "./render/labels";
import { NEWSROOM_CSP } from "./render/layout";
import { renderNotFound } from "./render/not-found";
import { renderSitemap } from "./sitemap";
import { toWebVtt } from "./subtitles";
import { isBot, ViewCounter } from "./view-counter";

declare module "fastify" {
  interface FastifyInstance {
    newsroom: { cache: PageCache; views: ViewCounter };
  }
}

export const PAGE_SIZE = 20;
const MAX_PAGE = 1000;

/** Headers of every newsroom HTML page: its own strict CSP and no browser features. */
const HTML_HEADERS = {
  "content-security-policy": NEWSROOM_CSP,
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};
const htmlPage = (status: number, body: string, maxAge = 60): PageInput => ({
  status,
  type: "text/html; charset=utf-8",
  body,
  // Shared caches may keep a page briefly; they can only be late to show an item, never early.
  cacheControl: status === 200 ? `public, max-age=${maxAge}` : "no-cache",
  headers: HTML_HEADERS,
});

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Query parameters read leniently: a newsroom link never answers 400, it ignores what it cannot use. */
function readFilters(query: Query, org: NewsroomOrg, dir: Directory) {
  const q = (one(query.q) ?? "").replace(/\s+/g, " ").trim().slice(0, 100) || undefined;
  const typeParam = one(query.type);
  const type = NEWSROOM_TYPES.includes(typeParam as NewsroomType) ? (typeParam as NewsroomType) : undefined;
  const chosen = dir.bySlug.get(one(query.org) ?? "");
  const agency = chosen && chosen.id !== org.id && chosen.path.startsWith(org.path) ? chosen : undefined;
  const pageNumber = Number.parseInt(one(query.page) ?? "1", 10);
  const page = Number.isFinite(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { q, type, agency, page };
}

/**
 * The public newsroom (server-rendered, no JavaScript): `/` for the top organization and
 * `/<slug>` for every other, item pages, feeds, sitemap and public media. Registered
 * without encapsulation so the app (and tests) reach its cache and view counter.
 */
async function newsroom(app: FastifyInstance) {
  const services = app.services;
  const cache = new PageCache(services.db, () => services.changes.connected);
  services.changes.on("sinergi_content", () => cache.invalidate());
  services.changes.on("sinergi_directory", () => cache.invalidateAll());
  const views = new ViewCounter(services.db, services.logger);
  views.start();
  app.addHook("onClose", async () => views.stop());
  app.decorate("newsroom", { cache, views });
  const base = () => services.publicUrl;

  const notFound = async (reply: FastifyReply, request: FastifyRequest) => {
    const dir = await cache.directory();
    return sendPage(request, reply, buildPage(buildNotFound(dir)));
  };
  const buildNotFound = (dir: Directory) => cacheless(htmlPage(404, renderNotFound(dir.top)));

  async function home(request: FastifyRequest, reply: FastifyReply, slug: string | null) {
    const dir = await cache.directory();
    const org = slug === null ? dir.top : dir.bySlug.get(slug);
    // A fresh installation has no organization yet: its first visitor is the administrator.
    if (!org && slug === null) return reply.redirect("/app", 302);
    if (!org) return notFound(reply, request);
    const query = request.query as Query;
    if (slug !== null && dir.top && org.id === dir.top.id) {
      // One address per page: the top newsroom lives at `/`.
      const rest = new URLSearchParams(query as Record<string, string>).toString();
      return reply.redirect(rest ? `/?${rest}` : "/", 301);
    }
    const f = readFilters(query, org, dir);
    const key = `home|${org.id}|${f.type ?? ""}|${f.agency?.id ?? ""}|${f.page}|${f.q ?? ""}`;
    const page = await cache.get(key, async () => {
      const rows = await listPublicItems(services.db, {
        organizationIds: dir.subtree(f.agency ?? org),
        type: f.type,
        q: f.q,
        offset: (f.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE + 1,
      });
      const filters: HomeFilters = { q: f.q, type: f.type, org: f.agency?.slug };
      const body = renderHome({
        base: base(),
        org,
        top: dir.top,
        agencies: dir.children(org.id),
        filters,
        page: f.page,
        items: rows.slice(0, PAGE_SIZE),
        hasNext: rows.length > PAGE_SIZE,
        matches: rows[0]?.matches,
      });
      return htmlPage(200, body);
    });
    return sendPage(request, reply, page);
  }

  app.get("/", PUBLIC_ROUTE, (request, reply) => home(request, reply, null));
  app.get("/cari", PUBLIC_ROUTE, (request, reply) => home(request, reply, null));
  app.get<{ Params: { org: string } }>("/:org", PUBLIC_ROUTE, async (request, reply) => {
    if (RESERVED_SLUGS.has(request.params.org)) return reply.callNotFound();
    return home(request, reply, request.params.org);
  });

  app.get<{ Params: { org: string; item: string } }>("/:org/:item", PUBLIC_ROUTE, async (request, reply) => {
    if (RESERVED_SLUGS.has(request.params.org)) return reply.callNotFound();
    const dir = await cache.directory();
    const org = dir.bySlug.get(request.params.org);
    if (!org) return notFound(reply, request);
    const page = await cache.get(`item|${org.id}|${request.params.item}`, async () => {
      const item = await findPublicItem(services.db, org.id, request.params.item);
      if (!item) return buildNotFound(dir);
      const f = (item.fields ?? {}) as ContentFields;
      const ids = [
        item.coverId,
        ...(f.photos ?? []).map((p) => p.assetId),
        ...(f.images ?? []).map((i) => i.assetId),
        f.videoAssetId,
        f.thumbnailAssetId,
      ];
      const assets = await assetsForItem(services.db, item, [...new Set(ids.filter((id): id is string => Boolean(id && UUID.test(id))))]);
      const body = renderItem({ base: base(), item, org, top: dir.top, assets, pressKit: pressKitPhotos(item, assets, org).length > 0 });
      return { ...htmlPage(200, body), itemId: item.id };
    });
    // Counted on every delivery, cached or not; HEAD, crawlers and previews are not readers.
    if (page.itemId && request.method === "GET" && !isBot(request.headers["user-agent"])) views.count(page.itemId);
    return sendPage(request, reply, page);
  });

  app.get<{ Params: { org: string; item: string } }>("/:org/:item/paket-media.zip", PUBLIC_ROUTE, async (request, reply) => {
    const dir = await cache.directory();
    const org = dir.bySlug.get(request.params.org);
    const item = org ? await findPublicItem(services.db, org.id, request.params.item) : null;
    if (!org || !item) return notFound(reply, request);
    const f = (item.fields ?? {}) as ContentFields;
    const ids = [...(f.photos ?? []).map((p) => p.assetId), ...(f.images ?? []).map((i) => i.assetId), item.coverId];
    const assets = await assetsForItem(services.db, item, [...new Set(ids.filter((id): id is string => Boolean(id && UUID.test(id))))]);
    const photos = pressKitPhotos(item, assets, org);
    if (photos.length === 0) return notFound(reply, request);
    const url = absolute(base(), itemPath(org.slug, item.slug));
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="${item.slug}-paket-media.zip"`)
      .header("cache-control", "public, max-age=300")
      .send(pressKitZip(services.files, item, org, url, photos));
  });

  app.get<{ Params: { org: string; item: string; file: string } }>("/:org/:item/subtitles/:file", PUBLIC_ROUTE, async (request, reply) => {
    const dir = await cache.directory();
    const org = dir.bySlug.get(request.params.org);
    const language = /^([a-z]{2,3})\.vtt$/.exec(request.params.file)?.[1];
    if (!org || !language) return notFound(reply, request);
    const page = await cache.get(`vtt|${org.id}|${request.params.item}|${language}`, async () => {
      const item = await findPublicItem(services.db, org.id, request.params.item);
      const subtitle = ((item?.fields ?? {}) as ContentFields).subtitles?.find((s) => s.language === language);
      if (!item || !subtitle) return buildNotFound(dir);
      return {
        status: 200,
        type: "text/vtt; charset=utf-8",
        body: toWebVtt(subtitle.format, subtitle.text),
        cacheControl: "public, max-age=300",
      };
    });
    return sendPage(request, reply, page);
  });

  app.get<{ Params: { org: string } }>("/:org/logo.png", PUBLIC_ROUTE, async (request, reply) => {
    const dir = await cache.directory();
    const org = dir.bySlug.get(request.params.org);
    if (!org?.logoKey) return notFound(reply, request);
    const logoKey = org.logoKey;
    const page = await cache.get(`logo|${org.id}|${logoKey}`, async () => {
      const data = await services.files.get(logoKey);
      if (!data) return buildNotFound(dir);
      return {
        status: 200,
        type: "image/png",
        body: data,
        cacheControl: "public, max-age=3600",
        headers: { "cross-origin-resource-policy": "cross-origin" },
      };
    });
    return sendPage(request, reply, page);
  });

  type FeedRoute = { Params: { org?: string } };
  const feed = (kind: "rss" | "atom") => async (request: FastifyRequest<FeedRoute>, reply: FastifyReply) => {
    const dir = await cache.directory();
    const slug = request.params.org;
    const org = slug === undefined ? dir.top : dir.bySlug.get(slug);
    if (!org) return notFound(reply, request);
    const typeParam = one((request.query as Query).type);
    const type = NEWSROOM_TYPES.includes(typeParam as NewsroomType) ? (typeParam as NewsroomType) : undefined;
    const page = await cache.get(`${kind}|${org.id}|${type ?? ""}`, async () => {
      const items = await listPublicItems(services.db, { organizationIds: dir.subtree(org), type, offset: 0, limit: FEED_SIZE });
      const view = { base: base(), org, top: dir.top, type, items };
      return {
        status: 200,
        type: kind === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
        body: kind === "rss" ? renderRss(view) : renderAtom(view),
        cacheControl: "public, max-age=300",
        headers: { "access-control-allow-origin": "*" },
      };
    });
    return sendPage(request, reply, page);
  };
  app.get<FeedRoute>("/feed.xml", PUBLIC_ROUTE, feed("rss"));
  app.get<FeedRoute>("/atom.xml", PUBLIC_ROUTE, feed("atom"));
  app.get<FeedRoute>("/:org/feed.xml", PUBLIC_ROUTE, feed("rss"));
  app.get<FeedRoute>("/:org/atom.xml", PUBLIC_ROUTE, feed("atom"));

  app.get("/sitemap.xml", PUBLIC_ROUTE, async (request, reply) => {
    const dir = await cache.directory();
    const partParam = one((request.query as Query).bagian);
    const part = partParam && /^\d{1,4}$/.test(partParam) && Number(partParam) >= 1 ? Number(partParam) : null;
    const page = await cache.get(`sitemap|${part ?? ""}`, async () => {
      const body = await renderSitemap(services.db, base(), dir, part);
      if (body === null) return buildNotFound(dir);
      return { status: 200, type: "application/xml; charset=utf-8", body, cacheControl: "public, max-age=3600" };
    });
    return sendPage(request, reply, page);
  });

  app.get("/robots.txt", PUBLIC_ROUTE, async (_request, reply) => {
    const lines = [
      "User-agent: *",
      "Allow: /",
      "Disallow: /app",
      "Disallow: /api",
      "Disallow: /cari",
      "",
      `Sitemap: ${absolute(base(), "/sitemap.xml")}`,
      "",
    ];
    return reply.type("text/plain; charset=utf-8").header("cache-control", "public, max-age=86400").send(lines.join("\n"));
  });

  registerMediaRoutes(app, cache);
}

/** A page that is delivered, never kept. */
const cacheless = (page: PageInput): PageInput => ({ ...page, store: false });

// Not encapsulated (fastify's skip-override): `app.newsroom` is decorated on the app itself.
export const newsroomPlugin = Object.assign(newsroom, { [Symbol.for("skip-override")]: true });
