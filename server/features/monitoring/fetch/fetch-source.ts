import { and, eq, inArray, sql } from "drizzle-orm";
import { articles, mediaOutlets, monitoringFetchLog, monitoringSources } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { OutboundError } from "../../../lib/safe-fetch";
import type { Services } from "../../../services";
import { canonicalUrl } from "../ingest/canonical-url";
import { type IngestResult, ingestItems } from "../ingest/ingest-items";
import type { RawItem } from "../ingest/raw-item";
import { fetchArticle } from "./fetch-article";
import { asFetchError, MonitoringFetchError } from "./fetch-errors";
import { monitoringFetcher } from "./monitoring-fetcher";
import { type FeedEntry, parseFeed } from "./parse-feed";
import type { PoliteFetcher } from "./polite-fetcher";

/** Source kinds this module fetches on a schedule (the others are fed by D4's importers/connectors). */
export const FEED_KINDS = ["rss", "atom", "jsonfeed", "sitemap"] as const;

/** Article pages fetched per run (the rest wait for the next run: politeness before completeness). */
export const MAX_ARTICLES_PER_RUN = 60;
/** Child sitemaps read from a sitemap index per run. */
const MAX_CHILD_SITEMAPS = 5;
/** Article pages in flight per run (the host gate still caps each host). */
const ARTICLE_PARALLELISM = 4;
/** Per-entry problems kept in the log row. */
const MAX_DETAILS = 50;
/** Back-off after failures doubles the schedule up to this. */
const MAX_BACKOFF_MINUTES = 24 * 60;

export type FetchTrigger = "schedule" | "manual";

export interface FetchSummary {
  logId: string;
  status: "ok" | "partial" | "not_modified" | "error" | "skipped";
  entries: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  errorCode: string | null;
}

type Detail = { url: string; code: string; message: string };

const accept =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** The minutes until the next scheduled fetch after `failures` failures in a row. */
export function backoffMinutes(scheduleMinutes: number, failures: number) {
  return Math.min(scheduleMinutes * 2 ** Math.min(failures, 8), Math.max(MAX_BACKOFF_MINUTES, scheduleMinutes));
}

/** Reads the entries of a feed or sitemap (following a sitemap index one level). */
async function readEntries(fetcher: PoliteFetcher, source: typeof monitoringSources.$inferSelect) {
  const res = await fetcher.get(source.url ?? "", { etag: source.etag, lastModified: source.lastModified }, accept);
  if (res.status === "not_modified") return { res, entries: [] as FeedEntry[] };
  const feed = parseFeed(res.text, res.url);
  if (feed.format !== "sitemapindex") return { res, entries: feed.entries };
  const entries: FeedEntry[] = [];
  for (const child of feed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    const c = await fetcher.get(child, {}, accept);
    if (c.status !== "ok") continue;
    const parsed = parseFeed(c.text, c.url);
    if (parsed.format !== "sitemapindex") entries.push(...parsed.entries);
  }
  return { res, entries };
}

/**
 * Entries worth fetching: not yet stored for this organization, or stored but changed since
 * (the feed's updated date is after our fetch). Nothing already stored is fetched again.
 */
