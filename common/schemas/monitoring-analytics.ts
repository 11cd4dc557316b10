import { z } from "zod";
import { articleSearchQuery } from "./monitoring-articles";

/** The article-search filters, plus the time bucket; without dates the last 30 days. */
export const analyticsQuery = articleSearchQuery.omit({ cursor: true, limit: true, sort: true }).extend({
  interval: z.enum(["day", "week", "month"]).default("day"),
});
export const analyticsExportQuery = analyticsQuery.extend({ format: z.enum(["xlsx", "pdf"]).default("xlsx") });

const toneCounts = { positive: z.number().int(), neutral: z.number().int(), negative: z.number().int(), unrated: z.number().int() };

export const analyticsView = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(["day", "week", "month"]),
  total: z.number().int(),
  tone: z.object(toneCounts),
  volume: z.array(z.object({ bucket: z.string(), total: z.number().int(), ...toneCounts })),
  topOutlets: z.array(z.object({ outlet: z.string(), articles: z.number().int(), negative: z.number().int() })),
  topStories: z.array(z.object({ clusterId: z.uuid(), title: z.string(), articles: z.number().int(), outlets: z.number().int() })),
  topTerms: z.array(z.object({ term: z.string(), count: z.number().int() })),
  shareOfVoice: z.array(
    z.object({ organizationId: z.uuid(), name: z.string(), mentions: z.number().int(), negative: z.number().int(), share: z.number() }),
  ),
  regions: z.array(z.object({ code: z.string(), name: z.string(), articles: z.number().int(), negative: z.number().int() })),
});
export type AnalyticsView = z.infer<typeof analyticsView>;
