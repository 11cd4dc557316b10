import { z } from "zod";
import { ARTICLE_KINDS, TONES, WATCHLIST_ENTRY_KINDS } from "../monitoring-article-enums";
import { can, id } from "./shared";

export { ARTICLE_KINDS, TONES, WATCHLIST_ENTRY_KINDS };

// ---------- watchlists ----------
export const watchlistEntry = z.object({
  kind: z.enum(WATCHLIST_ENTRY_KINDS),
  value: z.string().trim().min(1).max(1000),
});

export const watchlistBody = z.object({
  organizationId: id,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(""),
  entries: z.array(watchlistEntry).min(1).max(100),
  enabled: z.boolean().default(true),
});
export const watchlistUpdateBody = watchlistBody.omit({ organizationId: true }).partial();

export const watchlistCheckBody = z.object({ entries: z.array(watchlistEntry).min(1).max(100) });
export const watchlistCheckResult = z.object({ query: z.string(), toneTerms: z.array(z.string()) });

export const watchlistPreviewBody = watchlistCheckBody.extend({
  organizationId: id,
  days: z.number().int().min(1).max(90).default(7),
});

export const watchlistView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  name: z.string(),
  description: z.string(),
  entries: z.array(watchlistEntry),
  compiledQuery: z.string(),
  toneTerms: z.array(z.string()),
  enabled: z.boolean(),
  mentions7d: z.number().int(),
  updatedAt: z.string(),
  can,
});
export const watchlistListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  organizationId: id.optional(),
});
export const watchlistList = z.object({ items: z.array(watchlistView) });

// ---------- articles ----------
export const mentionView = z.object({
  watchlistId: id,
  watchlistName: z.string(),
  organizationId: id,
  organizationName: z.string(),
  tone: z.enum(TONES),
  modelTone: z.enum(TONES),
  corrected: z.boolean(),
  scores: z.object({ positive: z.number(), neutral: z.number(), negative: z.number() }),
  snippet: z.string(),
  can: z.object({ correctTone: z.boolean() }),
});

export const articleSummary = z.object({
  id,
  title: z.string(),
  url: z.string(),
  outletName: z.string().nullable(),
  kind: z.string(),
  language: z.string().nullable(),
  publishedAt: z.string(),
  lead: z.string(),
  hoaxScore: z.number().nullable(),
  hoaxClarificationId: id.nullable(),
  clusterId: id.nullable(),
  clusterOutletCount: z.number().int(),
  nearDupGroupId: id.nullable(),
  nearDupCount: z.number().int(),
  mentions: z.array(mentionView),
});
export const articleView = articleSummary.extend({
  body: z.string(),
  author: z.string().nullable(),
  /** Print page or broadcast programme (manual entries). */
  section: z.string().nullable(),
  images: z.array(z.string()),
  sourceId: id.nullable(),
  organizationId: id,
  nearDuplicates: z.array(z.object({ id, title: z.string(), url: z.string(), outletName: z.string().nullable(), publishedAt: z.string() })),
});

export const articleSearchQuery = z.object({
  q: z.string().trim().max(1000).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  tone: z.enum(TONES).optional(),
  outlet: z.string().trim().max(200).optional(),
  organizationId: id.optional(),
  clusterId: id.optional(),
  nearDupGroupId: id.optional(),
  kind: z.enum(ARTICLE_KINDS).optional(),
  sourceId: id.optional(),
  sort: z.enum(["date", "relevance"]).default("date"),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const articleExportQuery = articleSearchQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
});
export const articlePage = z.object({ items: z.array(articleSummary), nextCursor: z.string().nullable() });

export const toneCorrectionBody = z.object({ tone: z.enum(TONES) });
