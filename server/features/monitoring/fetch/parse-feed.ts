import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MonitoringFetchError } from "./fetch-errors";

/** One entry of a feed or news sitemap, before the article page is fetched. */
export interface FeedEntry {
  url: string;
  title: string | null;
  /** HTML or text the feed itself carries (description, content:encoded, content_html). */
  contentHtml: string | null;
  summary: string | null;
  author: string | null;
  publishedAt: Date | null;
  /** When the publisher last changed the entry (Atom updated, JSON date_modified, sitemap lastmod). */
  updatedAt: Date | null;
  image: string | null;
  language: string | null;
}

export type ParsedFeed =
  | { format: "rss" | "atom" | "jsonfeed" | "sitemap"; title: string | null; entries: FeedEntry[] }
  | { format: "sitemapindex"; title: null; sitemaps: string[] };

const MAX_ENTRIES = 500;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  // These may repeat; arrays always, so one entry and many read the same way.
  isArray: (name) => ["item", "entry", "url", "sitemap", "link", "category", "media:content", "image:image"].includes(name),
});

const malformed = (why: string) => new MonitoringFetchError("monitoring_feed_malformed", why);

/** Text of a parsed node: a string, or an object with #text (attributes present), else null. */
function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === "object" && "#text" in v) return str((v as Record<string, unknown>)["#text"]);
  return null;
}

