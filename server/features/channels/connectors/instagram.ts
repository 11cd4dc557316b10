import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { graph, sameText } from "./graph";
import { charCount, imagesOf, unreadable } from "./http";
import { failedCheck, PlatformError } from "./platform-error";
import { mediaSize, onlyKinds, textLength } from "./validate";

const label = "Instagram";
const LIMITS = { text: 2200, maxMedia: 10 };
/** Feed images must lie between 4:5 (portrait) and 1.91:1 (landscape). */
const RATIO = { min: 4 / 5, max: 1.91 };
const MAX_HASHTAGS = 30;

const ratioText = (w: number, h: number) => `${(w / h).toFixed(2).replace(".", ",")}:1`;

/**
 * Instagram Graph API (content publishing): a media container per image, a carousel container
 * for several, then media_publish. Instagram fetches each image from its public newsroom URL.
 */
export function instagramConnector(deps: ConnectorDeps, opts: { pollMs?: number } = {}): Connector {
  const token = (a: ConnectorAccount) => a.secret.accessToken;
  const pollMs = opts.pollMs ?? 2000;

  /** Containers are processed asynchronously; publishing one that is not FINISHED fails. */
  async function waitFinished(account: ConnectorAccount, containerId: string) {
    for (let i = 0; i < 15; i++) {
      const res = await graph(deps, label, token(account), containerId, { params: { fields: "status_code" } });
      if (res.status_code === "FINISHED" || res.status_code === undefined) return;
      if (res.status_code === "ERROR" || res.status_code === "EXPIRED")
        throw new PlatformError("rejected", label, "gambar tidak dapat diproses Instagram");
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  return {
    platform: "instagram",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const images = imagesOf(post.media);
      const issues: Issue[] = [...onlyKinds(label, post.media, ["image"])];
      if (images.length < 1 || images.length > LIMITS.maxMedia)
        issues.push({ code: "channel_images_required", params: { platform: label, min: 1, max: LIMITS.maxMedia } });
      for (const m of images) {
        if (!m.width || !m.height) continue;
        const ratio = m.width / m.height;
        if (ratio < RATIO.min - 0.005 || ratio > RATIO.max + 0.005)
          issues.push({ code: "channel_image_ratio", params: { platform: label, file: m.fileName, ratio: ratioText(m.width, m.height) } });
      }
      issues.push(...mediaSize(label, post.media, 8, "image"));
      issues.push(...textLength(label, charCount(post.text), LIMITS.text));
      const hashtags = post.text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
      if (hashtags > MAX_HASHTAGS)
        issues.push({ code: "channel_hashtags_too_many", params: { platform: label, max: MAX_HASHTAGS, count: hashtags } });
      return issues;
    },

    preview: (post) => ({ text: post.text, mediaCount: imagesOf(post.media).length }),

    async publish(account, post) {
      const user = account.config.igUserId;
      const images = imagesOf(post.media);
      let containerId: string;
      if (images.length === 1) {
        const res = await graph(deps, label, token(account), `${user}/media`, {
          method: "POST",
          params: { image_url: images[0].publicUrl, caption: post.text },
        });
        containerId = String(res.id);
      } else {
        const children: string[] = [];
        for (const image of images) {
          const res = await graph(deps, label, token(account), `${user}/media`, {
            method: "POST",
            params: { image_url: image.publicUrl, is_carousel_item: true },
          });
          children.push(String(res.id));
        }
        for (const child of children) await waitFinished(account, child);
        const res = await graph(deps, label, token(account), `${user}/media`, {
          method: "POST",
          params: { media_type: "CAROUSEL", children: children.join(","), caption: post.text },
        });
        containerId = String(res.id);
      }
      await waitFinished(account, containerId);
      const published = await graph(deps, label, token(account), `${user}/media_publish`, {
        method: "POST",
        params: { creation_id: containerId },
        critical: true,
      });
      if (!published.id) throw unreadable(label, true);
      const mediaId = String(published.id);
      // The permalink is a convenience: the post exists even if this lookup fails.
      const permalink = await graph(deps, label, token(account), mediaId, { params: { fields: "permalink" } })
        .then((r) => (typeof r.permalink === "string" ? r.permalink : null))
        .catch(() => null);
      return { externalId: mediaId, url: permalink };
    },

    async check(account) {
      try {
        const me = await graph(deps, label, token(account), account.config.igUserId, { params: { fields: "id,username" } });
        if (String(me.id) !== account.config.igUserId)
          return { ok: false, auth: true, error: "Token ini bukan milik akun Instagram tersebut; hubungkan ulang akun." };
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },

    async engagement(account, externalId) {
      const res = await graph(deps, label, token(account), externalId, { params: { fields: "like_count,comments_count" } });
      return { likes: Number(res.like_count ?? 0), comments: Number(res.comments_count ?? 0) };
    },

    async findExisting(account, post, _key, since) {
      const res = await graph(deps, label, token(account), `${account.config.igUserId}/media`, {
        params: { fields: "id,caption,permalink,timestamp", limit: 25 },
      });
      const match = (res.data as any[] | undefined)?.find(
        (m) => sameText(m.caption ?? "", post.text) && new Date(m.timestamp).getTime() >= since.getTime() - 60_000,
      );
      return match ? { externalId: String(match.id), url: match.permalink ?? null } : null;
    },
  };
}