async function newOrChanged(services: Services, organizationId: string, entries: FeedEntry[]) {
  const unique = [...new Map(entries.map((e) => [e.url, e])).values()];
  if (unique.length === 0) return [];
  // Stored articles are keyed by canonical URL (indexed per organization): look entries up the same way.
  const keyOf = (url: string) => canonicalUrl(url) ?? url;
  const keys = [...new Set(unique.map((e) => keyOf(e.url)))];
  const known = await services.db
    .select({ canonicalUrl: articles.canonicalUrl, fetchedAt: articles.fetchedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(eq(articles.organizationId, organizationId), inArray(articles.canonicalUrl, keys)));
  const seen = new Map(known.map((k) => [k.canonicalUrl, k.updatedAt > k.fetchedAt ? k.updatedAt : k.fetchedAt]));
  return unique.filter((e) => {
    const at = seen.get(keyOf(e.url));
    return !at || (e.updatedAt !== null && e.updatedAt > at);
  });
}

async function mapLimited<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** Fetches article pages for entries; failures become details, the rest RawItems. */
export async function fetchEntries(
  fetcher: PoliteFetcher,
  entries: FeedEntry[],
  ctx: { outletId: string | null; outletName: string | null },
) {
  const details: Detail[] = [];
  const items: RawItem[] = [];
  const results = await mapLimited(entries, ARTICLE_PARALLELISM, async (entry) => {
    try {
      return await fetchArticle(fetcher, entry.url, { outletId: ctx.outletId, outletName: ctx.outletName }, entry);
    } catch (err) {
      const e = asFetchError(err);
      return { url: entry.url, code: e.code, message: e.message } satisfies Detail;
    }
  });
  for (const r of results) {
    if ("code" in r) details.push(r);
    else items.push(r);
  }
  return { items, details };
}

/**
 * One fetch of a feed or sitemap source: conditional GET of the feed, article pages of new or
 * changed entries (politely), extraction, then ingestItems. Every run leaves a fetch-log row and
 * updates the source's health; a failure of the whole feed counts toward the back-off, a bad
 * entry does not (it is listed in the log and the others still go through).
 */
export async function fetchSource(services: Services, sourceId: string, trigger: FetchTrigger = "schedule"): Promise<FetchSummary> {
  const { db } = services;
  const [source] = await db.select().from(monitoringSources).where(eq(monitoringSources.id, sourceId));
  const logId = newId();
  const summary: FetchSummary = {
    logId,
    status: "skipped",
    entries: 0,
    inserted: 0,
    updated: 0,
    duplicates: 0,
    rejected: 0,
    errorCode: null,
  };
  if (!source?.url || !(FEED_KINDS as readonly string[]).includes(source.kind)) return summary;
  await db.insert(monitoringFetchLog).values({ id: logId, sourceId, organizationId: source.organizationId, status: "running", trigger });
  const fetcher = monitoringFetcher(services);
  const startedAt = new Date();
  try {
    const { res, entries } = await readEntries(fetcher, source);
    if (res.status === "not_modified") {
      summary.status = "not_modified";
      await finish(services, source, summary, { httpStatus: 304, details: [], startedAt });
      return summary;
    }
    summary.entries = entries.length;
    const outletName = source.outletId
      ? ((await db.select({ name: mediaOutlets.name }).from(mediaOutlets).where(eq(mediaOutlets.id, source.outletId)))[0]?.name ?? null)
      : null;
    const due = await newOrChanged(services, source.organizationId, entries);
    const todo = due.slice(0, MAX_ARTICLES_PER_RUN);
    summary.duplicates = entries.length - todo.length;
    const { items, details } = await fetchEntries(fetcher, todo, { outletId: source.outletId, outletName });
    let result: IngestResult | null = null;
    if (items.length) result = await db.transaction((tx) => ingestItems(tx, { organizationId: source.organizationId, sourceId, items }));
    if (result) {
      summary.inserted = result.inserted;
      summary.updated = result.updated;
      summary.duplicates += result.duplicates;
      for (const r of result.rejected) details.push({ url: items[r.index]?.url ?? "", code: r.code, message: r.message });
    }
    summary.rejected = details.length;
    summary.status = details.length ? "partial" : "ok";
    summary.errorCode = details[0]?.code ?? null;
    // Validators only when every due entry was read: otherwise the next conditional GET would
    // answer 304 and the entries left over (beyond the per-run cap, or failed) would wait for
    // the feed itself to change.
    const complete = todo.length === due.length && details.length === 0;
    await finish(services, source, summary, {
      httpStatus: res.httpStatus,
      details,
      startedAt,
      etag: complete ? res.etag : null,
      lastModified: complete ? res.lastModified : null,
    });
  } catch (err) {
    if (!(err instanceof MonitoringFetchError || err instanceof OutboundError)) {
      services.logger.error({ err, sourceId }, "monitoring fetch failed");
      summary.status = "error";
      summary.errorCode = "internal_error";
      await finish(services, source, summary, { details: [], startedAt, message: "internal error" });
      throw err;
    }
    const e = asFetchError(err);
    summary.status = "error";
    summary.errorCode = e.code;
    await finish(services, source, summary, { httpStatus: e.httpStatus, details: [], startedAt, message: e.message });
  }
  return summary;
}

async function finish(
  services: Services,
  source: typeof monitoringSources.$inferSelect,
  summary: FetchSummary,
  o: { httpStatus?: number; details: Detail[]; startedAt: Date; etag?: string | null; lastModified?: string | null; message?: string },
) {
  const now = new Date();
  const failed = summary.status === "error";
  const failures = failed ? source.consecutiveFailures + 1 : 0;
  const next = new Date(now.getTime() + backoffMinutes(source.scheduleMinutes, failures) * 60_000);
  const firstDetail = o.details[0];
  const errorMessage = failed
    ? (o.message ?? null)
    : firstDetail
      ? `${o.details.length} dari ${summary.entries} entri gagal; pertama: ${firstDetail.url}: ${firstDetail.message}`
      : null;
  await services.db.transaction(async (tx) => {
    await tx
      .update(monitoringFetchLog)
      .set({
        status: summary.status,
        finishedAt: now,
        httpStatus: o.httpStatus ?? null,
        entries: summary.entries,
        items: summary.inserted + summary.updated,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
        errorCode: summary.errorCode,
        error: errorMessage,
        details: o.details.slice(0, MAX_DETAILS),
      })
      .where(eq(monitoringFetchLog.id, summary.logId));
    await tx
      .update(monitoringSources)
      .set({
        lastFetchedAt: o.startedAt,
        ...(failed ? {} : { lastSuccessAt: now }),
        ...(o.etag !== undefined ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
        lastErrorCode: summary.errorCode,
        lastErrorMessage: errorMessage,
        consecutiveFailures: failures,
        itemsTotal: sql`${monitoringSources.itemsTotal} + ${summary.inserted}`,
        nextFetchAt: next,
      })
      .where(eq(monitoringSources.id, source.id));
  });
}
