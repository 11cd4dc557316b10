import { z } from "zod";
import { LIMITS } from "../limits";
import { FEED_SOURCE_KINDS, FETCH_STATUSES, MONITORING_SOURCE_KINDS, SOURCE_HEALTH } from "../monitoring-source-enums";
import { can, id, paged, pageQuery } from "./shared";

export { FEED_SOURCE_KINDS, FETCH_STATUSES, MONITORING_SOURCE_KINDS, SOURCE_HEALTH };

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(LIMITS.url)
  .transform((u) => u.trim());
const name = z.string().trim().min(2).max(200);
const scheduleMinutes = z.number().int().min(5).max(1440);

export const createSourceBody = z.strictObject({
  organizationId: id,
  kind: z.enum(FEED_SOURCE_KINDS),
  name,
  url: httpUrl,
  outletId: id.nullable().optional(),
  scheduleMinutes: scheduleMinutes.default(30),
  enabled: z.boolean().default(true),
});

export const updateSourceBody = z.strictObject({
  kind: z.enum(FEED_SOURCE_KINDS).optional(),
  name: name.optional(),
  url: httpUrl.optional(),
  outletId: id.nullable().optional(),
  scheduleMinutes: scheduleMinutes.optional(),
  enabled: z.boolean().optional(),
});

export const sourceListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(MONITORING_SOURCE_KINDS).optional(),
  health: z.enum(SOURCE_HEALTH).optional(),
  organizationId: id.optional(),
});

export const sourceSummary = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  kind: z.enum(MONITORING_SOURCE_KINDS),
  name: z.string(),
  url: z.string().nullable(),
  outletId: id.nullable(),
  outletName: z.string().nullable(),
  scheduleMinutes: z.number().int(),
  enabled: z.boolean(),
  health: z.enum(SOURCE_HEALTH),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  itemsTotal: z.number().int(),
  /** Items stored over the last 7 days, per day on average. */
  itemsPerDay: z.number(),
  nextFetchAt: z.string().nullable(),
  /** A fetch is running now. */
  running: z.boolean(),
  can,
});
export type SourceSummary = z.infer<typeof sourceSummary>;

export const fetchLogEntry = z.object({
  id,
  at: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(FETCH_STATUSES),
  trigger: z.string(),
  httpStatus: z.number().int().nullable(),
  entries: z.number().int(),
  items: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  details: z.array(z.object({ url: z.string(), code: z.string(), message: z.string() })),
});
export type FetchLogEntry = z.infer<typeof fetchLogEntry>;

export const sourceView = sourceSummary.extend({
  /** Items per day over the last 7 days (oldest first), from the fetch log. */
  itemsByDay: z.array(z.object({ day: z.string(), items: z.number().int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SourceView = z.infer<typeof sourceView>;

export const sourceList = paged(sourceSummary);
export const fetchLogQuery = pageQuery.extend({ status: z.enum(FETCH_STATUSES).optional() });
export const fetchLogList = paged(fetchLogEntry);

export const fetchNowAnswer = z.object({ queued: z.boolean(), source: sourceView });

export const clippingBody = z.strictObject({ organizationId: id, url: httpUrl, outletId: id.nullable().optional() });
export const clippingAnswer = z.object({
  status: z.enum(["inserted", "updated", "duplicate"]),
  articleId: id.nullable(),
  title: z.string(),
  url: z.string(),
  outletName: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ClippingAnswer = z.infer<typeof clippingAnswer>;
