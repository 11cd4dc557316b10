import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { MonitoringFetchError } from "../fetch/fetch-errors";

/** What an article page yields, ready to become a RawItem. */
export interface ExtractedArticle {
  title: string;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  /** The first paragraph (or the page's description). */
  lead: string | null;
  author: string | null;
  publishedAt: Date | null;
  /** og:image first, then JSON-LD images, then images in the article body; absolute, unique. */
  images: string[];
  canonicalUrl: string | null;
  siteName: string | null;
  language: string | null;
}

const MAX_IMAGES = 10;
const NOISE = [
  "[class*='baca-juga']",
  "[class*='bacajuga']",
  "[class*='related']",
  "[class*='terkait']",
  "[class~='ads']",
  "[class*='ads-']",
  "[class*='iklan']",
  "[class*='share']",
  "[class*='komentar']",
  "[class*='comment']",
].join(",");
const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "FIGCAPTION", "TD"]);

/**
 * Article-body containers of common Indonesian news CMSs (WordPress themes, detik, kompas,
 * tribun, antara, okezone, schema.org microdata). When exactly one is on the page and holds
 * real paragraphs it is read directly; otherwise Readability finds the body. About half the cost.
 */
const BODY_SELECTORS = [
  "[itemprop='articleBody']",
  ".entry-content",
  ".post-content",
  ".detail__body-text",
  ".read__content",
  ".txt-article",
  ".article-content",
  ".content-detail",
].join(",");
const MIN_FAST_PARAGRAPHS = 3;
const MIN_FAST_CHARS = 400;

function knownBody(document: Document): { content: Element; title: string | null } | null {
  const found = document.querySelectorAll(BODY_SELECTORS);
  if (found.length !== 1) return null;
  const content = found[0];
  const paras = content.querySelectorAll("p");
  if (paras.length < MIN_FAST_PARAGRAPHS || (content.textContent ?? "").length < MIN_FAST_CHARS) return null;
  return { content, title: clean(document.querySelector("h1")?.textContent) };
}

/** True when the body looks like HTML (by Content-Type, else by its first bytes). */
export function looksLikeHtml(contentType: string, text: string): boolean {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return true;
  if (type && type !== "text/plain" && type !== "application/octet-stream") return false;
  return /^\s*(<!doctype\s+html|<html|<head|<body)/i.test(text.slice(0, 1024));
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function toDate(s: unknown): Date | null {
  if (typeof s !== "string" || !s.trim()) return null;
  const d = new Date(s.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, " ").trim() || null;

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  image?: unknown;
  publisher?: { name?: string };
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/;

/** The first (News)Article object of the page's JSON-LD blocks, also inside @graph and arrays. */
function jsonLdArticle(blocks: string[]): JsonLdArticle | null {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (Array.isArray(o["@graph"])) queue.push(...o["@graph"]);
        const types = ([] as unknown[]).concat(o["@type"] ?? []);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t) && t !== "WebPage")) return o as JsonLdArticle;
      }
    }
  }
  return null;
}

const JSON_LD = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
/** Elements that never hold article text; their content is skipped by the pre-pass. */
const SKIPPED = /<(script|style|noscript|svg|iframe|template|nav|aside|footer)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/**
 * A cheap text pre-pass before the DOM parse: JSON-LD blocks are taken out, then scripts,
 * styles, SVG, comments and the page's nav / aside / footer are dropped. On news sites these are
 * most of the bytes, and the DOM parse and Readability cost grows with the bytes.
 */
export function slimHtml(html: string): { html: string; jsonLd: string[] } {
  const jsonLd: string[] = [];
  for (const m of html.matchAll(JSON_LD)) jsonLd.push(m[1]);
  return { html: html.replace(SKIPPED, ""), jsonLd };
}

function names(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list
    .map((a) => (typeof a === "string" ? a : a && typeof a === "object" ? (a as { name?: unknown }).name : null))
    .filter((n): n is string => typeof n === "string" && n.trim() !== "");
  return out.length ? out.join(", ") : null;
}

