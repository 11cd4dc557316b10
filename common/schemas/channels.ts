import { z } from "zod";
import { LIMITS } from "../limits";
import { CHANNEL_PLATFORMS, type ChannelPlatform } from "./content";
import { can, id } from "./shared";

export { CHANNEL_PLATFORMS, type ChannelPlatform };

export const PLATFORM_LABELS: Record<ChannelPlatform, string> = {
  telegram: "Telegram",
  facebook: "Facebook",
  instagram: "Instagram",
  x: "X",
  youtube: "YouTube",
  webhook: "Webhook",
  wordpress: "WordPress",
};

/**
 * The connection fields of each platform, in form order. `secret` fields are encrypted at rest,
 * never sent back by the API, and shown as password inputs (the staff app builds its forms
 * from this list).
 */
export const CHANNEL_FIELDS: Record<ChannelPlatform, readonly { name: string; secret: boolean; optional?: boolean }[]> = {
  telegram: [
    { name: "chatId", secret: false },
    { name: "botToken", secret: true },
  ],
  facebook: [
    { name: "pageId", secret: false },
    { name: "pageAccessToken", secret: true },
  ],
  instagram: [
    { name: "igUserId", secret: false },
    { name: "accessToken", secret: true },
  ],
  x: [
    { name: "accessToken", secret: true },
    { name: "refreshToken", secret: true, optional: true },
  ],
  youtube: [
    { name: "channelId", secret: false },
    { name: "accessToken", secret: true },
  ],
  webhook: [
    { name: "url", secret: false },
    { name: "signingSecret", secret: true },
  ],
  wordpress: [
    { name: "siteUrl", secret: false },
    { name: "username", secret: false },
    { name: "applicationPassword", secret: true },
  ],
};

const token = z.string().trim().min(8).max(4096);
const webUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.url);
const numericId = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/);

/** Platform-specific connection settings, validated per platform. */
export const channelConnection = z.discriminatedUnion("platform", [
  z.strictObject({
    platform: z.literal("telegram"),
    // "123456789:AA…" as BotFather gives it.
    botToken: z
      .string()
      .trim()
      .regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/),
    // A numeric chat id (-100… for channels) or the channel's @username.
    chatId: z
      .string()
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/),
  }),
  z.strictObject({ platform: z.literal("facebook"), pageId: numericId, pageAccessToken: token }),
  z.strictObject({ platform: z.literal("instagram"), igUserId: numericId, accessToken: token }),
  z.strictObject({ platform: z.literal("x"), accessToken: token, refreshToken: token.optional() }),
  z.strictObject({
    platform: z.literal("youtube"),
    accessToken: token,
    channelId: z
      .string()
      .trim()
      .regex(/^UC[A-Za-z0-9_-]{22}$/),
  }),
  z.strictObject({ platform: z.literal("webhook"), url: webUrl, signingSecret: z.string().min(16).max(500) }),
  z.strictObject({
    platform: z.literal("wordpress"),
    siteUrl: webUrl,
    username: z.string().trim().min(1).max(200),
    // WordPress shows application passwords as six groups of four, with spaces.
    applicationPassword: z.string().trim().min(8).max(200),
  }),
]);
export type ChannelConnection = z.infer<typeof channelConnection>;

const accountName = z.string().trim().min(2).max(120);
const expiresAt = z.iso.datetime({ offset: true }).nullable();

export const createChannelBody = z.strictObject({
  organizationId: id,
  name: accountName,
  tokenExpiresAt: expiresAt.optional(),
  connection: channelConnection,
});
export type CreateChannelBody = z.input<typeof createChannelBody>;

/** `connection` reconnects the account: all of its fields are given again (secrets are never read back). */
export const updateChannelBody = z.strictObject({
  name: accountName.optional(),
  tokenExpiresAt: expiresAt.optional(),
  connection: channelConnection.optional(),
  active: z.boolean().optional(),
});
export type UpdateChannelBody = z.input<typeof updateChannelBody>;

export const channelListQuery = z.object({
  /** The organization and its sub-units. */
  organizationId: id.optional(),
  /** Active accounts an item of this organization may post to: its own and its ancestors'. */
  usableBy: id.optional(),
  platform: z.enum(CHANNEL_PLATFORMS).optional(),
  includeInactive: z.enum(["true", "false"]).default("false"),
});

/** aktif / galat / token segera kedaluwarsa / nonaktif, decided by the server. */
export const CHANNEL_HEALTH = ["active", "error", "expiring", "inactive"] as const;
export type ChannelHealth = (typeof CHANNEL_HEALTH)[number];

export const channelAccountView = z.object({
  id,
  platform: z.enum(CHANNEL_PLATFORMS),
  name: z.string(),
  organization: z.object({ id, name: z.string(), shortName: z.string() }),
  /** The non-secret connection settings (chat id, page id, site URL …). */
  config: z.record(z.string(), z.string()),
  hasSecret: z.boolean(),
  /** e.g. "••••Xy9Q": enough to tell two tokens apart, never the token. */
  secretHint: z.string().nullable(),
  health: z.enum(CHANNEL_HEALTH),
  lastError: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  tokenExpiresAt: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  can,
});
export type ChannelAccountView = z.infer<typeof channelAccountView>;

export const channelAccountList = z.object({ items: z.array(channelAccountView), can });

export const channelPreviewBody = z.strictObject({
  organizationId: id,
  channelAccountIds: z.array(id).max(20),
  /** Used for platforms that need a title (YouTube, WordPress). */
  title: z.string().max(300).default(""),
  text: z.string().max(10_000).default(""),
  link: z.union([webUrl, z.literal("")]).default(""),
  mediaAssetIds: z.array(id).max(10).default([]),
  /** Per-account text overrides. */
  texts: z.record(z.string(), z.string().max(10_000)).optional(),
});
export type ChannelPreviewBody = z.input<typeof channelPreviewBody>;

export const channelPreviewItem = z.object({
  channelAccountId: id,
  platform: z.enum(CHANNEL_PLATFORMS),
  name: z.string(),
  ok: z.boolean(),
  issues: z.array(z.object({ code: z.string(), message: z.string() })),
  preview: z.object({ text: z.string(), mediaCount: z.number().int() }),
});
export const channelPreview = z.object({ items: z.array(channelPreviewItem) });
export type ChannelPreview = z.infer<typeof channelPreview>;

export const channelPublicationView = z.object({
  id,
  contentId: id,
  channelAccountId: id,
  status: z.enum(["pending", "publishing", "published", "failed"]),
  attempts: z.number().int(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