function date(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function entry(partial: Partial<FeedEntry> & { url: string }): FeedEntry {
  return {
    title: null,
    contentHtml: null,
    summary: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    image: null,
    language: null,
    ...partial,
  };
}

/**
 * Reads RSS 2.0 (and RSS 1.0/RDF), Atom, JSON Feed 1.0/1.1, news sitemaps and sitemap indexes.
 * Anything else, or XML that is not well-formed, is monitoring_feed_malformed. Entries without a
 * usable http(s) link are skipped.
 */
export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, baseUrl);
  if (!trimmed.startsWith("<")) throw malformed("not XML or JSON");
  const valid = XMLValidator.validate(trimmed, { allowBooleanAttributes: true });
  if (valid !== true) throw malformed(`line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const doc = parser.parse(trimmed) as Record<string, any>;
  if (doc.rss?.channel) return parseRss(doc.rss.channel, doc.rss.channel.item ?? [], baseUrl);
  if (doc["rdf:RDF"]) return parseRss(doc["rdf:RDF"].channel ?? {}, doc["rdf:RDF"].item ?? [], baseUrl);
  if (doc.feed) return parseAtom(doc.feed, baseUrl);
  if (doc.urlset) return parseSitemap(doc.urlset, baseUrl);
  if (doc.sitemapindex) {
    const sitemaps = (doc.sitemapindex.sitemap ?? []).map((s: any) => absolute(str(s.loc), baseUrl)).filter(Boolean) as string[];
    return { format: "sitemapindex", title: null, sitemaps: sitemaps.slice(0, 50) };
  }
  if (/^<(!doctype\s+html|html)/i.test(trimmed)) throw malformed("an HTML page, not a feed");
  throw malformed("not an RSS, Atom, JSON Feed or sitemap document");
}

function parseRss(channel: any, items: any[], baseUrl: string): ParsedFeed {
  const language = str(channel.language)?.slice(0, 2).toLowerCase() ?? null;
  const entries: FeedEntry[] = [];
  for (const it of items.slice(0, MAX_ENTRIES)) {
    const links = (it.link ?? []) as unknown[];
    const guid = it.guid;
    const guidIsLink = typeof guid === "object" ? guid?.["@_isPermaLink"] !== "false" : true;
    const url = absolute(str(links[0]) ?? (guidIsLink ? str(guid) : null), baseUrl);
    if (!url) continue;
    const media = (it["media:content"] ?? []) as any[];
    const enclosure = it.enclosure?.["@_type"]?.startsWith("image/") ? it.enclosure["@_url"] : null;
    entries.push(
      entry({
        url,
        title: str(it.title),
        contentHtml: str(it["content:encoded"]) ?? str(it.description),
        summary: str(it.description),
        author: str(it["dc:creator"]) ?? str(it.author),
        publishedAt: date(it.pubDate) ?? date(it["dc:date"]),
        updatedAt: date(it["atom:updated"]) ?? date(it["dc:modified"]),
        image: absolute(enclosure ?? media[0]?.["@_url"] ?? null, baseUrl),
        language,
      }),
    );
  }
  return { format: "rss", title: str(channel.title), entries };
}

function parseAtom(feed: any, baseUrl: string): ParsedFeed {
  const language = (feed["@_xml:lang"] as string | undefined)?.slice(0, 2).toLowerCase() ?? null;
  const entries: FeedEntry[] = [];
  for (const it of (feed.entry ?? []).slice(0, MAX_ENTRIES)) {
    const links = (it.link ?? []) as any[];
    const alternate = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
    const url = absolute(alternate?.["@_href"] ?? null, baseUrl);
    if (!url) continue;
    const author = it.author?.name ?? (Array.isArray(it.author) ? it.author[0]?.name : null);
    entries.push(
      entry({
        url,
        title: str(it.title),
        contentHtml: str(it.content) ?? str(it.summary),
        summary: str(it.summary),
        author: str(author),
        publishedAt: date(it.published) ?? date(it.updated),
        updatedAt: date(it.updated),
        language,
      }),
    );
  }
  return { format: "atom", title: str(feed.title), entries };
}

function parseSitemap(urlset: any, baseUrl: string): ParsedFeed {
  const entries: FeedEntry[] = [];
  for (const u of (urlset.url ?? []).slice(0, MAX_ENTRIES)) {
    const url = absolute(str(u.loc), baseUrl);
    if (!url) continue;
    const news = u["news:news"] ?? {};
    const images = (u["image:image"] ?? []) as any[];
    entries.push(
      entry({
        url,
        title: str(news["news:title"]),
        publishedAt: date(news["news:publication_date"]) ?? date(u.lastmod),
        updatedAt: date(u.lastmod),
        image: absolute(str(images[0]?.["image:loc"]), baseUrl),
        language: str(news["news:publication"]?.["news:language"])?.slice(0, 2).toLowerCase() ?? null,
      }),
    );
  }
  return { format: "sitemap", title: null, entries };
}

function parseJsonFeed(text: string, baseUrl: string): ParsedFeed {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw malformed(`invalid JSON: ${(err as Error).message}`);
  }
  if (typeof doc?.version !== "string" || !doc.version.startsWith("https://jsonfeed.org/version/") || !Array.isArray(doc.items))
    throw malformed("JSON without a JSON Feed version and items");
  const language = typeof doc.language === "string" ? doc.language.slice(0, 2).toLowerCase() : null;
  const entries: FeedEntry[] = [];
  for (const it of doc.items.slice(0, MAX_ENTRIES)) {
    if (!it || typeof it !== "object") continue;
    const url = absolute(typeof it.url === "string" ? it.url : typeof it.external_url === "string" ? it.external_url : null, baseUrl);
    if (!url) continue;
    const authors = Array.isArray(it.authors) ? it.authors : it.author ? [it.author] : [];
    entries.push(
      entry({
        url,
        title: str(it.title),
        contentHtml: str(it.content_html) ?? str(it.content_text),
        summary: str(it.summary),
        author: str(authors[0]?.name),
        publishedAt: date(it.date_published) ?? date(it.date_modified),
        updatedAt: date(it.date_modified),
        image: absolute(str(it.image) ?? str(it.banner_image), baseUrl),
        language: typeof it.language === "string" ? it.language.slice(0, 2).toLowerCase() : language,
      }),
    );
  }
  return { format: "jsonfeed", title: str(doc.title), entries };
}
