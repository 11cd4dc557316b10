import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { call, failure, imagesOf, jsonOf, unreadable } from "./http";
import { cleanDetail, failedCheck, PlatformError } from "./platform-error";
import { emptyPost, mediaSize, onlyKinds, textLength, tooMany } from "./validate";

const label = "X";
const LIMITS = { text: 280, maxMedia: 4 };
const URL_RE = /https?:\/\/[^\s]+/g;

/** Code points X weighs as one character (twitter-text v3); every other one counts two. */
const LIGHT: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

/** X's weighted length: URLs count 23, emoji 2, CJK and most non-Latin scripts 2. */
export function xLength(text: string): number {
  let total = 0;
  const rest = text.normalize("NFC").replace(URL_RE, () => {
    total += 23;
    return "";
  });
  for (const { segment } of new Intl.Segmenter("id", { granularity: "grapheme" }).segment(rest)) {
    if (/\p{Extended_Pictographic}/u.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) {
      const cp = ch.codePointAt(0) as number;
      total += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
    }
  }
  return total;
}

/** X shortens links to t.co and appends media links, so posts are compared without URLs. */
const withoutUrls = (text: string) => text.replace(URL_RE, "").replace(/\s+/g, " ").trim();

/** X API v2: POST /2/tweets with an OAuth 2.0 user-context token, images via /2/media/upload. */
export function xConnector(deps: ConnectorDeps): Connector {
  const base = () => deps.env.X_API_URL.replace(/\/$/, "");

  async function api(
    account: ConnectorAccount,
    path: string,
    init: { method?: string; json?: unknown; critical?: boolean; allowEmpty?: boolean } = {},
  ) {
    const res = await call(deps, label, `${base()}${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${account.secret.accessToken}`,
        ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      critical: init.critical,
      timeoutMs: 60_000,
    });
    const json = jsonOf(res);
    if (res.status >= 200 && res.status < 300) {
      if (!json.data && !(init.allowEmpty && json.meta)) throw unreadable(label, Boolean(init.critical));
      return json;
    }
    const detail: string = json.detail ?? json.errors?.[0]?.message ?? json.title ?? "";
    // X answers 403 for duplicate text too: that is a rejected post, not a broken token.
    if (res.status === 403 && /duplicate/i.test(detail))
      throw new PlatformError("rejected", label, "teks sama persis dengan kiriman sebelumnya");
    throw failure(res, label, cleanDetail(detail), init.critical);
  }

  return {
    platform: "x",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const issues: Issue[] = [...onlyKinds(label, post.media, ["image"])];
      issues.push(...tooMany(label, imagesOf(post.media).length, LIMITS.maxMedia), ...mediaSize(label, post.media, 5, "image"));
      if (!post.text.trim() && post.media.length === 0) issues.push(emptyPost(label));
      issues.push(...textLength(label, xLength(post.text), LIMITS.text));
      return issues;
    },

    preview: (post) => ({ text: post.text, mediaCount: post.media.length }),

    async publish(account, post) {
      const mediaIds: string[] = [];
      for (const image of imagesOf(post.media)) {
        const file = await image.load();
        const res = await api(account, "/2/media/upload", {
          method: "POST",
          json: { media: file.data.toString("base64"), media_category: "tweet_image", media_type: file.mime },
        });
        mediaIds.push(String(res.data.id));
      }
      const res = await api(account, "/2/tweets", {
        method: "POST",
        json: { text: post.text, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}) },
        critical: true,
      });
      const id = String(res.data.id);
      return { externalId: id, url: `https://x.com/i/web/status/${id}` };
    },

    async check(account) {
      try {
        await api(account, "/2/users/me");
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },

    async engagement(account, externalId) {
      const res = await api(account, `/2/tweets/${encodeURIComponent(externalId)}?tweet.fields=public_metrics`);
      const m = res.data.public_metrics ?? {};
      return {
        likes: Number(m.like_count ?? 0),
        reposts: Number(m.retweet_count ?? 0),
        replies: Number(m.reply_count ?? 0),
        quotes: Number(m.quote_count ?? 0),
        impressions: Number(m.impression_count ?? 0),
      };
    },

    // The account's own posts since the interrupted attempt began, matched on the text.
    async findExisting(account, post, _key, since) {
      const me = await api(account, "/2/users/me");
      const start = new Date(since.getTime() - 60_000).toISOString();
      // With no posts in the window X answers `meta` without `data`.
      const res = await api(
        account,
        `/2/users/${encodeURIComponent(me.data.id)}/tweets?max_results=20&tweet.fields=created_at&start_time=${encodeURIComponent(start)}`,
        { allowEmpty: true },
      );
      const wanted = withoutUrls(post.text);
      const match = ((res.data ?? []) as any[]).find((t) => withoutUrls(String(t.text ?? "")) === wanted);
      return match ? { externalId: String(match.id), url: `https://x.com/i/web/status/${match.id}` } : null;
    },
  };
}
