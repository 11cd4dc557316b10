import type { ErrorCode } from "../../../../common/i18n/errors";
import type { ChannelPlatform } from "../../../../common/schemas/channels";
import type { Env } from "../../../env";
import type { SafeFetch } from "../../../lib/safe-fetch";

/** One media file of a post, read from media_assets. */
export interface PostMedia {
  id: string;
  kind: "image" | "video" | "other";
  mime: string;
  fileName: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  /** Newsroom URL of the public rendition (Instagram fetches images from it). */
  publicUrl: string;
  /** The bytes to upload: the large rendition of an image, the original of a video. */
  load(): Promise<{ data: Buffer; mime: string; fileName: string }>;
}

/** What goes out to one channel. */
export interface Post {
  /** The channel's text (per-channel override or the default built from the item). */
  text: string;
  /** The item's title (YouTube and WordPress need one; social posts may have none). */
  title: string;
  /** The item's public newsroom URL, or "". */
  link: string;
  media: PostMedia[];
  /** The whole item, for receivers that take more than a post (webhook, WordPress). */
  item?: { id: string; type: string; summary: string; bodyText: string };
}

/** A connected account as a connector sees it: settings plus the decrypted secret. */
export interface ConnectorAccount {
  id: string;
  name: string;
  config: Record<string, string>;
  secret: Record<string, string>;
}

/** A validation problem, localizable through common/i18n/errors.ts. */
export interface Issue {
  code: ErrorCode;
  params: Record<string, string | number>;
}

export interface PublishResult {
  externalId: string;
  url: string | null;
}

export interface CheckResult {
  ok: boolean;
  expiresAt?: Date | null;
  /** Plain-words reason when not ok (see platform-errors.ts). */
  error?: string;
  /** True when the failure means the credentials no longer work. */
  auth?: boolean;
}

export interface ConnectorLimits {
  /** Longest text (for X, the weighted length with URLs as 23). */
  text: number;
  /** Longest text when media is attached (Telegram captions). */
  caption?: number;
  title?: number;
  maxMedia: number;
}

export interface Connector {
  platform: ChannelPlatform;
  label: string;
  limits: ConnectorLimits;
  /**
   * Sending the same post again with the same idempotency key is safe by protocol (the webhook's
   * Idempotency-Key header), so an interrupted attempt may simply be resent.
   */
  resendSafe?: boolean;
  validate(post: Post): Issue[];
  preview(post: Post): { text: string; mediaCount: number };
  /** `key` is the publication id: stable across attempts. */
  publish(account: ConnectorAccount, post: Post, key: string): Promise<PublishResult>;
  check(account: ConnectorAccount): Promise<CheckResult>;
  engagement?(account: ConnectorAccount, externalId: string): Promise<Record<string, number>>;
  /**
   * Looks the post up on the platform after an attempt whose outcome is unknown (a crash or a
   * timeout after sending). `since` is when that attempt started.
   */
  findExisting?(account: ConnectorAccount, post: Post, key: string, since: Date): Promise<PublishResult | null>;
}

export interface ConnectorDeps {
  fetch: SafeFetch;
  env: Pick<Env, "TELEGRAM_API_URL" | "GRAPH_API_URL" | "X_API_URL" | "YOUTUBE_API_URL" | "YOUTUBE_UPLOAD_URL">;
}
