import { z } from "zod";
import { LIMITS } from "../limits";
import { type CONTENT_STATUSES, CONTENT_TYPES } from "./content";
import { can, id, paged, pageQuery } from "./shared";

/** Limits of a campaign's lists: a narrative has a few key messages and hashtags, not dozens. */
export const CAMPAIGN_LIMITS = {
  name: 200,
  description: 5000,
  keyMessage: 500,
  keyMessages: 20,
  hashtags: 20,
  assets: 50,
  assignments: 500,
};

/** The calendar reads at most this many days at once (about a quarter). */
export const CALENDAR_MAX_DAYS = 93;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const httpUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.url);

/**
 * "#Bali Bangkit", "balibangkit" and "#BaliBangkit " all become "#BaliBangkit": a hashtag starts
 * with # and holds no spaces. What is left must be letters, digits or underscores.
 */
export function normalizeHashtag(raw: string): string {
  return `#${raw.replace(/\s+/g, "").replace(/^#+/, "")}`;
}
export const HASHTAG_PATTERN = /^#[\p{L}\p{N}_]{1,100}$/u;

const hashtag = z.string().transform(normalizeHashtag).pipe(z.string().regex(HASHTAG_PATTERN));
/** Hashtags, normalised and without duplicates (compared case-insensitively, first spelling kept). */
const hashtags = z
  .array(hashtag)
  .max(CAMPAIGN_LIMITS.hashtags)
  .transform((list) => list.filter((h, i) => list.findIndex((o) => o.toLowerCase() === h.toLowerCase()) === i));
const keyMessages = z.array(z.string().trim().min(1).max(CAMPAIGN_LIMITS.keyMessage)).max(CAMPAIGN_LIMITS.keyMessages);

export const createCampaignBody = z.strictObject({
  organizationId: id,
  name: z.string().trim().min(3).max(CAMPAIGN_LIMITS.name),
  description: z.string().trim().max(CAMPAIGN_LIMITS.description).default(""),
  startsOn: isoDate,
  endsOn: isoDate,
  keyMessages: keyMessages.default([]),
  hashtags: hashtags.default([]),
  assetIds: z.array(id).max(CAMPAIGN_LIMITS.assets).default([]),
  organizationIds: z.array(id).max(CAMPAIGN_LIMITS.assignments).default([]),
});
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

export const updateCampaignBody = z.strictObject({
  name: z.string().trim().min(3).max(CAMPAIGN_LIMITS.name).optional(),
  description: z.string().trim().max(CAMPAIGN_LIMITS.description).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  keyMessages: keyMessages.optional(),
  hashtags: hashtags.optional(),
  assetIds: z.array(id).max(CAMPAIGN_LIMITS.assets).optional(),
  active: z.boolean().optional(),
});
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;

export const assignmentsBody = z.strictObject({ organizationIds: z.array(id).max(CAMPAIGN_LIMITS.assignments) });

export const CAMPAIGN_PERIODS = ["current", "upcoming", "past"] as const;
export const campaignListQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  active: z.enum(["true", "false"]).optional(),
  /** Relative to today: running now, starting later, or ended. */
  period: z.enum(CAMPAIGN_PERIODS).optional(),
  /** Only campaigns this organization may use (run by it or an ancestor, or assigned to it). */
  organizationId: id.optional(),
});

const orgRef = z.object({ id, name: z.string(), shortName: z.string() });

