import { extractArticle, looksLikeHtml } from "../extract/extract-article";
import type { RawItem } from "../ingest/raw-item";
import { MonitoringFetchError } from "./fetch-errors";
import type { FeedEntry } from "./parse-feed";
import type { PoliteFetcher } from "./polite-fetcher";

export interface ArticleContext {
  outletId?: string | null;
  outletName?: string | null;
  kind?: RawItem["kind"];
}

/**
 * Fetches one article page and turns it into a RawItem. What the feed entry said fills the
 * gaps the page leaves (date, author, image). A non-HTML body is monitoring_not_html.
 */
export async function fetchArticle(fetcher: PoliteFetcher, url: string, ctx: ArticleContext = {}, entry?: FeedEntry): Promise<RawItem> {
  const res = await fetcher.get(url, {}, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
  if (res.status !== "ok") throw new MonitoringFetchError("monitoring_fetch_http", "unexpected 304 for an unconditional request", 304);
  if (!looksLikeHtml(res.contentType, res.text))
    throw new MonitoringFetchError("monitoring_not_html", `${res.contentType.split(";")[0] || "unknown type"} is not an HTML page`);
  const a = extractArticle(res.text, res.url);
  const images = [...a.images];
  if (entry?.image && !images.includes(entry.image)) images.push(entry.image);
  const publishedAt = a.publishedAt ?? entry?.publishedAt ?? undefined;
  const author = a.author ?? entry?.author ?? undefined;
  const language = a.language ?? entry?.language ?? undefined;
  const outletName = ctx.outletName ?? a.siteName ?? undefined;
  return {
    url: res.url,
    ...(a.canonicalUrl ? { canonicalUrl: a.canonicalUrl } : {}),
    title: a.title,
    text: a.text,
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(images.length ? { images } : {}),
    ...(outletName ? { outletName } : {}),
    ...(ctx.outletId ? { outletId: ctx.outletId } : {}),
    ...(language ? { language } : {}),
    kind: ctx.kind ?? "news",
  };
}
