import type { SafeResponse } from "../../../lib/safe-fetch";
import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { call, charCount, failure, jsonOf, unreadable, videosOf } from "./http";
import { cleanDetail, failedCheck, PlatformError } from "./platform-error";
import { textLength, titleIssues, titleOf } from "./validate";

const label = "YouTube";
const LIMITS = { text: 5000, title: 100, maxMedia: 1 };

/** Google API errors: `{ error: { code, message, errors: [{ reason }] } }`. */
function youtubeError(res: SafeResponse, critical: boolean): PlatformError {
  const error = jsonOf(res).error ?? {};
  const reason = String(error.errors?.[0]?.reason ?? "");
  if (/quotaExceeded|rateLimitExceeded|userRateLimitExceeded|uploadLimitExceeded/.test(reason))
    return new PlatformError("rate_limited", label, reason === "quotaExceeded" ? "kuota harian API habis" : "");
  if (/invalidTitle|invalidDescription/.test(reason)) return new PlatformError("rejected", label, "judul atau deskripsi tidak diterima");
  return failure(res, label, cleanDetail(error.message), critical);
}

/** YouTube Data API v3: videos.insert as a resumable upload; channels.list for the check. */
export function youtubeConnector(deps: ConnectorDeps): Connector {
  const api = () => deps.env.YOUTUBE_API_URL.replace(/\/$/, "");
  const upload = () => deps.env.YOUTUBE_UPLOAD_URL.replace(/\/$/, "");
  const auth = (a: ConnectorAccount) => ({ authorization: `Bearer ${a.secret.accessToken}` });

  async function get(account: ConnectorAccount, path: string) {
    const res = await call(deps, label, `${api()}${path}`, { headers: auth(account) });
    if (res.status < 200 || res.status >= 300) throw youtubeError(res, false);
    return jsonOf(res);
  }

  return {
    platform: "youtube",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const videos = videosOf(post.media);
      const issues: Issue[] = [];
      if (videos.length === 0) issues.push({ code: "channel_video_required", params: { platform: label } });
      if (videos.length > 1) issues.push({ code: "channel_too_many_media", params: { platform: label, max: 1, count: videos.length } });
      const title = titleOf(post);
      issues.push(...titleIssues(label, title, LIMITS.title));
      if (/[<>]/.test(title)) issues.push({ code: "channel_title_invalid", params: { platform: label } });
      issues.push(...textLength(label, charCount(post.text), LIMITS.text));
      return issues;
    },

    preview: (post) => ({ text: post.text, mediaCount: Math.min(videosOf(post.media).length, 1) }),

    async publish(account, post) {
      const video = videosOf(post.media)[0];
      const file = await video.load();
      const init = await call(deps, label, `${upload()}/videos?uploadType=resumable&part=snippet,status`, {
        method: "POST",
        headers: {
          ...auth(account),
          "content-type": "application/json; charset=UTF-8",
          "x-upload-content-length": String(file.data.length),
          "x-upload-content-type": file.mime,
        },
        body: JSON.stringify({
          // 25 = News & Politics, the category of government communication.
          snippet: { title: titleOf(post), description: post.text, categoryId: "25" },
          status: { privacyStatus: "public", selfDeclaredMadeForKids: false },
        }),
      });
      if (init.status < 200 || init.status >= 300) throw youtubeError(init, false);
      const session = init.headers.location;
      if (!session) throw unreadable(label, false);
      const res = await call(deps, label, session, {
        method: "PUT",
        headers: { ...auth(account), "content-type": file.mime },
        body: file.data,
        critical: true,
        timeoutMs: 60 * 60_000,
      });
      if (res.status < 200 || res.status >= 300) throw youtubeError(res, true);
      const id = jsonOf(res).id;
      if (!id) throw unreadable(label, true);
      return { externalId: String(id), url: `https://www.youtube.com/watch?v=${id}` };
    },

    async check(account) {
      try {
        const res = await get(account, "/channels?part=id&mine=true");
        const ids = ((res.items ?? []) as { id: string }[]).map((c) => c.id);
        if (!ids.includes(account.config.channelId))
          return { ok: false, auth: true, error: `Token ini bukan milik kanal ${account.config.channelId}; hubungkan ulang akun.` };
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },

    async engagement(account, externalId) {
      const res = await get(account, `/videos?part=statistics&id=${encodeURIComponent(externalId)}`);
      const s = res.items?.[0]?.statistics ?? {};
      return { views: Number(s.viewCount ?? 0), likes: Number(s.likeCount ?? 0), comments: Number(s.commentCount ?? 0) };
    },
  };
}
