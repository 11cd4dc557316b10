/**
 * Value lists the zod schemas in common/schemas use, kept in a module without zod so code that
 * must not load zod can import them: the staff app's router checks search params with them
 * before a page's chunk (and zod, ~25 KB gzip) arrives. The schema modules re-export them.
 */

/** The forms the PR units publish in (issue 4 §1). */
export const CONTENT_TYPES = ["siaran_pers", "berita", "foto", "infografis", "video", "pengumuman", "klarifikasi", "sosial"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** draft → in_review → approved → scheduled → published → archived; returned = back to the author. */
export const CONTENT_STATUSES = ["draft", "returned", "in_review", "approved", "scheduled", "published", "archived"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** What the media library holds, decided by the file's content (magic bytes), never its name. */
export const MEDIA_KINDS = ["image", "video", "pdf", "audio"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** free: use as is; attribution: name the credit; limited: the rights note says where it may go. */
export const MEDIA_RIGHTS = ["free", "attribution", "limited"] as const;
export type MediaRights = (typeof MEDIA_RIGHTS)[number];

export const MEDIA_SORTS = ["newest", "oldest", "name"] as const;
export type MediaSort = (typeof MEDIA_SORTS)[number];

export const WORK_LOG_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type WorkLogStatus = (typeof WORK_LOG_STATUSES)[number];
