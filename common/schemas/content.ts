import { z } from "zod";
import { CONTENT_STATUSES, CONTENT_TYPES, type ContentType } from "../enums";
import { LIMITS } from "../limits";
import { can, id, paged, pageQuery } from "./shared";

// The forms and statuses live in ../enums (zod-free, for the staff app's router).
export { CONTENT_STATUSES, CONTENT_TYPES, type ContentStatus, type ContentType } from "../enums";

/** Labels for hoax clarifications (DOMAIN.md §5); an organization may add its own. */
export const HOAX_LABELS = ["HOAKS", "DISINFORMASI", "MISINFORMASI", "SALAH", "PENIPUAN", "BELUM TERBUKTI"] as const;

export const CHANNEL_PLATFORMS = ["telegram", "facebook", "instagram", "x", "youtube", "webhook", "wordpress"] as const;
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number];

const text = (max: number) => z.string().trim().max(max);
const url = z.url({ protocol: /^https?$/ }).max(LIMITS.url);

/**
 * Type-specific fields. Drafts may leave any of them empty; `missingForReview` (server and form)
 * names what must be filled before the item goes to review.
 */
export const contentFields = z.strictObject({
  // siaran pers
  dateline: text(120).optional(),
  lead: text(2000).optional(),
  quotes: z
    .array(z.strictObject({ text: text(2000), speaker: text(200), role: text(200) }))
    .max(20)
    .optional(),
  contactName: text(200).optional(),
  contactPhone: text(LIMITS.phone).optional(),
  contactEmail: z.union([z.email().max(LIMITS.email), z.literal("")]).optional(),
  boilerplate: text(2000).optional(),
  // foto jurnalistik
  photos: z
    .array(z.strictObject({ assetId: id, caption: text(1000), credit: text(200), place: text(200), takenAt: text(40) }))
    .max(60)
    .optional(),
  // infografis
  images: z
    .array(z.strictObject({ assetId: id, altText: text(1000) }))
    .max(20)
    .optional(),
  dataSource: text(500).optional(),
  // videografis
  videoAssetId: id.optional(),
  videoUrl: z.union([url, z.literal("")]).optional(),
  thumbnailAssetId: id.optional(),
  durationSeconds: z.number().int().min(1).max(86_400).optional(),
  subtitles: z
    .array(z.strictObject({ language: z.string().regex(/^[a-z]{2,3}$/), format: z.enum(["srt", "vtt"]), text: z.string().max(500_000) }))
    .max(5)
    .optional(),
  // pengumuman
  validUntil: text(40).optional(),
  // klarifikasi hoaks
  claim: text(4000).optional(),
  circulatedOn: text(500).optional(),
  hoaxLabel: text(40).optional(),
  facts: text(20_000).optional(),
  agencyStatement: text(4000).optional(),
  references: z.array(url).max(20).optional(),
  // social post
  socialText: text(5000).optional(),
  mediaAssetIds: z.array(id).max(10).optional(),
  variants: z.record(z.enum(CHANNEL_PLATFORMS), text(5000)).optional(),
});
export type ContentFields = z.infer<typeof contentFields>;

/** What each type needs before review (field keys of the item or of `fields`). */
export const REQUIRED_FOR_REVIEW: Record<ContentType, readonly string[]> = {
  siaran_pers: ["title", "bodyHtml", "dateline", "lead", "contactName", "boilerplate"],
  berita: ["title", "bodyHtml"],
  foto: ["title", "photos"],
  infografis: ["title", "images", "dataSource"],
  video: ["title", "video", "thumbnailAssetId", "durationSeconds"],
  pengumuman: ["title", "bodyHtml"],
  klarifikasi: ["title", "claim", "circulatedOn", "hoaxLabel", "facts", "agencyStatement"],
  sosial: ["socialText"],
};

/** Keys of required fields that are still empty (shared by the form and the submit command). */
export function missingForReview(type: ContentType, item: { title: string; bodyHtml: string; fields: ContentFields }): string[] {
  const f = item.fields;
  const filled = (key: string): boolean => {
    if (key === "title") return item.title.trim().length > 0;
    if (key === "bodyHtml") return item.bodyHtml.replace(/<[^>]*>/g, "").trim().length > 0;
    if (key === "video") return Boolean(f.videoAssetId || f.videoUrl);
    const v = (f as Record<string, unknown>)[key];
    if (Array.isArray(v)) return v.length > 0;
    if (typeof v === "string") return v.trim().length > 0;
    return v !== undefined && v !== null;
  };
  const missing = REQUIRED_FOR_REVIEW[type].filter((k) => !filled(k));
  // Each photo needs its caption and credit, each infographic its alt text, each quote its speaker.
  for (const [i, p] of type === "foto" ? (f.photos ?? []).entries() : []) {
    if (!p.caption.trim()) missing.push(`photos.${i}.caption`);
    if (!p.credit.trim()) missing.push(`photos.${i}.credit`);
  }
  for (const [i, p] of type === "infografis" ? (f.images ?? []).entries() : []) if (!p.altText.trim()) missing.push(`images.${i}.altText`);
  for (const [i, q] of type === "siaran_pers" ? (f.quotes ?? []).entries() : []) {
    if (!q.speaker.trim() || !q.role.trim()) missing.push(`quotes.${i}.speaker`);
  }
  return missing;
}