function imageUrls(v: unknown): string[] {
  return ([] as unknown[])
    .concat(v ?? [])
    .map((i) => (typeof i === "string" ? i : i && typeof i === "object" ? (i as { url?: unknown }).url : null))
    .filter((u): u is string => typeof u === "string");
}

/** Paragraph texts of the readable content, in order; nested blocks are read once. */
function paragraphs(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (BLOCKS.has(child.tagName)) {
        const t = clean(child.textContent);
        if (t) out.push(t);
      } else walk(child);
    }
  };
  walk(root);
  if (out.length === 0) {
    const t = root.textContent ?? "";
    for (const line of t.split(/\n\s*\n|\r?\n/)) {
      const c = clean(line);
      if (c) out.push(c);
    }
  }
  return out;
}

/**
 * Extracts the article of a news page with @mozilla/readability over linkedom. Metadata is
 * read before Readability runs, because Readability rewrites the document.
 * A page with no readable text is monitoring_extract_empty.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  const slim = slimHtml(html);
  const { document } = parseHTML(slim.html);
  const meta = (sel: string) => clean(document.querySelector(sel)?.getAttribute("content"));
  const ld = jsonLdArticle(slim.jsonLd);
  const canonicalUrl =
    absolute(document.querySelector('link[rel="canonical"]')?.getAttribute("href"), pageUrl) ??
    absolute(meta('meta[property="og:url"]'), pageUrl);
  const publishedAt =
    toDate(meta('meta[property="article:published_time"]')) ??
    toDate(ld?.datePublished) ??
    toDate(meta('meta[name="pubdate"]')) ??
    toDate(meta('meta[itemprop="datePublished"]')) ??
    toDate(document.querySelector("time[datetime]")?.getAttribute("datetime"));
  const author = clean(meta('meta[name="author"]')) ?? names(ld?.author) ?? clean(meta('meta[property="article:author"]'));
  const siteName = meta('meta[property="og:site_name"]') ?? clean(ld?.publisher?.name);
  const images = [meta('meta[property="og:image"]'), meta('meta[name="twitter:image"]'), ...imageUrls(ld?.image)];
  const language = clean(document.documentElement?.getAttribute("lang"))?.slice(0, 2).toLowerCase() ?? null;
  const description = meta('meta[name="description"]') ?? meta('meta[property="og:description"]');
  const headline = meta('meta[property="og:title"]') ?? clean(ld?.headline);

  // Boxes Indonesian news sites put inside the article body ("Baca juga", ads, share bars);
  // Readability keeps them when they sit between paragraphs.
  for (const el of document.querySelectorAll(NOISE)) el.remove();
  const fast = knownBody(document as unknown as Document);
  const article = fast
    ? null
    : new Readability<Element>(document as unknown as Document, {
        serializer: (node) => node as Element,
        charThreshold: 300,
      }).parse();
  const content = fast?.content ?? article?.content ?? null;
  const paras = content ? paragraphs(content) : [];
  if (content) for (const img of content.querySelectorAll("img")) images.push(img.getAttribute("src"));
  const text = paras.join("\n\n");
  const title = fast
    ? (headline ?? fast.title ?? clean(document.querySelector("title")?.textContent))
    : (clean(article?.title) ?? headline);
  if (!text || !title) throw new MonitoringFetchError("monitoring_extract_empty", "no readable article text on the page");
  const unique = [...new Set(images.map((i) => absolute(i, pageUrl)).filter((i): i is string => i !== null))].slice(0, MAX_IMAGES);
  return {
    title,
    text,
    lead: paras[0] ?? description,
    author: author ?? clean(article?.byline),
    publishedAt: publishedAt ?? toDate(article?.publishedTime),
    images: unique,
    canonicalUrl,
    siteName: siteName ?? clean(article?.siteName),
    language: language ?? clean(article?.lang)?.slice(0, 2).toLowerCase() ?? null,
  };
}
