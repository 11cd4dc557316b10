import type { Issue, PostMedia } from "./connector";
import { charCount } from "./http";

/** Small shared checks; each connector composes the ones its platform needs. */

export function textLength(platform: string, length: number, max: number, code: Issue["code"] = "channel_text_too_long"): Issue[] {
  return length > max ? [{ code, params: { platform, length, max } }] : [];
}

export function mediaSize(platform: string, media: PostMedia[], maxMb: number, kind: PostMedia["kind"]): Issue[] {
  return media
    .filter((m) => m.kind === kind && m.sizeBytes > maxMb * 1024 * 1024)
    .map((m) => ({ code: "channel_media_too_large" as const, params: { platform, file: m.fileName, mb: maxMb } }));
}

export function onlyKinds(platform: string, media: PostMedia[], kinds: PostMedia["kind"][]): Issue[] {
  return media
    .filter((m) => !kinds.includes(m.kind))
    .map((m) => ({ code: "channel_media_unsupported" as const, params: { platform, file: m.fileName, kind: m.mime } }));
}

export function tooMany(platform: string, count: number, max: number): Issue[] {
  return count > max ? [{ code: "channel_too_many_media", params: { platform, max, count } }] : [];
}

export const emptyPost = (platform: string): Issue => ({ code: "channel_empty_post", params: { platform } });

/** Title for platforms that need one: the item's title, else the text's first line. */
export function titleOf(post: { title: string; text: string }): string {
  return (post.title.trim() || post.text.trim().split("\n")[0] || "").trim();
}

export function titleIssues(platform: string, title: string, max: number): Issue[] {
  if (!title) return [{ code: "channel_title_required", params: { platform } }];
  return textLength(platform, charCount(title), max, "channel_title_too_long");
}