export const campaignSummary = z.object({
  id,
  organization: orgRef,
  name: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  keyMessages: z.array(z.string()),
  hashtags: z.array(z.string()),
  active: z.boolean(),
  assignedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignList = paged(campaignSummary);

export const campaignAssetView = z.object({
  id,
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  caption: z.string(),
  thumbUrl: z.string().nullable(),
  fileUrl: z.string(),
});

export const campaignView = campaignSummary.extend({
  assets: z.array(campaignAssetView),
  assignments: z.array(orgRef),
});
export type CampaignView = z.infer<typeof campaignView>;

export const campaignPublication = z.object({
  platform: z.string(),
  channelName: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export const campaignReportItem = z.object({
  id,
  title: z.string(),
  type: z.enum(CONTENT_TYPES),
  publishedAt: z.string().nullable(),
  publicUrl: z.string(),
  publications: z.array(campaignPublication),
});
const statusCounts = z.record(z.string(), z.number().int());
export const campaignReportAgency = z.object({
  organization: orgRef,
  byStatus: statusCounts,
  total: z.number().int(),
  published: z.array(campaignReportItem),
  adopted: z.boolean(),
});
export const campaignReport = z.object({
  campaign: z.object({ id, name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  agencies: z.array(campaignReportAgency),
  totals: z.object({
    assigned: z.number().int(),
    adopted: z.number().int(),
    /** adopted / assigned, 0–100, one decimal. */
    adoptionPercent: z.number(),
    items: z.number().int(),
    published: z.number().int(),
    byStatus: statusCounts,
  }),
});
export type CampaignReport = z.infer<typeof campaignReport>;

// ── Amplification requests ────────────────────────────────────────────────────────────────────

export const AMPLIFICATION_STATUSES = ["pending", "shared"] as const;
export type AmplificationStatus = (typeof AMPLIFICATION_STATUSES)[number];

export const amplifyBody = z.strictObject({
  organizationIds: z.array(id).min(1).max(200),
  message: z.string().trim().max(2000).default(""),
});
export const markSharedBody = z.strictObject({ url: httpUrl });

export const amplificationView = z.object({
  id,
  organization: orgRef,
  status: z.enum(AMPLIFICATION_STATUSES),
  message: z.string(),
  sharedUrl: z.string().nullable(),
  sharedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const contentAmplifications = z.object({
  items: z.array(amplificationView),
  requested: z.number().int(),
  shared: z.number().int(),
  /** shared / requested, 0–100, one decimal. */
  adoptionPercent: z.number(),
  can,
});
export type ContentAmplifications = z.infer<typeof contentAmplifications>;

export const amplificationInboxQuery = pageQuery.extend({ status: z.enum(AMPLIFICATION_STATUSES).optional() });
export const amplificationInboxItem = amplificationView.extend({
  content: z.object({ id, title: z.string(), type: z.enum(CONTENT_TYPES), publicUrl: z.string(), publishedAt: z.string().nullable() }),
  requester: orgRef,
  can,
});
export type AmplificationInboxItem = z.infer<typeof amplificationInboxItem>;
export const amplificationInbox = paged(amplificationInboxItem);

// ── Calendar ─────────────────────────────────────────────────────────────────────────────────

export const CALENDAR_STATUSES = ["approved", "scheduled", "published"] as const satisfies readonly (typeof CONTENT_STATUSES)[number][];
export const calendarQuery = z.object({
  from: isoDate,
  to: isoDate,
  organizationId: id.optional(),
  type: z.enum(CONTENT_TYPES).optional(),
  status: z.enum(CALENDAR_STATUSES).optional(),
  campaignId: id.optional(),
});
export type CalendarQuery = z.infer<typeof calendarQuery>;

export const calendarEntry = z.object({
  id,
  title: z.string(),
  type: z.enum(CONTENT_TYPES),
  status: z.enum(CALENDAR_STATUSES),
  /** publish_at for approved/scheduled items, the public moment for published ones. */
  at: z.string(),
  embargoUntil: z.string().nullable(),
  organization: orgRef.extend({ timeZone: z.string() }),
  campaign: z.object({ id, name: z.string() }).nullable(),
  publicUrl: z.string(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;
export const calendarView = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(calendarEntry),
  /** True when more items matched than one answer carries. */
  truncated: z.boolean(),
});
export type CalendarView = z.infer<typeof calendarView>;