const editable = {
  title: text(300),
  summary: text(1000),
  bodyHtml: z.string().max(500_000),
  fields: contentFields,
  sensitive: z.boolean(),
  campaignId: id.nullable(),
  coverAssetId: id.nullable(),
  embargoUntil: z.iso.datetime({ offset: true }).nullable(),
};

export const createContentBody = z.strictObject({
  organizationId: id,
  type: z.enum(CONTENT_TYPES),
  title: editable.title.min(3),
  summary: editable.summary.default(""),
  bodyHtml: editable.bodyHtml.default(""),
  fields: contentFields.default({}),
  sensitive: z.boolean().default(false),
  campaignId: id.nullable().optional(),
  coverAssetId: id.nullable().optional(),
});

export const updateContentBody = z.strictObject({
  /** The version the editor started from; a newer saved version answers 409 instead of overwriting. */
  baseVersion: z.number().int().min(1),
  title: editable.title.min(3).optional(),
  summary: editable.summary.optional(),
  bodyHtml: editable.bodyHtml.optional(),
  fields: contentFields.optional(),
  sensitive: z.boolean().optional(),
  campaignId: editable.campaignId.optional(),
  coverAssetId: editable.coverAssetId.optional(),
});

export const noteBody = z.strictObject({ note: text(2000).optional() });
export const returnBody = z.strictObject({ note: text(2000).min(3) });
export const scheduleBody = z.strictObject({
  /** Publish time; now or in the past publishes at once. */
  publishAt: z.iso.datetime({ offset: true }),
  /** Public only from this time (embargo); must not be before publishAt. */
  embargoUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Channels to post to when it publishes. */
  channelAccountIds: z.array(id).max(20).default([]),
  /** Per-channel text overrides (else the item's text is used). */
  channelTexts: z.record(z.string(), text(5000)).optional(),
  /** Confirms publishing assets whose usage rights are limited. */
  acknowledgeRights: z.boolean().optional(),
});

export const contentListQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  type: z.enum(CONTENT_TYPES).optional(),
  organizationId: id.optional(),
  campaignId: id.optional(),
  mine: z.enum(["true", "false"]).optional(),
  sort: z.enum(["updated", "-updated", "title", "-title", "published", "-published"]).default("-updated"),
});

const person = z.object({ id, name: z.string() }).nullable();
const orgRef = z.object({ id, name: z.string(), shortName: z.string(), slug: z.string() });

export const contentSummary = z.object({
  id,
  type: z.enum(CONTENT_TYPES),
  title: z.string(),
  status: z.enum(CONTENT_STATUSES),
  sensitive: z.boolean(),
  organization: orgRef,
  author: person,
  embargoUntil: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  publicUrl: z.string().nullable(),
  can,
});
export const contentList = paged(contentSummary);

export const reviewStepView = z.object({
  index: z.number().int(),
  mode: z.enum(["any", "all"]),
  label: z.string(),
  approvers: z.array(z.object({ id, name: z.string() })),
  approvedBy: z.array(z.object({ id, name: z.string() })),
  done: z.boolean(),
  current: z.boolean(),
});

export const contentEventView = z.object({
  id,
  action: z.string(),
  step: z.number().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

export const publicationView = z.object({
  id,
  channelAccountId: id,
  channelName: z.string(),
  platform: z.enum(CHANNEL_PLATFORMS),
  status: z.enum(["pending", "publishing", "published", "failed"]),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  error: z.string().nullable(),
  engagement: z.record(z.string(), z.number()).nullable(),
});

export const contentView = contentSummary.extend({
  slug: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  fields: contentFields,
  campaignId: id.nullable(),
  coverAssetId: id.nullable(),
  version: z.number().int(),
  missing: z.array(z.string()),
  review: z.array(reviewStepView),
  events: z.array(contentEventView),
  publications: z.array(publicationView),
  /** Assets used by the item whose rights are limited (warned before scheduling). */
  limitedRightsAssets: z.array(z.object({ id, fileName: z.string(), rightsNote: z.string() })),
});

export const versionSummary = z.object({ version: z.number().int(), authorName: z.string().nullable(), createdAt: z.string() });
export const versionList = z.object({ items: z.array(versionSummary) });
export const diffPart = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() });
export const versionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  fields: z.array(z.object({ field: z.string(), parts: z.array(diffPart) })),
});

export const mentionableQuery = z.object({ q: z.string().trim().max(LIMITS.search).optional() });
export const mentionableList = z.object({ items: z.array(z.object({ id, name: z.string(), email: z.string() })) });

export const commentBody = z.strictObject({ body: text(5000).min(1), mentions: z.array(id).max(20).default([]) });
export const commentView = z.object({ id, body: z.string(), author: person, mentions: z.array(person), createdAt: z.string() });
export const commentList = z.object({ items: z.array(commentView) });

export const approvalStep = z.strictObject({
  mode: z.enum(["any", "all"]),
  roles: z.array(z.enum(["admin", "coordinator", "leader", "editor"])).max(4),
  userIds: z.array(id).max(20),
});
export const approvalChainBody = z.strictObject({ steps: z.array(approvalStep).min(1).max(3) });
export const approvalChainView = z.object({
  organizationId: id,
  steps: z.array(approvalStep.extend({ users: z.array(z.object({ id, name: z.string() })) })),
  inherited: z.boolean(),
  can,
});

export const notificationView = z.object({
  id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const notificationList = paged(notificationView).extend({ unread: z.number().int() });
export const markReadBody = z.strictObject({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() });
